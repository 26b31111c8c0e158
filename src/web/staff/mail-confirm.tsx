import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { SelectField } from '../select-field.tsx';
import type { WireMailRecipients } from '../../wire/staff.ts';
import { call } from '../api.ts';

const WHY = {
  no_address: 'uten adresse',
  invited: 'alt invitert',
  submitted: 'har sendt inn',
  closed: 'skjemaet er stengt',
} as const;

/** Why municipalities are left out of a mailing, counted: «2 alt invitert, 1 uten adresse». */
export function skippedText(skipped: WireMailRecipients['skipped']): string {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(WHY[s.why], (counts.get(WHY[s.why]) ?? 0) + 1);
  return [...counts].map(([why, n]) => `${n} ${why}`).join(', ');
}

export interface MailAsked {
  readonly kind: 'invitation' | 'reminder';
  readonly again: boolean;
  /** Only these (the selected, or one to send again); all when absent. */
  readonly municipalities?: readonly string[];
}

export interface PendingMail extends MailAsked {
  readonly recipients: WireMailRecipients;
}

/** Whom a mailing would go to, asked of the server before anything is sent. */
export const lookUpRecipients = (roundId: string, asked: MailAsked): Promise<PendingMail> =>
  call<WireMailRecipients>(
    'GET',
    `/api/staff/rounds/${roundId}/mail-recipients?kind=${asked.kind}&again=${asked.again}${
      asked.municipalities ? `&municipalities=${asked.municipalities.join(',')}` : ''
    }`,
  ).then((recipients) => ({ ...asked, recipients }));

type Sent = { sent?: number; failed?: number };

/** The language of a mailing: one for all, or each municipality's own written language. */
export type MailLanguage = 'own' | 'nb' | 'nn';

/** Sends a mailing that was confirmed; says how it went. */
export const sendConfirmed = (
  roundId: string,
  pending: PendingMail,
  language: MailLanguage,
): Promise<string> =>
  call<Sent>('POST', `/api/staff/rounds/${roundId}/mail`, {
    kind: pending.kind,
    language,
    again: pending.again,
    ...(pending.municipalities ? { municipalities: pending.municipalities } : {}),
  }).then(
    (b) =>
      `${pending.kind === 'invitation' ? 'Invitasjoner' : 'Påminnelser'} sendt: ${b.sent ?? 0}, feilet: ${b.failed ?? 0}.`,
  );

/**
 * The confirmation of a mailing: how many it goes to and in which language, who is left out and why; then
 * send or cancel. Each municipality's own written language (its språkvedtak, set with its contact address)
 * unless one language is chosen for all.
 */
export function MailConfirmation(props: {
  pending: PendingMail;
  onSend: (language: MailLanguage) => void;
  onCancel: () => void;
  children?: React.ReactNode;
}) {
  const { pending } = props;
  const [language, setLanguage] = useState<MailLanguage>('own');
  const n = pending.recipients.to.length;
  const nynorsk = pending.recipients.to.filter((r) => r.language === 'nn').length;
  const split =
    language === 'own'
      ? `${nynorsk} på nynorsk, ${n - nynorsk} på bokmål`
      : language === 'nn'
        ? 'alle på nynorsk'
        : 'alle på bokmål';
  return (
    <div role="region" aria-label="Bekreft utsending" className="submit-section">
      <Paragraph>
        {pending.kind === 'invitation' ? 'Invitasjonen' : 'Påminnelsen'} går til {n} kommuner
        {pending.recipients.skipped.length > 0
          ? ` (utelatt: ${skippedText(pending.recipients.skipped)})`
          : ''}
        .
      </Paragraph>
      {props.children}
      <SelectField
        label="Språk i e-posten"
        value={language}
        onChange={(l) => setLanguage(l === 'nb' || l === 'nn' ? l : 'own')}
        options={[
          ['own', 'Hver kommunes målform'],
          ['nb', 'Bokmål til alle'],
          ['nn', 'Nynorsk til alle'],
        ]}
      />
      <Paragraph data-testid="mail-languages">{n > 0 ? `Språk: ${split}.` : ''}</Paragraph>
      <div className="button-row">
        <Button disabled={n === 0} onClick={() => props.onSend(language)}>
          Send til {n} kommuner
        </Button>
        <Button variant="tertiary" onClick={props.onCancel}>
          Avbryt
        </Button>
      </div>
    </div>
  );
}

/**
 * A mailing from a page: `ask` looks up whom it would reach, `confirmation` shows that and sends on
 * confirmation, `message` says how it went (or what failed); `onSent` after it went.
 */
export function useMailing(roundId: string, onSent: () => void = () => undefined) {
  const [pending, setPending] = useState<PendingMail>();
  const [message, setMessage] = useState<string>();
  const failed = (e: unknown) => setMessage(e instanceof Error ? e.message : String(e));
  const ask = (asked: MailAsked) => void lookUpRecipients(roundId, asked).then(setPending, failed);
  const confirmation = (children?: React.ReactNode) =>
    pending && (
      <MailConfirmation
        pending={pending}
        onCancel={() => setPending(undefined)}
        onSend={(language) => {
          setPending(undefined);
          void sendConfirmed(roundId, pending, language).then((text) => {
            setMessage(text);
            onSent();
          }, failed);
        }}
      >
        {children}
      </MailConfirmation>
    );
  return { pending, ask, confirmation, message, setMessage, failed };
}
