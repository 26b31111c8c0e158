import { Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { formatNorwegian } from '../../domain/number-format.ts';
import { osloDateTime, osloShortDate } from '../../domain/oslo-time.ts';
import type { WireDay, WireRoundOverview } from '../../wire/staff.ts';
import { call } from '../api.ts';
import { SimpleTable } from '../simple-table.tsx';
import { STATUS_TEXT } from './status-text.ts';
import { taskHref } from './round-nav.tsx';

const day = (iso: string | null) => (iso ? osloShortDate(new Date(iso)) : '–');

/**
 * A survey round at a glance: the response rate now and the response curve by day (the table behind it on
 * demand), municipalities by status, the largest flags still pending, mail that failed or bounced, and what
 * is due next. Each part links to its task's page.
 */
export function RoundOverview({ roundId, days }: { roundId: string; days: readonly WireDay[] }) {
  const [overview, setOverview] = useState<WireRoundOverview>();
  useEffect(() => {
    void call<WireRoundOverview>('GET', `/api/staff/rounds/${roundId}/overview`).then(setOverview);
  }, [roundId]);
  if (!overview) return <Spinner aria-label="Laster oversikten" />;
  const o = overview;
  return (
    <section aria-labelledby="overview-heading" className="round-overview">
      <Heading level={2} id="overview-heading" data-size="sm">
        Oversikt
      </Heading>
      <Paragraph data-testid="overview-rate">
        Svart: {o.responded} av {o.invited} (
        {o.response_rate === null ? '–' : `${formatNorwegian(o.response_rate, 1)} %`}). Frist{' '}
        {day(o.deadline)}
        {o.extended_deadline ? `, utvidet for alle til ${day(o.extended_deadline)}` : ''}
        {o.last_own_extension ? `; lengste egne utsettelse ${day(o.last_own_extension)}` : ''}.{' '}
        {o.next_reminder
          ? `Neste påminnelse ${osloDateTime(new Date(o.next_reminder.at))}.`
          : 'Ingen påminnelse planlagt.'}
        {o.closed_at ? ` Stengt ${day(o.closed_at)}.` : ''}
      </Paragraph>
      <ul className="status-counts">
        {(Object.keys(o.by_status) as (keyof typeof o.by_status)[]).map((s) => (
          <li key={s}>
            {STATUS_TEXT[s]}: <strong>{o.by_status[s]}</strong>
          </li>
        ))}
      </ul>
      {days.length > 0 && (
        <>
          <img
            src={`/api/staff/rounds/${roundId}/tracking.svg`}
            alt={`Svarkurve: andelen som har svart, dag for dag, med fristen markert. ${o.response_rate === null ? '' : `${formatNorwegian(o.response_rate, 1)} % har svart.`} Tallene står i tabellen under diagrammet.`}
            width={720}
            height={300}
          />
          <details>
            <summary>Svar per dag (tabellen bak kurven)</summary>
            <div className="table-scroll" role="region" aria-label="Svar per dag" tabIndex={0}>
              <SimpleTable
                columns={[
                  { label: 'Dato' },
                  { label: 'Svart', numeric: true },
                  { label: 'Prosent', numeric: true },
                  { label: 'Merknad' },
                ]}
                rows={days.map((d) => ({
                  key: d.date,
                  cells: [
                    d.date.split('-').reverse().join('.'),
                    d.responded,
                    d.percent === null ? '..' : formatNorwegian(d.percent, 1),
                    [d.deadline ? 'Frist' : '', d.extended_deadline ? 'Utvidet frist' : '']
                      .filter(Boolean)
                      .join(', '),
                  ],
                }))}
              />
            </div>
          </details>
        </>
      )}
      <Heading level={3} data-size="xs">
        Største avvik som venter ({o.pending_flags})
      </Heading>
      <Paragraph>
        <a href={taskHref(roundId, 'kontroll')}>Alle kontrollflagg</a> ·{' '}
        <a href={taskHref(roundId, 'svar')}>Svar per kommune</a>
      </Paragraph>
      {o.top_flags.length === 0 ? (
        <Paragraph>Ingen kontrollflagg venter.</Paragraph>
      ) : (
        <ul>
          {o.top_flags.map((f) => (
            <li key={`${f.municipality}/${f.key}`}>
              <a href={`#/rounds/${roundId}/m/${f.municipality}`}>
                {f.municipality} {f.name}
              </a>
              : {f.kind === 'kostra_total' ? 'mot KOSTRA-totalen' : 'mot fjorårets svar'}, {f.label}, avvik{' '}
              {formatNorwegian(f.deviation)} (1000 kr)
            </li>
          ))}
        </ul>
      )}
      <Heading level={3} data-size="xs">
        E-post som ikke kom fram ({o.mail_problems.length})
      </Heading>
      <Paragraph>
        <a href={taskHref(roundId, 'utsending')}>All utsendt e-post</a>
      </Paragraph>
      {o.mail_problems.length === 0 ? (
        <Paragraph>All e-post er levert.</Paragraph>
      ) : (
        <ul>
          {o.mail_problems.map((m) => (
            <li key={`${m.municipality}-${m.at}`}>
              <a href={`#/rounds/${roundId}/m/${m.municipality}`}>
                {m.municipality} {m.name}
              </a>
              : {m.kind === 'invitation' ? 'invitasjon' : 'påminnelse'}{' '}
              {m.status === 'bounced' ? 'avvist' : 'feilet'} {osloDateTime(new Date(m.at))}
              {m.error ? ` (${m.error})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
