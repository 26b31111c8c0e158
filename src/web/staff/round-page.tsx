import { osloShortDate } from '../../domain/oslo-time.ts';
import { Heading, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { formatNorwegian } from '../../domain/number-format.ts';
import { roundedRatio } from '../../domain/rounding.ts';
import { SimpleTable } from '../simple-table.tsx';
import { MailPanel } from './mail-panel.tsx';
import { SamplePanel } from './sample-panel.tsx';
import { SetupPanel } from './setup-panel.tsx';
import { TimelinePanel } from './timeline-panel.tsx';
import { AccountsPublishPanel } from './accounts-publish-panel.tsx';
import { staffApi, type Flag } from './staff-api.ts';
import { FormRoundPage } from './form-round-page.tsx';
import { RoundOverview } from './round-overview.tsx';
import { STATUS_TEXT } from './status-text.ts';
import type { WireRoundRow, WireRoundStatus } from '../../wire/staff.ts';

/** A round's page: a form round's, or a survey round's with its setup and the split's worklist. */
export function RoundPage({ roundId }: { roundId: string }) {
  const [round, setRound] = useState<WireRoundRow | null>();
  useEffect(() => {
    void staffApi.rounds().then((rows) => setRound(rows.find((r) => r.id === roundId) ?? null));
  }, [roundId]);
  if (round === undefined) return <Spinner aria-label="Laster" />;
  if (round === null)
    return (
      <Heading level={1} data-size="md">
        Ingen undersøkelse {roundId}
      </Heading>
    );
  return round.kind === 'form' ? <FormRoundPage round={round} /> : <SurveyRoundPage roundId={roundId} />;
}

/** A survey round: the worklist of controls, largest deviation first, and the status of every municipality. */
function SurveyRoundPage({ roundId }: { roundId: string }) {
  const [flags, setFlags] = useState<Flag[]>();
  const [status, setStatus] = useState<WireRoundStatus[]>();
  const [days, setDays] = useState<Awaited<ReturnType<typeof staffApi.tracking>>>([]);
  useEffect(() => {
    void staffApi.controls(roundId).then(setFlags);
    void staffApi.status(roundId).then(setStatus);
    void staffApi.tracking(roundId).then(setDays);
  }, [roundId]);
  if (!flags || !status) return <Spinner aria-label="Laster" />;
  const name = new Map(status.map((s) => [s.municipality, s.name]));
  return (
    <>
      <Heading level={1} data-size="md">
        {roundId}
      </Heading>
      <RoundOverview roundId={roundId} days={days} />
      <TimelinePanel roundId={roundId} />
      <MailPanel roundId={roundId} />
      <SetupPanel roundId={roundId} />
      <SamplePanel roundId={roundId} />
      <AccountsPublishPanel roundId={roundId} />
      <Heading level={2} id="round-controls" data-size="sm">
        Kontroll: avvik, størst først
      </Heading>
      <SimpleTable
        columns={[
          { label: 'Kommune' },
          { label: 'Kontroll' },
          { label: 'Felt' },
          { label: 'Rapportert (1000 kr)', numeric: true },
          { label: 'Referanse (1000 kr)', numeric: true },
          { label: 'Avvik (1000 kr)', numeric: true },
          { label: 'Avvik %', numeric: true },
          { label: 'Utfall' },
        ]}
        rows={flags.map((f) => ({
          key: `${f.municipality}/${f.key}`,
          cells: [
            <a href={`#/rounds/${roundId}/m/${f.municipality}`}>
              {f.municipality} {name.get(f.municipality)}
            </a>,
            f.kind === 'kostra_total' ? 'Mot KOSTRA-totalen' : 'Mot fjorårets svar',
            [f.table, f.row, f.measure].filter(Boolean).join(' / '),
            formatNorwegian(f.reported),
            formatNorwegian(f.reference),
            formatNorwegian(f.deviation),
            f.reference === 0 ? '..' : formatNorwegian(roundedRatio(f.deviation, f.reference, 100, 1), 1),
            <select
              className="ds-input"
              aria-label={`Utfall for ${f.municipality} ${f.key}`}
              value={f.outcome}
              onChange={(e) => {
                const outcome = e.target.value as Flag['outcome'];
                void staffApi
                  .outcome(roundId, { municipality: f.municipality, flag: f.key, outcome, note: '' })
                  .then(() => setFlags((all) => all?.map((x) => (x === f ? { ...x, outcome } : x))));
              }}
            >
              <option value="pending">Venter</option>
              <option value="confirmed">Bekreftet riktig</option>
              <option value="corrected">Rettet</option>
            </select>,
          ],
        }))}
      />
      <Heading level={2} id="round-status" data-size="sm">
        Status per kommune
      </Heading>
      <SimpleTable
        columns={[{ label: 'Kommune' }, { label: 'Status' }]}
        rows={status.map((s) => ({
          key: s.municipality,
          cells: [
            <a href={`#/rounds/${roundId}/m/${s.municipality}`}>
              {s.municipality} {s.name}
            </a>,
            `${STATUS_TEXT[s.status]}${s.extended_deadline ? ` · utvidet frist til ${osloShortDate(new Date(s.extended_deadline))}` : ''}`,
          ],
        }))}
      />
    </>
  );
}
