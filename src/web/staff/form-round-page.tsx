import { Heading, Link, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { formatNorwegian } from '../../domain/number-format.ts';
import { norwegianDay, osloDateTime, osloShortDate } from '../../domain/oslo-time.ts';
import { SelectField } from '../select-field.tsx';
import { DataTable, type Sorting } from './data-table.tsx';
import type { WireFormReport, WireRates, WireRoundRow, WireRoundStatus } from '../../wire/staff.ts';
import { SimpleTable } from '../simple-table.tsx';
import { MailPanel } from './mail-panel.tsx';
import { PublishWithPreview } from './publish-dialog.tsx';
import { staffApi, type FormControls } from './staff-api.ts';
import { TimelinePanel } from './timeline-panel.tsx';
import { STATUS_TEXT } from './status-text.ts';

const number = (n: number | null) => (n === null ? '..' : formatNorwegian(n));

/**
 * A round of a form of the engine (skjema 1, skjema 4): deadlines and mail, where each unit stands, what
 * moved most against last year, the summary per field, the answers to download, and publication.
 */
export function FormRoundPage({ round }: { round: WireRoundRow }) {
  const id = round.id;
  const [status, setStatus] = useState<WireRoundStatus[]>();
  const [report, setReport] = useState<WireFormReport>();
  const [controls, setControls] = useState<FormControls>();
  const [rates, setRates] = useState<WireRates>();
  useEffect(() => {
    void staffApi.status(id).then(setStatus);
    void staffApi.formReport(id).then(setReport);
    void staffApi.formControls(id).then(setControls);
    void staffApi.rates(id).then(setRates);
  }, [id]);
  if (!status || !report || !controls) return <Spinner aria-label="Laster" />;
  const name = new Map(status.map((s) => [s.municipality, s.name]));
  const answered = report.items.filter((i) => i.answered > 0);
  return (
    <>
      <Heading level={1} data-size="md">
        {id}
      </Heading>
      <Paragraph>
        {round.form}, årgang {round.reference_year}: {report.submitted} av {report.invited} enheter har sendt
        inn.
      </Paragraph>
      {rates && (
        <section aria-labelledby="rates-heading">
          <Heading level={2} id="rates-heading" data-size="sm">
            Svarinngang etter KOSTRA-kalenderen
          </Heading>
          <SimpleTable
            columns={[
              { label: 'Dato' },
              { label: 'Sendt inn', numeric: true },
              { label: 'Svarprosent', numeric: true },
            ]}
            rows={[
              { key: 'expected', cells: ['Forventet', rates.expected, ''] },
              ...rates.checkpoints.map((c) => ({
                key: c.date,
                cells: [
                  norwegianDay(c.date),
                  c.count,
                  c.percent === null ? '..' : formatNorwegian(c.percent, 1),
                ],
              })),
            ]}
          />
          <Paragraph data-size="sm">
            Siste nyinnsending: {rates.last_resubmission ? norwegianDay(rates.last_resubmission) : 'ingen'}.
          </Paragraph>
        </section>
      )}
      <TimelinePanel roundId={id} />
      <MailPanel roundId={id} />
      <section aria-labelledby="controls-heading">
        <Heading level={2} id="controls-heading" data-size="sm">
          Kontroll mot fjoråret: endring over 30 %, størst først
        </Heading>
        <Paragraph data-size="sm">
          {controls.compared} enheter sammenlignet
          {controls.without_last_year.length > 0 &&
            `; uten svar i fjor: ${controls.without_last_year.map((u) => `${u} ${name.get(u) ?? ''}`.trim()).join(', ')}`}
          .
        </Paragraph>
        <SimpleTable
          columns={[
            { label: 'Enhet' },
            { label: 'Felt' },
            { label: 'I fjor', numeric: true },
            { label: 'I år', numeric: true },
            { label: 'Endring (%)', numeric: true },
          ]}
          rows={controls.deviations.map((d) => ({
            key: `${d.unit}/${d.path}`,
            cells: [
              <a href={`#/rounds/${id}/m/${d.unit}`}>
                {d.unit} {name.get(d.unit)}
              </a>,
              d.label,
              formatNorwegian(d.before),
              formatNorwegian(d.now),
              d.percent === null ? 'ny' : formatNorwegian(Math.round(d.percent)),
            ],
          }))}
        />
      </section>
      <section aria-labelledby="summary-heading">
        <Heading level={2} id="summary-heading" data-size="sm">
          Oppsummering per felt
        </Heading>
        <Paragraph data-size="sm">
          Felt med svar, av {report.submitted} innsendte skjema.{' '}
          <Link href={`/api/staff/rounds/${id}/form-answers.csv`} download={`${id}-answers.csv`}>
            Last ned alle svar (CSV)
          </Link>
        </Paragraph>
        <SimpleTable
          columns={[
            { label: 'Felt' },
            { label: 'Svart', numeric: true },
            { label: 'Sum', numeric: true },
            { label: 'Minst', numeric: true },
            { label: 'Størst', numeric: true },
          ]}
          rows={answered.map((i) => ({
            key: i.path,
            cells: [
              i.counts
                ? `${i.label}: ${Object.entries(i.counts)
                    .map(([code, n]) => `${code === 'true' ? 'ja' : code === 'false' ? 'nei' : code} ${n}`)
                    .join(', ')}`
                : i.label,
              i.answered,
              number(i.sum),
              number(i.min),
              number(i.max),
            ],
          }))}
        />
        {answered.length === 0 && <Paragraph>Ingen svar ennå.</Paragraph>}
      </section>
      <section aria-labelledby="units-heading">
        <Heading level={2} id="units-heading" data-size="sm">
          Status per enhet
        </Heading>
        <UnitStatusTable roundId={id} rows={status} />
      </section>
      <section className="submit-section" aria-labelledby="publish-heading">
        <Heading level={2} id="publish-heading" data-size="sm">
          Publisering
        </Heading>
        <PublishWithPreview
          roundId={id}
          label="Publiser tabellene …"
          onPublished={(a: { tables: { id: string; label: string; period: string; revision: number }[] }) =>
            `Publisert: ${a.tables.map((t) => `${t.id} ${t.period} (revisjon ${t.revision}) ${t.label}`).join(', ')}.`
          }
        />
      </section>
    </>
  );
}

/** Where each unit stands, for thousands of units: searched by number or name, filtered by status, sorted. */
function UnitStatusTable({ roundId, rows }: { roundId: string; rows: readonly WireRoundStatus[] }) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [sorting, setSorting] = useState<Sorting>({ key: 'unit', direction: 'asc' });
  const text = q.trim().toLocaleLowerCase('nb');
  const shown = rows.filter(
    (r) =>
      (!status || r.status === status) &&
      (!text || `${r.municipality} ${r.name}`.toLocaleLowerCase('nb').includes(text)),
  );
  return (
    <>
      <div className="filters" role="search" aria-label="Filtrer enhetene">
        <Textfield
          label="Søk"
          description="Nummer eller navn"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={setStatus}
          options={[['', 'Alle'], ...Object.entries<string>(STATUS_TEXT)]}
        />
      </div>
      <Paragraph role="status">
        Viser {shown.length} av {rows.length} enheter.
      </Paragraph>
      <DataTable
        label="Enhetene"
        rows={shown}
        rowKey={(r) => r.municipality}
        rowName={(r) => `${r.municipality} ${r.name}`}
        sorting={sorting}
        onSort={setSorting}
        columns={[
          {
            key: 'unit',
            label: 'Enhet',
            sortValue: (r) => r.municipality,
            render: (r) => (
              <a href={`#/rounds/${roundId}/m/${r.municipality}`}>
                {r.municipality} {r.name}
              </a>
            ),
          },
          { key: 'name', label: 'Navn', sortValue: (r) => r.name, render: (r) => r.name },
          {
            key: 'status',
            label: 'Status',
            sortValue: (r) => r.status,
            render: (r) =>
              `${STATUS_TEXT[r.status]}${r.extended_deadline ? ` · utvidet frist til ${osloShortDate(new Date(r.extended_deadline))}` : ''}`,
          },
          {
            key: 'saved',
            label: 'Sist lagret',
            sortValue: (r) => r.last_saved,
            render: (r) => (r.last_saved ? osloDateTime(new Date(r.last_saved)) : '–'),
          },
        ]}
      />
    </>
  );
}
