import { Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import {
  lookUpRecipients,
  MailConfirmation,
  sendConfirmed,
  type MailLanguage,
  type PendingMail,
} from './mail-confirm.tsx';
import { sendTo } from './staff-api.ts';

/**
 * Contact addresses (CSV) and the sending of invitations or reminders: who a mailing goes to and who it
 * leaves out is shown first, and it goes only when confirmed; then the result.
 */
export function MailPanel({ roundId }: { roundId: string }) {
  const [contacts, setContacts] = useState('');
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState<PendingMail>();
  type Answer = { rows?: number };
  const failed = (e: unknown) => setMessage(e instanceof Error ? e.message : String(e));
  const look = (kind: 'invitation' | 'reminder', again: boolean) =>
    lookUpRecipients(roundId, { kind, again }).then(setPending, failed);
  const send = (language: MailLanguage) => {
    if (!pending) return;
    setPending(undefined);
    return sendConfirmed(roundId, pending, language).then(setMessage, failed);
  };
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
        <Button onClick={() => void look('invitation', false)}>Send invitasjoner …</Button>
        <Button variant="secondary" onClick={() => void look('reminder', false)}>
          Send påminnelser nå …
        </Button>
      </div>
      {pending && (
        <MailConfirmation
          pending={pending}
          onSend={(language) => void send(language)}
          onCancel={() => setPending(undefined)}
        >
          {pending.kind === 'invitation' && (
            <Checkbox
              label="Send også til de som alt er invitert (en ny lenke hver)"
              checked={pending.again}
              onChange={(e) => void look('invitation', e.target.checked)}
            />
          )}
        </MailConfirmation>
      )}
      {message && <Paragraph role="status">{message}</Paragraph>}
    </section>
  );
}
