import { osloShortDate } from '../../domain/oslo-time.ts';
import { Heading, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { formatNorwegian } from '../../domain/number-format.ts';
import { MailPanel } from './mail-panel.tsx';
import { SamplePanel } from './sample-panel.tsx';
import { SetupPanel } from './setup-panel.tsx';
import { TimelinePanel } from './timeline-panel.tsx';
import { AccountsPublishPanel } from './accounts-publish-panel.tsx';
import { staffApi, type Flag } from './staff-api.ts';

const STATUS: Record<string, string> = {
  not_started: 'Ikke påbegynt',
  draft: 'Utkast',
  submitted: 'Sendt inn',
  resubmitted: 'Sendt inn på nytt',
};

/** One round: the worklist of controls, largest deviation first, and the status of every municipality. */
export function RoundPage({ roundId }: { roundId: string }) {
  const [flags, setFlags] = useState<Flag[]>();
  const [status, setStatus] =
    useState<{ municipality: string; name: string; status: string; extended_deadline: string | null }[]>();
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
      <TimelinePanel roundId={roundId} />
      <MailPanel roundId={roundId} />
      <SetupPanel roundId={roundId} />
      <SamplePanel roundId={roundId} />
      <AccountsPublishPanel roundId={roundId} />
      <Heading level={2} data-size="sm">
        Kontroll: avvik, størst først
      </Heading>
      <table className="ds-table" data-border>
        <thead>
          <tr>
            <th scope="col">Kommune</th>
            <th scope="col">Kontroll</th>
            <th scope="col">Felt</th>
            <th scope="col" className="num">
              Avvik (1000 kr)
            </th>
            <th scope="col">Utfall</th>
          </tr>
        </thead>
        <tbody>
          {flags.map((f) => (
            <tr key={`${f.municipality}/${f.key}`}>
              <th scope="row">
                <a href={`#/rounds/${roundId}/m/${f.municipality}`}>
                  {f.municipality} {name.get(f.municipality)}
                </a>
              </th>
              <td>{f.kind === 'kostra_total' ? 'Mot KOSTRA-totalen' : 'Mot fjorårets svar'}</td>
              <td>{[f.table, f.row, f.measure].filter(Boolean).join(' / ')}</td>
              <td className="num">{formatNorwegian(f.deviation)}</td>
              <td>
                <select
                  className="ds-input"
                  aria-label={`Utfall for ${f.municipality} ${f.key}`}
                  value={f.outcome}
                  onChange={(e) => {
                    const outcome = e.target.value;
                    void staffApi
                      .outcome(roundId, { municipality: f.municipality, flag: f.key, outcome, note: '' })
                      .then(() => setFlags((all) => all?.map((x) => (x === f ? { ...x, outcome } : x))));
                  }}
                >
                  <option value="pending">Venter</option>
                  <option value="confirmed">Bekreftet riktig</option>
                  <option value="corrected">Rettet</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Heading level={2} data-size="sm">
        Svar per dag
      </Heading>
      <table className="ds-table" data-border>
        <thead>
          <tr>
            <th scope="col">Dato</th>
            <th scope="col" className="num">
              Svart
            </th>
            <th scope="col" className="num">
              Prosent
            </th>
            <th scope="col">Merknad</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}>
              <th scope="row">{d.date}</th>
              <td className="num">{d.responded}</td>
              <td className="num">{d.percent ?? '..'}</td>
              <td>
                {[d.deadline ? 'Frist' : '', d.extendedDeadline ? 'Utvidet frist' : '']
                  .filter(Boolean)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Heading level={2} data-size="sm">
        Status per kommune
      </Heading>
      <table className="ds-table" data-border>
        <thead>
          <tr>
            <th scope="col">Kommune</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {status.map((s) => (
            <tr key={s.municipality}>
              <th scope="row">
                <a href={`#/rounds/${roundId}/m/${s.municipality}`}>
                  {s.municipality} {s.name}
                </a>
              </th>
              <td>
                {STATUS[s.status] ?? s.status}
                {s.extended_deadline
                  ? ` · utvidet frist til ${osloShortDate(new Date(s.extended_deadline))}`
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
