import type { Population } from '../population.ts';
import { measureContents, perPerson } from './per-inhabitant.ts';
import {
  combinations,
  type CellSymbol,
  type Codelist,
  type DatasetCategory,
  type PublishedDataset,
} from './dataset.ts';

/** The published table of home-care key figures from the accounts, one period per accounting year. */
export const KEY_FIGURES_TABLE = 'KF254';

const OSLO = '0301';

/** The home-care functions as published: 254 for every year (from 2024 the sum of 257 and 258), and each. */
export function homeCareFunctionsOf(year: number) {
  const split = year >= 2024;
  return [
    {
      code: 'F254',
      label: split
        ? 'Helse- og omsorgstjenester til hjemmeboende (254 = 257 + 258)'
        : 'Helse- og omsorgstjenester til hjemmeboende (254)',
      labelEn: split
        ? 'Health and care services for people living at home (254 = 257 + 258)'
        : 'Health and care services for people living at home (254)',
      parts: split ? ['257', '258'] : ['254'],
    },
    {
      code: 'F257',
      label: 'Helse- og omsorgstjenester til hjemmeboende, ambulante tjenester (257)',
      labelEn: 'Health and care services for people living at home, ambulant services (257)',
      parts: split ? ['257'] : [],
    },
    {
      code: 'F258',
      label: 'Helse- og omsorgstjenester i bofellesskap og andre boliger med personalbase (258)',
      labelEn: 'Health and care services in shared housing and other housing with a staff base (258)',
      parts: split ? ['258'] : [],
    },
  ];
}

export interface KeyFigureMeasure {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
}

export interface KeyFigureInput {
  readonly year: number;
  readonly municipalities: readonly { code: string; name: string; countyCode: string; countyName: string }[];
  /** Each municipality's KOSTRA group (EKG01…EKG17) in the year. */
  readonly kostraGroups: ReadonlyMap<string, string>;
  /** Each municipality's population at the end of the year, in the year's structure. */
  readonly population: ReadonlyMap<string, Population>;
  /** The municipalities whose accounts for the year are ingested. */
  readonly reported: ReadonlySet<string>;
  /** Ingested key figures: municipality, function, measure, in 1000 NOK. */
  readonly figures: readonly { municipality: string; function: string; measure: string; value: number }[];
  readonly measures: readonly KeyFigureMeasure[];
  readonly updated: string;
  readonly codelists?: readonly Codelist[];
  /** The accounts are synthetic (the demo): the table says so first. */
  readonly synthetic?: boolean;
}

interface Region extends DatasetCategory {
  readonly municipalities: readonly string[];
}

/** The regions of a year: the country, the country without Oslo, each county, each KOSTRA group, each municipality. */
function regionsOf(input: KeyFigureInput): Region[] {
  const all = input.municipalities.map((m) => m.code);
  const counties = new Map<string, { name: string; members: string[] }>();
  for (const m of input.municipalities) {
    const held = counties.get(m.countyCode) ?? { name: m.countyName, members: [] };
    held.members.push(m.code);
    counties.set(m.countyCode, held);
  }
  const groups = new Map<string, string[]>();
  for (const m of all) {
    const g = input.kostraGroups.get(m);
    if (g) groups.set(g, [...(groups.get(g) ?? []), m]);
  }
  const region = (code: string, label: string, labelEn: string, members: readonly string[]): Region => ({
    code,
    label,
    labelEn,
    members: [...members],
    municipalities: members,
  });
  return [
    region('EAK', 'Landet', 'Norway', all),
    region(
      'EAKUO',
      'Landet uten Oslo',
      'Norway excluding Oslo',
      all.filter((m) => m !== OSLO),
    ),
    ...[...counties]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, c]) => region(`EKA${code}`, c.name, c.name, c.members)),
    ...[...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, members]) => {
        const n = Number(code.slice(3));
        return region(code, `KOSTRA-gruppe ${n}`, `KOSTRA group ${n}`, members);
      }),
    ...input.municipalities.map((m) => ({
      code: m.code,
      label: `${m.code} ${m.name}`,
      municipalities: [m.code],
    })),
  ];
}

/**
 * Home care's key figures for a year from the ingested accounts: each expense measure in 1000 NOK and in
 * NOK per inhabitant, per inhabitant 67+ and 80+ (the population at the end of the year), for each
 * municipality and, as KOSTRA computes them, for each county, KOSTRA group, the country and the country
 * without Oslo: the sum of the expenses of the municipalities with accounts divided by the sum of their
 * population (not an average of the municipalities' figures). A municipality without accounts is ".." ;
 * 257 and 258 before 2024 are "." (the functions did not exist).
 */
