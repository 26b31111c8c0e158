import type { ReferenceData } from '../domain/reference.ts';
import { formatNorwegian } from '../domain/number-format.ts';
import type { PilotReport } from '../domain/statistics/pilot-report.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import type { ReportLabels } from './labels.ts';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Cell = string | number | null;
const show = (value: Cell) =>
  value === null ? '..' : typeof value === 'number' ? formatNorwegian(value) : value;
const pct = (value: number | null) => (value === null ? '..' : `${formatNorwegian(value)} %`);

function table(
  id: string,
  caption: string,
  headers: readonly string[],
  rows: readonly Cell[][],
  source: string,
): string {
  const head = headers
    .map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${escape(h)}</th>`)
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) =>
            i === 0
              ? `<th scope="row">${escape(show(cell))}</th>`
              : `<td class="num">${escape(show(cell))}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `<figure class="table" id="${id}"><table><caption>${escape(caption)}</caption>
<thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table><figcaption class="source">${escape(source)}</figcaption></figure>`;
}

function figure(id: string, svg: string, caption: string, source: string): string {
  return `<figure class="chart" id="${id}"><figcaption>${escape(caption)}</figcaption>${svg}<p class="source">${escape(source)}</p></figure>`;
}

/** Known differences between a published note and its own data, by round, explained where the table stands. */
const PUBLISHED_DIFFERENCES: Readonly<Record<string, string>> = {
  'f254-pilot-2022':
    'SSB Notater 2022/25 oppgir 3 kommuner for KOSTRA arbeidsgruppe i tabell 3.1, men notatets egen vedleggstabell A.1 ' +
    'viser 5 (Oslo, Bergen, Hamar, Tolga og Vågå), og radene i notatets tabell summerer til 58 for 50 kommuner. ' +
    'Her telles kriteriene slik vedleggstabellen viser dem.',
};

export interface HtmlInput {
  readonly report: PilotReport;
  readonly definition: SurveyDefinition;
  readonly reference: ReferenceData;
  readonly labels: ReportLabels;
  readonly names: ReadonlyMap<string, string>;
  readonly svgs: Readonly<Record<string, string>>;
}

