import { Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { osloShortDate } from '../../domain/oslo-time.ts';
import type { WireKeyFiguresPreview, WirePublications, WirePublishedPeriod } from '../../wire/staff.ts';
import { request } from '../api.ts';
import { SelectField } from '../select-field.tsx';
import { SimpleTable } from '../simple-table.tsx';
import { publishedText, StageAndNote, type Stage } from './publish-dialog.tsx';
import { sendTo } from './staff-api.ts';

const STAGE = { preliminary: 'Foreløpig', final: 'Endelig' } as const;
/** The accounting years the product has municipalities and population for. */
const YEARS = ['2019', '2020', '2021', '2022', '2023', '2024'];

/** What is published, period by period with its revisions, and the key figures of a year published. */
export function PublicationsPage() {
  const [history, setHistory] = useState<WirePublications>();
  const load = () => void request<WirePublications>('GET', '/api/staff/publications').then(setHistory);
  useEffect(load, []);
  return (
    <>
      <Heading level={1} data-size="md">
        Publisering
      </Heading>
      <KeyFiguresPublisher onPublished={load} />
      <section aria-labelledby="periods-heading">
        <Heading level={2} id="periods-heading" data-size="sm">
          Publiserte perioder
        </Heading>
        {!history && <Spinner aria-label="Laster" />}
        {history && (
          <div className="table-scroll" role="region" aria-label="Publiserte perioder" tabIndex={0}>
            <SimpleTable
              caption="Hver tabells perioder: foreløpige og endelige tall holdes hver for seg"
              columns={[
                { label: 'Tabell' },
                { label: 'Periode' },
                { label: 'Tall' },
                { label: 'Revisjon', numeric: true },
                { label: 'Publisert' },
                { label: 'Fra' },
                { label: 'Merknad' },
              ]}
              rows={history.periods.map((p) => ({
                key: `${p.table}-${p.period}-${p.stage}`,
                cells: [
                  p.table,
                  p.period,
                  STAGE[p.stage],
                  p.revision,
                  `${osloShortDate(new Date(p.at))} av ${p.by}`,
                  p.round,
                  p.note ?? '',
                ],
              }))}
            />
          </div>
        )}
        {history && history.revisions.length > 0 && (
          <>
            <Heading level={3} data-size="xs">
              Erstattede publiseringer
            </Heading>
            <ul>
              {history.revisions.map((r) => (
                <li key={`${r.table}-${r.period}-${r.stage}-${r.revision}`}>
                  {r.table} {r.period} ({r.stage === 'final' ? 'endelig' : 'foreløpig'}), revisjon{' '}
                  {r.revision}: erstattet {osloShortDate(new Date(r.replaced_at))} av {r.replaced_by}
                  {r.note ? `: ${r.note}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

/** A year's key figures from the ingested accounts: what would be published, then published when confirmed. */
function KeyFiguresPublisher({ onPublished }: { onPublished: () => void }) {
  const [year, setYear] = useState('2024');
  const [preview, setPreview] = useState<WireKeyFiguresPreview>();
  const [stage, setStage] = useState<Stage>('preliminary');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string>();
  const fail = (e: unknown) => setMessage(e instanceof Error ? e.message : String(e));
  const republishing = preview?.published.some((p) => p.stage === stage) ?? false;
  return (
    <section className="submit-section" aria-labelledby="key-figures-heading">
      <Heading level={2} id="key-figures-heading" data-size="sm">
        Nøkkeltall fra regnskapet (KF254)
      </Heading>
      <SelectField
        label="Regnskapsår"
        value={year}
        onChange={(y) => {
          setYear(y);
          setPreview(undefined);
        }}
        options={YEARS.map((y) => [y, y] as const)}
      />
      <Button
        variant="secondary"
        onClick={() => {
          setMessage(undefined);
          request<WireKeyFiguresPreview>('GET', `/api/staff/key-figures/${year}/preview`).then(
            setPreview,
            fail,
          );
        }}
      >
        Se hva som publiseres
      </Button>
      {preview && (
        <div role="region" aria-label={`Nøkkeltall ${preview.year}`}>
          <Paragraph>
            Regnskap fra {preview.reported} av {preview.expected} kommuner
            {preview.missing.length > 0
              ? ` (mangler: ${preview.missing.slice(0, 10).join(', ')}${preview.missing.length > 10 ? ' …' : ''})`
              : ''}
            . Publisert for {preview.year}: {publishedText(preview.published)}. Regnskapstall er offentlige:
            ingen celler skjules.
          </Paragraph>
          <StageAndNote
            name="kf-stage"
            stage={stage}
            onStage={setStage}
            note={note}
            onNote={setNote}
            republishing={republishing}
            what="året"
          />
          <Button
            disabled={preview.reported === 0 || (republishing && note.trim() === '')}
            onClick={() =>
              void sendTo<WirePublishedPeriod>(
                'POST',
                `/api/staff/key-figures/${preview.year}/publish`,
                JSON.stringify({ stage, ...(note.trim() ? { note: note.trim() } : {}) }),
                'application/json',
              ).then((t) => {
                setMessage(
                  `Publisert: ${t.id} ${t.period} (${STAGE[t.stage].toLowerCase()}, revisjon ${t.revision}).`,
                );
                setPreview(undefined);
                setNote('');
                onPublished();
              }, fail)
            }
          >
            Publiser nøkkeltall for {preview.year}
          </Button>
        </div>
      )}
      {message && <Paragraph role="status">{message}</Paragraph>}
    </section>
  );
}