export function keyFiguresDataset(input: KeyFigureInput): PublishedDataset {
  const year = String(input.year);
  const regions = regionsOf(input);
  const functions = homeCareFunctionsOf(input.year);
  const contents = input.measures.flatMap((m) =>
    measureContents(m).map((c) => ({
      ...c,
      measure: m.code,
      ...(c.divisor ? {} : { label: `${c.label} (1000 kr)`, labelEn: `${c.labelEn ?? c.label} (NOK 1000)` }),
    })),
  );
  const amount = new Map<string, number>();
  for (const f of input.figures) {
    const key = `${f.municipality}|${f.function}|${f.measure}`;
    amount.set(key, (amount.get(key) ?? 0) + f.value);
  }
  const sizes = [regions.length, functions.length, contents.length, 1];
  const values: (number | null)[] = [];
  const status: (CellSymbol | null)[] = [];
  const push = (value: number | null, symbol: CellSymbol | null) => {
    values.push(value);
    status.push(symbol);
  };
  for (const [r, f, c] of combinations(sizes)) {
    const region = regions[r!]!;
    const fn = functions[f!]!;
    const { measure, divisor } = contents[c!]!;
    if (fn.parts.length === 0) {
      push(null, '.');
      continue;
    }
    // Only municipalities with accounts count, in the expenses and in the population alike.
    const members = region.municipalities.filter(
      (m) => input.reported.has(m) && (divisor === undefined || input.population.has(m)),
    );
    if (members.length === 0) {
      push(null, '..');
      continue;
    }
    const expenses = members.reduce(
      (s, m) => s + fn.parts.reduce((t, part) => t + (amount.get(`${m}|${part}|${measure}`) ?? 0), 0),
      0,
    );
    if (!divisor) {
      push(Math.round(expenses), null);
      continue;
    }
    const ratio = perPerson(
      expenses,
      members.reduce((s, m) => s + divisor.of(input.population.get(m)!), 0),
    );
    push(ratio, ratio === null ? '.' : null);
  }
  const all = input.municipalities.length;
  return {
    id: KEY_FIGURES_TABLE,
    label: 'Helse- og omsorgstjenester til hjemmeboende: utgifter i alt og per innbygger',
    labelEn: 'Health and care services for people living at home: expenditure, total and per inhabitant',
    description:
      'Utgifter på funksjon 254 (fra 2024 257 og 258) fra kommuneregnskapene, i alt og per innbygger, per innbygger 67 år og over og 80 år og over, per kommune, fylke, KOSTRA-gruppe, landet og landet uten Oslo.',
    descriptionEn:
      'Expenditure on function 254 (from 2024 257 and 258) from the municipal accounts, total and per inhabitant, per inhabitant aged 67 or over and 80 or over, by municipality, county, KOSTRA group, Norway and Norway excluding Oslo.',
    source: 'Statistisk sentralbyrå',
    updated: input.updated,
    decimals: 0,
    dimensions: [
      {
        id: 'Region',
        label: 'region',
        labelEn: 'region',
        role: 'geo',
        categories: regions.map(({ municipalities: _m, ...category }) => category),
        elimination: 'EAK',
        ...(input.codelists ? { codelists: input.codelists } : {}),
      },
      {
        id: 'Funksjon',
        label: 'funksjon',
        labelEn: 'function',
        categories: functions.map(({ parts: _p, ...category }) => category),
        elimination: 'F254',
      },
      {
        id: 'ContentsCode',
        label: 'statistikkvariabel',
        labelEn: 'contents',
        role: 'metric',
        categories: contents,
      },
      { id: 'Tid', label: 'år', labelEn: 'year', role: 'time', categories: [{ code: year, label: year }] },
    ],
    values,
    status,
    notes: [
      ...(input.synthetic
        ? ['Syntetiske regnskap laget for demonstrasjon: ikke kommunenes eller SSBs tall.']
        : []),
      `Fra kommuneregnskapene for ${year} som er lest inn (${input.reported.size} av ${all} kommuner); fylker, KOSTRA-grupper og landet er summen av kommunene med regnskap, delt på deres folketall.`,
      `Per innbygger: delt på folketallet 31.12.${year} (1.1.${input.year + 1}, SSB tabell 07459).`,
      'Fra 2024 er funksjon 254 delt i 257 og 258; 254 er da summen av dem. Punktum (.) betyr at funksjonen ikke fantes det året; to prikker (..) at tall mangler.',
    ],
    notesEn: [
      ...(input.synthetic
        ? [
            "Synthetic accounts made for demonstration: not the municipalities' or Statistics Norway's figures.",
          ]
        : []),
      `From the municipal accounts for ${year} that have been read in (${input.reported.size} of ${all} municipalities); counties, KOSTRA groups and the country are the sum of the municipalities with accounts, divided by their population.`,
      `Per inhabitant: divided by the population on 31 December ${year} (1 January ${input.year + 1}, Statistics Norway table 07459).`,
      'From 2024 function 254 is split into 257 and 258; 254 is then their sum. A full stop (.) means the function did not exist that year; two dots (..) that figures are missing.',
    ],
    protection: { primary: 0, secondary: 0, checked: ['none: accounts are public'] },
  };
}
