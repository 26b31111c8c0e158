import { request } from '../api.ts';
import { Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { PublicPage } from '../public-page.tsx';
import { useEffect, useState } from 'react';
import { formatNorwegian } from '../../domain/number-format.ts';
import { SelectField } from '../select-field.tsx';

interface TableEntry {
  id: string;
  label: string;
  description: string;
  updated: string;
}

/** The part of a JSON-stat 2.0 dataset the page reads: two dimensions varying, the rest fixed. */
interface JsonStat {
  id: string[];
  size: number[];
  dimension: Record<
    string,
    {
      label: string;
      category: {
        index: Record<string, number>;
        label: Record<string, string>;
        note?: Record<string, string[]>;
        unit?: Record<string, { label: string }>;
      };
    }
  >;
  value: (number | null)[];
  status: Record<string, string>;
  note?: string[];
}

const SYMBOLS = [
  [':', 'Vises ikke av konfidensialitetshensyn (statistikkloven § 7)'],
  ['..', 'Tall mangler'],
] as const;

/** The public list of published tables: a chart, the table for all respondents and size groups, downloads. */
export function PublishedTables() {
  const [tables, setTables] = useState<TableEntry[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    request<{ tables: TableEntry[] }>('GET', '/api/v2/tables?lang=no').then(
      (r) => setTables(r.tables),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  return (
    <PublicPage title="Publiserte tabeller">
      {error && <Paragraph role="alert">{error}</Paragraph>}
      {!tables && !error && <Spinner aria-label="Laster" />}
      {tables?.length === 0 && <Paragraph>Ingen tabeller er publisert ennå.</Paragraph>}
      {tables?.map((t) => (
        <PublishedTable key={t.id} table={t} />
      ))}
      <Paragraph data-size="sm">
        Tabellene kan også hentes med PxWeb API v2: <code>/api/v2/tables</code>. En kommune mot
        KOSTRA-gruppen, fylket og landet, år for år: <Link href="/sammenlign">Sammenlign kommuner</Link>.
      </Paragraph>
    </PublicPage>
  );
}

/** The regions a table page shows: the totals (all respondents, size groups, the country), not each municipality, county or group. */
const SHOWN_REGION = /^(I_ALT|KG_.*|EAK|EAKUO)$/;

/**
 * One published table: its periods (each with what a reader must know of it: preliminary, revised), the
 * totals of the chosen period for its first measure as a table (and for the split, a chart), downloads.
 */
function PublishedTable({ table }: { table: TableEntry }) {
  const [meta, setMeta] = useState<JsonStat>();
  const [period, setPeriod] = useState<string>();
  const [data, setData] = useState<JsonStat>();
  useEffect(() => {
    request<JsonStat>('GET', `/api/v2/tables/${table.id}/metadata`).then(
      (m) => {
        setMeta(m);
        setPeriod(codesOf(m.dimension['Tid']!.category.index).at(-1));
      },
      () => undefined,
    );
  }, [table.id]);
  const [regionId, otherId] = meta ? [meta.id[0]!, meta.id[1]!] : [];
  const contents = meta?.dimension['ContentsCode']?.category;
  const measure = contents ? codesOf(contents.index)[0] : undefined;
  useEffect(() => {
    if (!meta || !period || !regionId || !otherId || !measure) return;
    const regions = codesOf(meta.dimension[regionId]!.category.index).filter((c) => SHOWN_REGION.test(c));
    request<JsonStat>(
      'GET',
      `/api/v2/tables/${table.id}/data?valuecodes[${regionId}]=${regions.join(',')}&valuecodes[${otherId}]=*&valuecodes[ContentsCode]=${measure}&valuecodes[Tid]=${period}`,
    ).then(setData, () => undefined);
  }, [meta, period, regionId, otherId, measure, table.id]);
  const base = `/api/v2/tables/${table.id}/data`;
  const periods = meta ? codesOf(meta.dimension['Tid']!.category.index) : [];
  const notes = meta?.dimension['Tid']!.category.note ?? {};
  const measureLabel = measure && contents ? contents.label[measure]! : '';
  const unit = measure && contents?.unit?.[measure]?.label;
  return (
    <section aria-labelledby={`t-${table.id}`} className="published-table">
      <Heading level={2} id={`t-${table.id}`} data-size="sm">
        {table.label}
      </Heading>
      <Paragraph>{table.description}</Paragraph>
      {periods.length > 0 && (
        <Paragraph data-size="sm">
          Publiserte år: {periods.join(', ')}. {periods.flatMap((p) => notes[p] ?? []).join(' ')}
        </Paragraph>
      )}
      {periods.length > 1 && period && (
        <SelectField
          label="År"
          value={period}
          onChange={setPeriod}
          options={periods.map((p) => [p, p] as const)}
        />
      )}
      {otherId === 'Kategori' && period === periods.at(-1) && (
        <img
          src={`/api/published/${table.id}/chart.svg?measure=${measure ?? ''}`}
          alt={`Søylediagram: ${table.label}, alle kommuner som svarte, ${measureLabel.toLowerCase()} ${period}. Tallene står i tabellen under.`}
          width={720}
        />
      )}
      {data ? (
        <div className="table-scroll" role="region" aria-label={`Tall for ${period ?? ''}`} tabIndex={0}>
          <DataTable
            data={data}
            caption={`${table.label}: ${measureLabel.toLowerCase()}${unit && !measureLabel.includes(unit) ? ` (${unit})` : ''}, ${period ?? ''}`}
          />
        </div>
      ) : (
        <Spinner aria-label="Laster" />
      )}
      <Paragraph>
        Last ned hele tabellen (alle kommuner og utgiftsbegreper):{' '}
        {/* Semicolons, decimal commas and a byte-order mark: opens as it is in Norwegian Excel. */}
        <Link href={`${base}?outputFormat=csv&outputFormatParams=SeparatorSemicolon`}>CSV</Link>,{' '}
        <Link href={`${base}?outputFormat=xlsx`}>Excel</Link>,{' '}
        <Link href={`${base}?outputFormat=json-stat2`}>JSON-stat</Link>.
      </Paragraph>
      <dl className="symbols">
        {SYMBOLS.map(([symbol, meaning]) => (
          <div key={symbol}>
            <dt>{symbol}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A dimension's category codes in their order (JSON-stat's index as an object: code → position). */
const codesOf = (index: Record<string, number>) => Object.keys(index).sort((a, b) => index[a]! - index[b]!);

/** Categories down, regions across, for the one measure and year selected. */
function DataTable({ data, caption }: { data: JsonStat; caption: string }) {
  const [regionId, categoryId] = [data.id[0]!, data.id[1]!];
  const regions = data.dimension[regionId]!.category;
  const categories = data.dimension[categoryId]!.category;
  const regionCodes = codesOf(regions.index);
  const cell = (r: number, c: number) => {
    const i = r * data.size[1]! + c; // the other dimensions have one value each
    const status = data.status[String(i)];
    return status ?? formatNorwegian(data.value[i] ?? 0);
  };
  return (
    <table className="ds-table" data-border>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{data.dimension[categoryId]!.label}</th>
          {regionCodes.map((r) => (
            <th scope="col" key={r} className="num">
              {regions.label[r]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {codesOf(categories.index).map((c, ci) => (
          <tr key={c}>
            <th scope="row">{categories.label[c]}</th>
            {regionCodes.map((r, ri) => (
              <td key={r} className="num">
                {cell(ri, ci)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
