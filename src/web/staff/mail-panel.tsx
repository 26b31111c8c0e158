import { Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useMailing } from './mail-confirm.tsx';
import { sendTo } from './staff-api.ts';

/**
 * Contact addresses (CSV) and the sending of invitations or reminders: who a mailing goes to and who it
 * leaves out is shown first, and it goes only when confirmed; then the result.
 */
export function MailPanel({ roundId }: { roundId: string }) {
  const [contacts, setContacts] = useState('');
  const { pending, ask, confirmation, message, setMessage } = useMailing(roundId);
  type Answer = { rows?: number };
  const look = (kind: 'invitation' | 'reminder', again: boolean) => ask({ kind, again });
  return (
    <section className="submit-section" aria-labelledby="mail-heading">
      <Heading level={2} id="mail-heading" data-size="sm">
        Invitasjoner og påminnelser
      </Heading>
      <Textfield
        label="Kontaktadresser"
        description="Én per linje: kommunenummer,e-post,målform (nb eller nn, kommunens språkvedtak; kan utelates)"
        multiline
        rows={4}
        value={contacts}
        onChange={(e) => setContacts(e.target.value)}
      />
      <Button
        variant="secondary"
        onClick={() =>
          void sendTo<Answer>('PUT', `/api/staff/rounds/${roundId}/contacts`, contacts, 'text/csv').then(
            (b) => setMessage(`${b.rows ?? 0} adresser lagret.`),
            (e: unknown) => setMessage(String(e)),
          )
        }
      >
        Lagre adresser
      </Button>
      <div className="button-row">
        <Button onClick={() => look('invitation', false)}>Send invitasjoner …</Button>
        <Button variant="secondary" onClick={() => look('reminder', false)}>
          Send påminnelser nå …
        </Button>
      </div>
      {pending &&
        confirmation(
          pending.kind === 'invitation' && (
            <Checkbox
              label="Send også til de som alt er invitert (en ny lenke hver)"
              checked={pending.again}
              onChange={(e) => look('invitation', e.target.checked)}
            />
          ),
        )}
      {message && <Paragraph role="status">{message}</Paragraph>}
    </section>
  );
}
