import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { call } from '../api.ts';
import { sendTo } from './staff-api.ts';

/** Contact addresses (CSV) and the sending of invitations or reminders, with the result. */
export function MailPanel({ roundId }: { roundId: string }) {
  const [contacts, setContacts] = useState('');
  const [message, setMessage] = useState<string>();
  type Answer = { rows?: number; sent?: number; failed?: number };
  return (
    <section className="submit-section" aria-labelledby="mail-heading">
      <Heading level={2} id="mail-heading" data-size="sm">
        Invitasjoner og påminnelser
      </Heading>
      <Textfield
        label="Kontaktadresser"
        description="Én per linje: kommunenummer,e-post"
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
      <Button
        onClick={() =>
          void call<Answer>('POST', `/api/staff/rounds/${roundId}/mail`, {
            kind: 'invitation',
            language: 'nb',
          }).then(
            (b) => setMessage(`Invitasjoner sendt: ${b.sent ?? 0}, feilet: ${b.failed ?? 0}.`),
            (e: unknown) => setMessage(String(e)),
          )
        }
      >
        Send invitasjoner
      </Button>
      <Button
        variant="secondary"
        onClick={() =>
          void call<Answer>('POST', `/api/staff/rounds/${roundId}/mail`, {
            kind: 'reminder',
            language: 'nb',
          }).then(
            (b) => setMessage(`Påminnelser sendt: ${b.sent ?? 0}, feilet: ${b.failed ?? 0}.`),
            (e: unknown) => setMessage(String(e)),
          )
        }
      >
        Send påminnelser nå
      </Button>
      {message && <Paragraph role="status">{message}</Paragraph>}
    </section>
  );
}
