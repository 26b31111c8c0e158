import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { PublishWithPreview } from './publish-dialog.tsx';
import { sendTo } from './staff-api.ts';

/** Prefilled totals from the ingested accounts, and publication of the round's split. */
interface PublishedTable {
  id: string;
  period: string;
  revision: number;
  primary: number;
  secondary: number;
  statbank: { filename: string; href: string }[];
  statbank_problem?: string;
}

export function AccountsPublishPanel({ roundId }: { roundId: string }) {
  const [message, setMessage] = useState<string>();
  const [published, setPublished] = useState<PublishedTable[]>([]);
  const run = (url: string, say: (answer: never) => string) =>
    sendTo<never>('POST', url, '{}', 'application/json').then(
      (answer) => setMessage(say(answer)),
      (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)),
    );
  return (
    <section className="submit-section" aria-labelledby="accounts-publish-heading">
      <Heading level={2} id="accounts-publish-heading" data-size="sm">
        Regnskap og publisering
      </Heading>
      <Button
        variant="secondary"
        onClick={() =>
          void run(
            `/api/staff/rounds/${roundId}/prefill-from-accounts`,
            (a: { functions: string[]; filled: number; missing: string[] }) =>
              `Funksjon ${a.functions.join(' og ')}: ${a.filled} kommuner forhåndsutfylt` +
              (a.missing.length ? `; ingen regnskap for ${a.missing.join(', ')}.` : '.'),
          )
        }
      >
        Forhåndsutfyll fra regnskapet
      </Button>
      {message && <Paragraph role="status">{message}</Paragraph>}
      <PublishWithPreview
        roundId={roundId}
        label="Publiser fordelingen …"
        onPublished={(a: { tables: PublishedTable[] }) => {
          setPublished(a.tables);
          return `Publisert: ${a.tables.map((t) => `${t.id} ${t.period} (revisjon ${t.revision}; ${t.primary} primær- og ${t.secondary} sekundærprikket)`).join(', ')}.`;
        }}
      />
      {published.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            Lastefiler til Statistikkbanken
          </Heading>
          <ul>
            {published.map((t) => (
              <li key={t.id}>
                {t.id}:{' '}
                {t.statbank.length > 0
                  ? t.statbank.map((f) => (
                      <Link key={f.filename} href={f.href} download={f.filename}>
                        {f.filename}
                      </Link>
                    ))
                  : `ingen lastefil (${t.statbank_problem ?? 'ingen filbeskrivelse'})`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
