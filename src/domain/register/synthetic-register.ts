import { writeCsv } from '../csv.ts';
import { DomainError } from '../errors.ts';
import { seededRandom } from '../collection/sample.ts';
import { orgNumberCheckDigit } from './org-number.ts';
import { REGISTER_COLUMNS } from './register-file.ts';
import { SECTOR_OF_OWNERSHIP, type Ownership } from './unit.ts';

/**
 * A synthetic extract of the register, for tests, the demo and benchmarks: no real register data is in the
 * product. Every line says `syntetisk: ja` and every name begins «Syntetisk», so it shows as synthetic
 * wherever it goes. The same seed and municipalities give the same file.
 */
export interface SyntheticRegisterSpec {
  readonly seed: number;
  /** The municipalities of the year, code → name: where the units lie. */
  readonly municipalities: ReadonlyMap<string, string>;
  /** Institutions (skjema 5) and home-care establishments (skjema 6), spread over the municipalities. */
  readonly institutions: number;
  readonly homeCare: number;
  /** Municipalities given this many units of each kind, the rest spread over the others. */
  readonly fixed?: Readonly<Record<string, { readonly institutions: number; readonly homeCare: number }>>;
  /** The day the extract describes; about one unit in fifty closed before it. */
  readonly validOn: string;
  /** SN2007 → SN2025 for the codes used (data/reference/industry-codes.json). */
  readonly sn2025Of: ReadonlyMap<string, string>;
}

/** The industries of each kind of unit, with how often each occurs in the synthetic register. */
const INSTITUTION_INDUSTRIES: readonly (readonly [string, number, string])[] = [
  ['87.102', 0.6, 'sykehjem'],
  ['87.101', 0.1, 'spesialsykehjem'],
  ['87.301', 0.05, 'aldershjem'],
  ['87.304', 0.12, 'avlastningsbolig'],
  ['87.305', 0.13, 'barnebolig'],
];
const HOME_CARE_INDUSTRIES: readonly (readonly [string, number, string])[] = [
  ['88.101', 0.35, 'hjemmetjeneste'],
  ['87.203', 0.3, 'bofellesskap'],
  ['87.302', 0.25, 'omsorgsbolig med døgnbemanning'],
  ['87.303', 0.1, 'omsorgsbolig'],
];
const OWNERSHIP_SHARES: readonly (readonly [Ownership, number])[] = [
  ['municipal', 0.75],
  ['private_commercial', 0.17],
  ['non_profit', 0.08],
];

function pick<E extends readonly [unknown, number, ...unknown[]]>(
  next: () => number,
  weighted: readonly E[],
): E {
  let r = next() * weighted.reduce((a, [, w]) => a + w, 0);
  for (const entry of weighted) {
    r -= entry[1];
    if (r < 0) return entry;
  }
  return weighted[weighted.length - 1]!;
}

export function syntheticRegister(spec: SyntheticRegisterSpec): string {
  const codes = [...spec.municipalities.keys()].sort();
  if (codes.length === 0) throw new DomainError('no municipalities to place units in', ['municipalities']);
  for (const code of Object.keys(spec.fixed ?? {}))
    if (!spec.municipalities.has(code))
      throw new DomainError(`${code} is not a municipality of the year`, ['fixed']);
  const next = seededRandom(spec.seed);
  const used = new Set<string>();
  const orgNumber = () => {
    for (;;) {
      const eight = `9${String(Math.floor(next() * 1e7)).padStart(7, '0')}`;
      const check = orgNumberCheckDigit(eight);
      const number = `${eight}${check}`;
      if (check !== undefined && !used.has(number)) {
        used.add(number);
        return number;
      }
    }
  };
  const municipalParent = new Map(codes.map((code) => [code, orgNumber()]));
  const free = codes.filter((c) => spec.fixed?.[c] === undefined);
  const fixedCount = (kind: 'institutions' | 'homeCare') =>
    Object.values(spec.fixed ?? {}).reduce((a, f) => a + f[kind], 0);
  const placements = (kind: 'institutions' | 'homeCare'): string[] => {
    const places = Object.entries(spec.fixed ?? {}).flatMap(([code, f]) => Array<string>(f[kind]).fill(code));
    const rest = Math.max(0, spec[kind] - fixedCount(kind));
    for (let i = 0; i < rest; i++)
      places.push(free.length > 0 ? free[Math.floor(next() * free.length)]! : codes[0]!);
    return places;
  };
  const year = Number(spec.validOn.slice(0, 4));
  const rows: string[][] = [];
  let serial = 0;
  const unit = (municipality: string, industries: typeof INSTITUTION_INDUSTRIES) => {
    serial += 1;
    const [industry, , word] = pick(next, industries);
    const [ownership] = pick(next, OWNERSHIP_SHARES);
    const name = spec.municipalities.get(municipality)!;
    const closed = next() < 0.02;
    const servesOther = ownership !== 'municipal' && next() < 0.1;
    rows.push([
      orgNumber(),
      `Syntetisk ${word} ${serial}, ${name}`,
      ownership === 'municipal' ? municipalParent.get(municipality)! : orgNumber(),
      `Syntetisk vei ${1 + Math.floor(next() * 120)}`,
      String(1000 + Math.floor(next() * 8999)).padStart(4, '0'),
      name.toUpperCase(),
      municipality,
      industry,
      spec.sn2025Of.get(industry) ?? '',
      SECTOR_OF_OWNERSHIP[ownership],
      `${year - 1 - Math.floor(next() * 30)}-0${1 + Math.floor(next() * 9)}-01`,
      closed ? `${year}-0${1 + Math.floor(next() * 5)}-15` : '',
      servesOther ? codes[Math.floor(next() * codes.length)]! : '',
      'ja',
    ]);
  };
  for (const m of placements('institutions')) unit(m, INSTITUTION_INDUSTRIES);
  for (const m of placements('homeCare')) unit(m, HOME_CARE_INDUSTRIES);
  const header = [
    REGISTER_COLUMNS.orgNumber,
    REGISTER_COLUMNS.name,
    REGISTER_COLUMNS.parent,
    REGISTER_COLUMNS.street,
    REGISTER_COLUMNS.postcode,
    REGISTER_COLUMNS.place,
    REGISTER_COLUMNS.municipality,
    REGISTER_COLUMNS.industrySn2007,
    REGISTER_COLUMNS.industrySn2025,
    REGISTER_COLUMNS.sector,
    REGISTER_COLUMNS.startedOn,
    REGISTER_COLUMNS.closedOn,
    REGISTER_COLUMNS.serves,
    REGISTER_COLUMNS.synthetic,
  ];
  return writeCsv([header, ...rows]);
}
