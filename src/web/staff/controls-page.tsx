import { Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatNorwegian } from '../../domain/number-format.ts';
import { roundedRatio } from '../../domain/rounding.ts';
import type { WireFlag, WireStatusList, WireThresholds } from '../../wire/staff.ts';
import { call } from '../api.ts';
import { SelectField } from '../select-field.tsx';
import { DataTable, type DataColumn, type Sorting } from './data-table.tsx';
import { taskHref } from './round-nav.tsx';

type Outcome = WireFlag['outcome'];
export const OUTCOME_TEXT: Record<Outcome, string> = {
  pending: 'Venter',
  confirmed: 'Bekreftet riktig',
  corrected: 'Rettet',
};
const KIND_TEXT: Record<WireFlag['kind'], string> = {
  kostra_total: 'Mot KOSTRA-totalen',
  previous_round: 'Mot fjorårets svar',
};
const ALL = '';
const flagId = (f: WireFlag) => `${f.municipality}|${f.key}`;
const percentOf = (f: WireFlag) =>
  f.reference === 0 ? null : roundedRatio(f.deviation, f.reference, 100, 1);

/**
 * The control worklist: every flag with reported, reference and the deviation in 1000 NOK and per cent,
 * largest first; searched and filtered by county, control and outcome, cut to the largest N; an outcome per
 * flag, or one outcome and note for the selected after a confirmation that says how many.
 */
