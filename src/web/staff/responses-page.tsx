import { Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  filterStatusList,
  MAIL_LABEL,
  STATUS_LABEL,
  STATUS_SORT_VALUE,
  type MailState,
  type ResponseStatus,
  type StatusFilter,
  type StatusListRow,
  type StatusSortKey,
} from '../../domain/collection/status-list.ts';
import { formatNorwegian } from '../../domain/number-format.ts';
import { osloDateTime, osloShortDate } from '../../domain/oslo-time.ts';
import type { WireStatusList } from '../../wire/staff.ts';
import { call } from '../api.ts';
import { SelectField } from '../select-field.tsx';
import { DataTable, type DataColumn, type Sorting } from './data-table.tsx';
import { useMailing } from './mail-confirm.tsx';
import { fromWire } from './status-rows.ts';

const when = (d: Date | null) => (d ? osloDateTime(d) : '–');
const ALL = '';

/** The query string of a filter and an order, as the list's exports take it. */
function exportQuery(filter: StatusFilter, sorting: Sorting): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  for (const s of filter.status ?? []) params.append('status', s);
  if (filter.county) params.set('county', filter.county);
  if (filter.sizeGroup) params.set('size_group', filter.sizeGroup);
  if (filter.flagged !== undefined) params.set('flagged', String(filter.flagged));
  if (filter.mail) params.set('mail', filter.mail);
  params.set('sort', sorting.key);
  params.set('dir', sorting.direction);
  return params.toString();
}

/**
 * Every municipality of a round and where it stands: searched, filtered by status, county, size group, flags
 * and mail, sorted by any column, exported as shown (CSV, Excel); the selected reminded or invited again
 * after a confirmation that says how many it goes to.
 */
