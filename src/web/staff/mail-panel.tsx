import { Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { call } from '../api.ts';
import type { WireMailRecipients } from '../../wire/staff.ts';
import { SelectField } from '../select-field.tsx';
import { sendTo } from './staff-api.ts';

const WHY = {
  no_address: 'uten adresse',
  invited: 'alt invitert',
  submitted: 'har sendt inn',
  closed: 'skjemaet er stengt',
} as const;

/** Why municipalities are left out of a mailing, counted: «2 alt invitert, 1 uten adresse». */
function skippedText(skipped: WireMailRecipients['skipped']): string {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(WHY[s.why], (counts.get(WHY[s.why]) ?? 0) + 1);
  return [...counts].map(([why, n]) => `${n} ${why}`).join(', ');
}

/**
 * Contact addresses (CSV) and the sending of invitations or reminders: who a mailing goes to and who it
 * leaves out is shown first, and it goes only when confirmed; then the result.
 */
export function MailPanel({ roundId }: { roundId: string }) {
  const [contacts, setContacts] = useState('');
  const [message, setMessage] = useState<string>();
  const [language, setLanguage] = useState<'nb' | 'nn'>('nb');
  const [pending, setPending] = useState<{
    kind: 'invitation' | 'reminder';
    again: boolean;
    recipients: WireMailRecipients;
  }>();
  type Answer = { rows?: number; sent?: number; failed?: number; skipped?: number };
  const look = (kind: 'invitation' | 'reminder', again: boolean) =>
    call<WireMailRecipients>(
      'GET',
      `/api/staff/rounds/${roundId}/mail-recipients?kind=${kind}&again=${again}`,
    ).then(
      (recipients) => setPending({ kind, again, recipients }),
      (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)),
    );
  const send = () => {
    if (!pending) return;
    const { kind, again } = pending;
    setPending(undefined);
    return call<Answer>('POST', `/api/staff/rounds/${roundId}/mail`, { kind, language, again }).then(
      (b) =>
        setMessage(
          `${kind === 'invitation' ? 'Invitasjoner' : 'Påminnelser'} sendt: ${b.sent ?? 0}, feilet: ${b.failed ?? 0}.`,
        ),
      (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)),
    );
  };
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
      <SelectField
        label="Språk i e-posten"
        value={language}
        onChange={(l) => setLanguage(l === 'nn' ? 'nn' : 'nb')}
        options={[
          ['nb', 'Bokmål'],
          ['nn', 'Nynorsk'],
        ]}
      />
      <div className="button-row">
        <Button onClick={() => void look('invitation', false)}>Send invitasjoner …</Button>
        <Button variant="secondary" onClick={() => void look('reminder', false)}>
          Send påminnelser nå …
        </Button>
      </div>
      {pending && (
        <div role="region" aria-label="Bekreft utsending" className="submit-section">
          <Paragraph>
            {pending.kind === 'invitation' ? 'Invitasjonen' : 'Påminnelsen'} går til{' '}
            {pending.recipients.to.length} kommuner
            {pending.recipients.skipped.length > 0
              ? ` (utelatt: ${skippedText(pending.recipients.skipped)})`
              : ''}
            .
          </Paragraph>
          {pending.kind === 'invitation' && (
            <Checkbox
              label="Send også til de som alt er invitert (en ny lenke hver)"
              checked={pending.again}
              onChange={(e) => void look('invitation', e.target.checked)}
            />
          )}
          <div className="button-row">
            <Button disabled={pending.recipients.to.length === 0} onClick={() => void send()}>
              Send til {pending.recipients.to.length} kommuner
            </Button>
            <Button variant="tertiary" onClick={() => setPending(undefined)}>
              Avbryt
            </Button>
          </div>
        </div>
      )}
      {message && <Paragraph role="status">{message}</Paragraph>}
    </section>
  );
}