export function ControlsPage({ roundId }: { roundId: string }) {
  const [flags, setFlags] = useState<WireFlag[]>();
  const [places, setPlaces] = useState<Map<string, { name: string; county: string; countyName: string }>>();
  const [thresholds, setThresholds] = useState<WireThresholds>();
  const [q, setQ] = useState('');
  const [county, setCounty] = useState(ALL);
  const [kind, setKind] = useState(ALL);
  const [outcome, setOutcome] = useState<Outcome | typeof ALL>('pending');
  const [limit, setLimit] = useState('all');
  const [sorting, setSorting] = useState<Sorting>({ key: 'deviation', direction: 'desc' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkOutcome, setBulkOutcome] = useState<Outcome>('confirmed');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string>();
  const load = useCallback(() => {
    void call<WireFlag[]>('GET', `/api/staff/rounds/${roundId}/controls`).then(setFlags);
  }, [roundId]);
  useEffect(() => {
    load();
    void call<WireStatusList>('GET', `/api/staff/rounds/${roundId}/status-list`).then((l) =>
      setPlaces(
        new Map(
          l.rows.map((r) => [
            r.municipality,
            { name: r.name, county: r.county_code, countyName: r.county_name },
          ]),
        ),
      ),
    );
    void call<WireThresholds>('GET', `/api/staff/rounds/${roundId}/thresholds`).then(setThresholds);
  }, [roundId, load]);
  const shown = useMemo(() => {
    if (!flags || !places) return [];
    const text = q.trim().toLocaleLowerCase('nb');
    const kept = flags.filter((f) => {
      const place = places.get(f.municipality);
      return (
        (!text ||
          `${f.municipality} ${place?.name ?? ''} ${f.label}`.toLocaleLowerCase('nb').includes(text)) &&
        (!county || place?.county === county) &&
        (!kind || f.kind === kind) &&
        (!outcome || f.outcome === outcome)
      );
    });
    // The largest N by the size of the deviation, whatever the order shown.
    if (limit === 'all') return kept;
    return [...kept].sort((a, b) => Math.abs(b.deviation) - Math.abs(a.deviation)).slice(0, Number(limit));
  }, [flags, places, q, county, kind, outcome, limit]);
  if (!flags || !places) return <Spinner aria-label="Laster kontrollene" />;
  const nameOf = (m: string) => `${m} ${places.get(m)?.name ?? ''}`.trim();
  const chosen = shown.filter((f) => selected.has(flagId(f)));
  const failed = (e: unknown) => setMessage(e instanceof Error ? e.message : String(e));
  const counties = [...new Map([...places.values()].map((p) => [p.county, p.countyName])).entries()].sort(
    (a, b) => a[1].localeCompare(b[1], 'nb'),
  );
  const columns: DataColumn<WireFlag>[] = [
    {
      key: 'municipality',
      label: 'Kommune',
      sortValue: (f) => f.municipality,
      render: (f) => <a href={`#/rounds/${roundId}/m/${f.municipality}`}>{nameOf(f.municipality)}</a>,
    },
    { key: 'kind', label: 'Kontroll', sortValue: (f) => f.kind, render: (f) => KIND_TEXT[f.kind] },
    { key: 'field', label: 'Felt', sortValue: (f) => f.label, render: (f) => f.label },
    {
      key: 'reported',
      label: 'Rapportert (1000 kr)',
      numeric: true,
      sortValue: (f) => f.reported,
      render: (f) => formatNorwegian(f.reported),
    },
    {
      key: 'reference',
      label: 'Referanse (1000 kr)',
      numeric: true,
      sortValue: (f) => f.reference,
      render: (f) => formatNorwegian(f.reference),
    },
    {
      key: 'deviation',
      label: 'Avvik (1000 kr)',
      numeric: true,
      sortValue: (f) => Math.abs(f.deviation),
      render: (f) => formatNorwegian(f.deviation),
    },
    {
      key: 'percent',
      label: 'Avvik %',
      numeric: true,
      sortValue: (f) => (percentOf(f) === null ? null : Math.abs(percentOf(f)!)),
      render: (f) => (percentOf(f) === null ? '..' : formatNorwegian(percentOf(f)!, 1)),
    },
    {
      key: 'outcome',
      label: 'Utfall',
      sortValue: (f) => f.outcome,
      render: (f) => (
        <select
          className="ds-input"
          aria-label={`Utfall for ${f.municipality} ${f.key}`}
          value={f.outcome}
          onChange={(e) => {
            const next = e.target.value as Outcome;
            void call('PUT', `/api/staff/rounds/${roundId}/controls/outcome`, {
              municipality: f.municipality,
              flag: f.key,
              outcome: next,
              note: f.note,
            }).then(
              () => setFlags((all) => all?.map((x) => (x === f ? { ...x, outcome: next } : x))),
              failed,
            );
          }}
        >
          {(Object.keys(OUTCOME_TEXT) as Outcome[]).map((o) => (
            <option key={o} value={o}>
              {OUTCOME_TEXT[o]}
            </option>
          ))}
        </select>
      ),
    },
    { key: 'note', label: 'Merknad', sortValue: (f) => f.note || null, render: (f) => f.note || '–' },
  ];
  const municipalities = new Set(chosen.map((f) => f.municipality)).size;
  return (
    <section aria-labelledby="round-controls">
      <Heading level={2} id="round-controls" data-size="sm">
        Kontroll: avvik, størst først
      </Heading>
      {thresholds && (
        <Paragraph>
          Flagget når avviket er over {formatNorwegian(thresholds.relative * 100, 1)} % og minst{' '}
          {formatNorwegian(thresholds.absolute)} (1000 kr).{' '}
          <a href={taskHref(roundId, 'innstillinger')}>Endre tersklene</a>
        </Paragraph>
      )}
      <div className="filters" role="search" aria-label="Filtrer kontrollene">
        <Textfield
          label="Søk"
          description="Kommune eller felt"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          label="Fylke"
          value={county}
          onChange={setCounty}
          options={[[ALL, 'Alle'], ...counties]}
        />
        <SelectField
          label="Kontroll"
          value={kind}
          onChange={setKind}
          options={[[ALL, 'Alle'], ...Object.entries<string>(KIND_TEXT)]}
        />
        <SelectField
          label="Utfall"
          value={outcome}
          onChange={(v) => setOutcome(v as Outcome | typeof ALL)}
          options={[[ALL, 'Alle'], ...Object.entries<string>(OUTCOME_TEXT)]}
        />
        <SelectField
          label="Antall som vises"
          value={limit}
          onChange={setLimit}
          options={[
            ['all', 'Alle'],
            ['20', 'De 20 største'],
            ['50', 'De 50 største'],
          ]}
        />
      </div>
      <Paragraph role="status" data-testid="controls-count">
        Viser {shown.length} av {flags.length} flagg{chosen.length > 0 ? `, ${chosen.length} valgt` : ''}.
      </Paragraph>
      <div className="filters" role="group" aria-label="Handling for de valgte">
        <SelectField
          label="Utfall for de valgte"
          value={bulkOutcome}
          onChange={(v) => setBulkOutcome(v as Outcome)}
          options={Object.entries<string>(OUTCOME_TEXT)}
        />
        <Textfield label="Merknad til de valgte" value={note} onChange={(e) => setNote(e.target.value)} />
        <Button variant="secondary" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
          Sett utfall for valgte ({chosen.length}) …
        </Button>
      </div>
      {confirming && chosen.length > 0 && (
        <div role="region" aria-label="Bekreft utfall" className="submit-section">
          <Paragraph>
            Sette «{OUTCOME_TEXT[bulkOutcome]}» for {chosen.length} flagg i {municipalities} kommuner
            {note ? ` med merknaden «${note}»` : ''}?
          </Paragraph>
          <div className="button-row">
            <Button
              onClick={() => {
                setConfirming(false);
                void call<{ rows: number }>('PUT', `/api/staff/rounds/${roundId}/controls/outcomes`, {
                  flags: chosen.map((f) => ({ municipality: f.municipality, flag: f.key })),
                  outcome: bulkOutcome,
                  note,
                }).then((r) => {
                  setMessage(`Utfall satt for ${r.rows} flagg.`);
                  setSelected(new Set());
                  load();
                }, failed);
              }}
            >
              Sett utfall for {chosen.length} flagg
            </Button>
            <Button variant="tertiary" onClick={() => setConfirming(false)}>
              Avbryt
            </Button>
          </div>
        </div>
      )}
      {message && <Paragraph role="status">{message}</Paragraph>}
      <DataTable
        label="Kontrollflagg"
        columns={columns}
        rows={shown}
        rowKey={flagId}
        rowName={(f) => `${nameOf(f.municipality)} ${f.label}`}
        sorting={sorting}
        onSort={setSorting}
        selection={{ selected, onChange: setSelected }}
      />
    </section>
  );
}
