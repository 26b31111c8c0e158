import { Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { formatNorwegian } from '../../domain/number-format.ts';
import { call } from '../api.ts';
import { SimpleTable } from '../simple-table.tsx';

interface RoundReport {
  tables: Record<string, Record<string, unknown>[]>;
  facts: {
    invited: number;
    respondents: number;
    meetingParticipants: number;
    splitters: number;
    referenceYear: number;
  };
}

const cell = (v: unknown) =>
  typeof v === 'number'
    ? formatNorwegian(v, Number.isInteger(v) ? 0 : 1)
    : typeof v === 'boolean'
      ? v
        ? 'Ja'
        : 'Nei'
      : typeof v === 'string'
        ? v
        : '–';

/** «table-4.2» as the note numbers it: «Tabell 4.2», «Figur 4.1 (tallene)». */
const titleOf = (name: string) =>
  name.startsWith('figure-') ? `Figur ${name.slice(7)} (tallene)` : name.replace(/^table-/, 'Tabell ');

/** The round's report: the pilot note's tables computed from the round's responses, as they stand now. */
export function ReportPage({ roundId }: { roundId: string }) {
  const [report, setReport] = useState<RoundReport>();
  useEffect(() => {
    void call<RoundReport>('GET', `/api/staff/rounds/${roundId}/report`).then(setReport);
  }, [roundId]);
  if (!report) return <Spinner aria-label="Laster rapporten" />;
  const f = report.facts;
  return (
    <section aria-labelledby="report-heading">
      <Heading level={2} id="report-heading" data-size="sm">
        Rapport for {f.referenceYear}
      </Heading>
      <Paragraph>
        {f.respondents} av {f.invited} inviterte kommuner har svart; {f.splitters} av dem har fordelt minst én
        tabell. {f.meetingParticipants} deltok på informasjonsmøtet.
      </Paragraph>
      {Object.entries(report.tables).map(([name, rows]) => {
        const columns = Object.keys(rows[0] ?? {});
        return (
          <div key={name} className="table-scroll" role="region" aria-label={titleOf(name)} tabIndex={0}>
            <SimpleTable
              caption={titleOf(name)}
              columns={columns.map((c) => ({ label: c, numeric: typeof rows[0]?.[c] === 'number' }))}
              rows={rows.map((r, i) => ({ key: String(i), cells: columns.map((c) => cell(r[c])) }))}
            />
            {rows.length === 0 && <Paragraph>Ingen rader ennå.</Paragraph>}
          </div>
        );
      })}
    </section>
  );
}