export function ResponsesPage({ roundId }: { roundId: string }) {
  const [list, setList] = useState<{ total: number; rows: StatusListRow[] }>();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ResponseStatus | typeof ALL>(ALL);
  const [county, setCounty] = useState(ALL);
  const [sizeGroup, setSizeGroup] = useState(ALL);
  const [flagged, setFlagged] = useState(ALL);
  const [mail, setMail] = useState<MailState | typeof ALL>(ALL);
  const [sorting, setSorting] = useState<Sorting>({ key: 'municipality', direction: 'asc' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const load = useCallback(() => {
    void call<WireStatusList>('GET', `/api/staff/rounds/${roundId}/status-list`).then((l) =>
      setList({ total: l.total, rows: l.rows.map(fromWire) }),
    );
  }, [roundId]);
  useEffect(load, [load]);
  const mailing = useMailing(roundId, () => {
    setSelected(new Set());
    load();
  });
  const filter: StatusFilter = {
    ...(q ? { q } : {}),
    ...(status ? { status: [status] } : {}),
    ...(county ? { county } : {}),
    ...(sizeGroup ? { sizeGroup } : {}),
    ...(flagged ? { flagged: flagged === 'true' } : {}),
    ...(mail ? { mail } : {}),
  };
  const shown = useMemo(
    () => (list ? filterStatusList(list.rows, filter) : []),
    [list, JSON.stringify(filter)],
  );
  if (!list) return <Spinner aria-label="Laster svarlisten" />;
  const counties = [...new Map(list.rows.map((r) => [r.countyCode, r.countyName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1], 'nb'),
  );
  const sizeGroups = [...new Set(list.rows.map((r) => r.sizeGroup))].sort();
  const chosen = shown.filter((r) => selected.has(r.municipality)).map((r) => r.municipality);
  const ask = (kind: 'invitation' | 'reminder') =>
    mailing.ask({ kind, again: kind === 'invitation', municipalities: chosen });
  const column = (
    key: StatusSortKey,
    label: string,
    render: DataColumn<StatusListRow>['render'],
    numeric = false,
  ): DataColumn<StatusListRow> => ({ key, label, numeric, sortValue: STATUS_SORT_VALUE[key], render });
  const columns = [
    column('municipality', 'Kommune', (r) => (
      <a href={`#/rounds/${roundId}/m/${r.municipality}`}>
        {r.municipality} {r.name}
      </a>
    )),
    column('county', 'Fylke', (r) => r.countyName),
    column('size_group', 'Størrelse', (r) => r.sizeGroup),
    column('status', 'Status', (r) =>
      r.extendedDeadline
        ? `${STATUS_LABEL[r.status]} · frist ${osloShortDate(r.extendedDeadline)}`
        : STATUS_LABEL[r.status],
    ),
    column('last_saved', 'Sist lagret', (r) => when(r.lastSaved)),
    column('submitted_at', 'Sendt inn', (r) =>
      r.submitter ? (
        <>
          {when(r.submittedAt)}
          <br />
          {r.submitter.name}, <a href={`mailto:${r.submitter.email}`}>{r.submitter.email}</a>
          {r.submitter.phone ? `, ${r.submitter.phone}` : ''}
        </>
      ) : (
        when(r.submittedAt)
      ),
    ),
    column('minutes', 'Minutter', (r) => r.minutesSpent ?? '–', true),
    column('mail', 'Siste e-post', (r) =>
      r.mail === 'none'
        ? MAIL_LABEL.none
        : `${r.mailKind === 'reminder' ? 'Påminnelse' : 'Invitasjon'}: ${MAIL_LABEL[r.mail].toLowerCase()}`,
    ),
    column('flags', 'Flagg', (r) => r.pendingFlags, true),
    column(
      'deviation',
      'Største avvik (1000 kr)',
      (r) => (r.largestDeviation === null ? '–' : formatNorwegian(r.largestDeviation)),
      true,
    ),
  ];
  const query = exportQuery(filter, sorting);
  return (
    <section aria-labelledby="responses-heading">
      <Heading level={2} id="responses-heading" data-size="sm">
        Svar per kommune
      </Heading>
      <div className="filters" role="search" aria-label="Filtrer kommunene">
        <Textfield
          label="Søk"
          description="Kommune, fylke eller innsender"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(v) => setStatus(v as ResponseStatus | typeof ALL)}
          options={[[ALL, 'Alle'], ...Object.entries<string>(STATUS_LABEL)]}
        />
        <SelectField
          label="Fylke"
          value={county}
          onChange={setCounty}
          options={[[ALL, 'Alle'], ...counties]}
        />
        <SelectField
          label="Kommunestørrelse"
          value={sizeGroup}
          onChange={setSizeGroup}
          options={[[ALL, 'Alle'], ...sizeGroups.map((g) => [g, g] as const)]}
        />
        <SelectField
          label="Kontrollflagg"
          value={flagged}
          onChange={setFlagged}
          options={[
            [ALL, 'Alle'],
            ['true', 'Med ventende flagg'],
            ['false', 'Uten ventende flagg'],
          ]}
        />
        <SelectField
          label="Siste e-post"
          value={mail}
          onChange={(v) => setMail(v as MailState | typeof ALL)}
          options={[[ALL, 'Alle'], ...Object.entries<string>(MAIL_LABEL)]}
        />
      </div>
      <Paragraph data-testid="responses-count" role="status">
        Viser {shown.length} av {list.total} kommuner{chosen.length > 0 ? `, ${chosen.length} valgt` : ''}.
      </Paragraph>
      <div className="button-row">
        <Button variant="secondary" disabled={chosen.length === 0} onClick={() => ask('reminder')}>
          Send påminnelse til valgte ({chosen.length}) …
        </Button>
        <Button variant="secondary" disabled={chosen.length === 0} onClick={() => ask('invitation')}>
          Send invitasjon på nytt til valgte ({chosen.length}) …
        </Button>
        <a className="ds-link" href={`/api/staff/rounds/${roundId}/status-list.csv?${query}`} download>
          Last ned CSV
        </a>
        <a className="ds-link" href={`/api/staff/rounds/${roundId}/status-list.xlsx?${query}`} download>
          Last ned Excel
        </a>
      </div>
      {mailing.confirmation()}
      {mailing.message && <Paragraph role="status">{mailing.message}</Paragraph>}
      <DataTable
        label="Kommunene"
        columns={columns}
        rows={shown}
        rowKey={(r) => r.municipality}
        rowName={(r) => `${r.municipality} ${r.name}`}
        sorting={sorting}
        onSort={setSorting}
        selection={{ selected, onChange: setSelected }}
      />
    </section>
  );
}