/** The report as one page that reads like chapter 4 of the pilot note, with its tables and figures. */
export function renderHtml({ report, definition, reference, labels, names, svgs }: HtmlInput): string {
  const t = report.tables;
  const f = report.facts;
  const source = `Kilde: undersøkelsesrunden ${f.roundId}, referanseår ${f.referenceYear}`;
  const totalOf = <T extends { count: number }>(rows: readonly T[], pick: (r: T) => boolean) =>
    rows.find(pick)?.count ?? 0;

  const criteria = t['table-3.1'];
  const criteriaSum = criteria.filter((c) => c.criterion !== 'TOTAL').reduce((s, c) => s + c.count, 0);
  const status = t['table-3.3'];
  const attended = status.find((s) => s.status === 'ATTENDED_MEETING');
  const responded = status.find((s) => s.status === 'RESPONDED');
  const levels = t['figure-4.1'];
  const level = (code: string) => totalOf(levels, (l) => l.level === code);

  const parts: string[] = [];
  parts.push(`<h2>3 Metode og datainnsamling</h2><h3>3.1 Utvalg og oppslutning</h3>
<p>Det var i alt ${f.invited} kommuner som var invitert til å delta. Kommunene ble valgt ut etter kriteriene i tabell 3.1;
en kommune telles med under hvert av sine kriterier, så radene summerer til ${criteriaSum}.</p>`);
  const difference = PUBLISHED_DIFFERENCES[f.roundId];
  if (difference) parts.push(`<p class="note" id="note-table-3.1">${escape(difference)}</p>`);
  parts.push(
    table(
      'table-3.1',
      'Tabell 3.1 Utvalgte kommuner, etter utvalgskriterium',
      ['Utvalgskriterium', 'Antall kommuner'],
      criteria.map((c) => [labels.criterion(c.criterion), c.count]),
      source,
    ),
    table(
      'table-3.2',
      'Tabell 3.2 Utvalgte kommuner, etter kommunestørrelse',
      ['Kommunestørrelse', 'Utvalg'],
      t['table-3.2'].map((g) => [
        g.size_group === 'TOTAL' ? 'Alle kommuner i utvalget' : labels.sizeGroup(g.size_group),
        g.count,
      ]),
      source,
    ),
    `<p>Av de ${f.invited} inviterte var det ${attended?.count ?? 0} kommuner med totalt ${f.meetingParticipants} deltakere
som deltok på orienteringsmøtet, og ${responded?.count ?? 0} som sendte inn besvart spørreskjema.</p>`,
    table(
      'table-3.3',
      'Tabell 3.3 Kommuner som deltok i undersøkelsen',
      ['Kommuner som …', 'Antall', 'Prosent'],
      status.map((s) => [
        {
          RECEIVED: 'mottok spørreskjema',
          ATTENDED_MEETING: 'deltok på orienteringsmøte',
          RESPONDED: 'svarte på undersøkelsen',
        }[s.status],
        s.count,
        s.percent,
      ]),
      source,
    ),
  );

  parts.push(
    `<h2>4 Resultater</h2><h3>4.1 Teste ut spørsmål og begrepsbruk</h3>
<p>Det var i alt ${f.respondents} kommuner som besvarte spørreundersøkelsen, en svarprosent på ${show(responded?.percent ?? null)} prosent.</p>`,
    table(
      'table-4.1',
      `Tabell 4.1 Kommuner som besvarte spørreundersøkelsen, etter kommunestørrelse. N = ${f.invited}`,
      ['Kommunestørrelse', 'Antall', 'Prosent'],
      t['table-4.1'].map((g) => [labels.sizeGroup(g.size_group), g.responded, g.percent]),
      source,
    ),
    `<p>Av de ${f.respondents} kommunene som besvarte spørreskjemaet, var det ${f.splitters} kommuner som rapporterte utgiftstall
som var mer detaljert inndelt enn dagens funksjon ${definition.function} tillater.</p>
<h3>4.2 Teste ut ${definition.tables.length} alternative inndelinger av totalutgiftene</h3>
<p>${level('BUSINESS_TYPES_ONLY')} kommuner fordelte kun etter virksomhetstype, ${level('BUSINESS_TYPES_AND_TARGET_GROUPS')} fordelte i tillegg
hjemmetjenesten som helhet på målgrupper, ${level('BUSINESS_TYPES_AND_HOUSING_BASE_TARGET_GROUPS')} fordelte i tillegg kun boligbaser på målgrupper,
og ${level('ALL_THREE')} hadde alle tre inndelingene. ${level('NONE')} kommuner kunne ikke fordele utgiftene.</p>`,
    figure(
      'figure-4.1',
      svgs['figure-4.1'] ?? '',
      'Figur 4.1 Kommunenes besvarelse på spørreskjema, etter hvor detaljert besvarelsene var. Antall kommuner',
      source,
    ),
  );

  report.sections.forEach((section, index) => {
    const label = labels.table(section.table);
    const counts = section.rows.categories;
    const any = counts.find((c) => c.category === 'ANY');
    const named = counts.filter((c) => c.category !== 'ANY');
    const most = [...named].sort((a, b) => b.count - a.count)[0];
    const tableNo = section.categories.replace('table-', '');
    parts.push(
      `<h4>Inndeling ${index + 1}: ${escape(label)}</h4>
<p>Tabell ${tableNo} viser hvor mange av de ${f.respondents} kommunene som besvarte spørreskjemaet som kunne skille ut utgifter
til hver kategori. I alt ${any?.count ?? 0} kommuner kunne skille ut én eller flere${
        most
          ? `; flest kunne skille ut
«${escape(labels.category(section.table, most.category))}» (${most.count} kommuner, ${pct(most.share_of_splitters)} av dem som kunne fordele)`
          : ''
      }.</p>`,
      table(
        section.categories,
        `Tabell ${tableNo} Kommunenes inndeling av regnskapsføringen etter ${label.toLowerCase()}. N = ${f.respondents}`,
        ['Kategori', 'Antall', 'Andel av alle besvarelser', 'Andel av kommunene som kunne fordele'],
        counts.map((c) => [
          labels.category(section.table, c.category),
          c.count,
          pct(c.share_of_all),
          pct(c.share_of_splitters),
        ]),
        source,
      ),
      figure(
        section.figure,
        svgs[section.figure] ?? '',
        `Figur ${section.figure.replace('figure-', '')} Kommunenes inndeling av regnskapsføringen i KOSTRA-funksjon ${definition.function}, etter ${label.toLowerCase()}. Prosent, ${definition.headline_measure}. Fordelt etter ASSS-kommuner og kommunestørrelser`,
        source,
      ),
      table(
        section.methods,
        `Tabell ${section.methods.replace('table-', '')} Hvordan kommunene kom frem til inndelingen etter ${label.toLowerCase()}`,
        ['Beregningsmetode', 'Antall kommuner'],
        section.rows.methods.map((m) => [labels.method(m.method), m.count]),
        source,
      ),
    );
  });

  const overview = t['table-A.2'];
  const yes = (key: string) => overview.filter((r) => r[key] === 'Ja').length;
  const invitedRows = t['table-A.1'];
  parts.push(
    `<h2>Vedlegg A</h2>`,
    table(
      'table-A.1',
      'Tabell A.1 Oversikt over inviterte kommuner',
      ['Kommune', 'Kommunestørrelse', ...reference.criteria.map((c) => c.labels.nb)],
      invitedRows.map((r) => [
        String(r.name),
        labels.sizeGroup(String(r.size_group)),
        ...reference.criteria.map((c) => (r[c.code] === true ? 'x' : '')),
      ]),
      source,
    ),
    table(
      'table-A.2',
      `Tabell A.2 Kommuner som kunne fordele utgiftene til KOSTRA-funksjon ${definition.function} i de ulike inndelingene`,
      ['Kommune', ...definition.tables.map((d) => d.labels.nb)],
      [
        ...overview.map((r) => [
          names.get(r.municipality) ?? '',
          ...definition.tables.map((d) => r[d.key] ?? ''),
        ]),
        ['Sum', ...definition.tables.map((d) => yes(d.key))],
      ],
      source,
    ),
  );

  return `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(definition.title.nb)}: resultater ${escape(f.roundId)}</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;color:#162327;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse;margin:.5rem 0}caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border-bottom:1px solid #c3cfd1;padding:.25rem .75rem;text-align:left;vertical-align:top}.num{text-align:right}
.source{font-size:.85rem;color:#4b5a5e}.note{border-left:4px solid #3396d2;padding-left:.75rem}
figure{margin:1.5rem 0}figure.chart figcaption{font-weight:bold}svg{max-width:100%;height:auto}
</style></head><body><main>
<h1>${escape(definition.title.nb)}</h1>
<p>Resultater for undersøkelsesrunden ${escape(f.roundId)} (referanseår ${f.referenceYear}), beregnet fra svarene.
Kommunene vises anonymt, nummerert innenfor sin kommunestørrelse. Beløp i ${escape(definition.unit)}; andeler av ${escape(definition.headline_measure)}.</p>
${parts.join('\n')}
</main></body></html>
`;
}
