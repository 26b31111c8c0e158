import { readCsv } from '../csv.ts';
import { DomainError } from '../errors.ts';
import { orgNumberProblem } from './org-number.ts';
import { ownershipOfSector, type RegisterUnit } from './unit.ts';

/**
 * An extract of the register of units in Enhetsregisteret's shape: the columns of its open download of
 * establishments (underenheter), named as it names them, with the enterprise's institutional sector, and
 * columns of the product's own where the register has none (`naeringskode1.kode_sn2025`, the SN2025 code
 * while the register carries SN2007; `betjener_kommunenummer`, the municipality served; `syntetisk`).
 */
export const REGISTER_COLUMNS = {
  orgNumber: 'organisasjonsnummer',
  name: 'navn',
  parent: 'overordnetEnhet',
  street: 'beliggenhetsadresse.adresse',
  postcode: 'beliggenhetsadresse.postnummer',
  place: 'beliggenhetsadresse.poststed',
  municipality: 'beliggenhetsadresse.kommunenummer',
  industrySn2007: 'naeringskode1.kode',
  industrySn2025: 'naeringskode1.kode_sn2025',
  sector: 'institusjonellSektorkode.kode',
  startedOn: 'oppstartsdato',
  closedOn: 'nedleggelsesdato',
  serves: 'betjener_kommunenummer',
  synthetic: 'syntetisk',
} as const;

const REQUIRED = ['orgNumber', 'name', 'street', 'postcode', 'place', 'municipality', 'sector'] as const;

export interface RegisterExtract {
  /** The day the extract describes: a unit closed on or before it is closed. */
  readonly validOn: string;
  readonly units: readonly RegisterUnit[];
  /** Made by the product's generator (every line says `syntetisk: ja`), not taken from the register. */
  readonly synthetic: boolean;
}

/** What is wrong in a register file, every problem with its line and column, so all are fixed in one go. */
export class RegisterFileError extends DomainError {
  constructor(
    file: string,
    readonly problems: readonly string[],
  ) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : '';
    super(`${problems.length} problem(s):\n${shown.join('\n')}${more}`, [file]);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INDUSTRY = /^\d{2}\.\d{3}$/;

/**
 * The units of a register file, or every problem in it: an organisation number that fails its modulus-11
 * check or appears twice, a missing value, a code of the wrong shape, a sector the forms cannot read as an
 * owner. `municipalities`, when given, are the codes a unit may lie in and serve.
 */
export function parseRegisterFile(
  text: string,
  file: string,
  validOn: string,
  municipalities?: ReadonlySet<string>,
): RegisterExtract {
  if (!ISO_DATE.test(validOn)) throw new DomainError(`"${validOn}" is not a date YYYY-MM-DD`, ['valid on']);
  const [header, ...lines] = readCsv(text, file, { sameColumns: true, separator: 'detect' });
  if (!header) throw new RegisterFileError(file, ['the file is empty']);
  const index = new Map(header.fields.map((name, i) => [name, i]));
  const missing = REQUIRED.filter((k) => !index.has(REGISTER_COLUMNS[k])).map(
    (k) => `line 1: no column ${REGISTER_COLUMNS[k]}`,
  );
  if (!index.has(REGISTER_COLUMNS.industrySn2007) && !index.has(REGISTER_COLUMNS.industrySn2025))
    missing.push(
      `line 1: no column ${REGISTER_COLUMNS.industrySn2007} or ${REGISTER_COLUMNS.industrySn2025}`,
    );
  if (missing.length > 0) throw new RegisterFileError(file, missing);

  const problems: string[] = [];
  const seen = new Map<string, number>();
  const units: RegisterUnit[] = [];
  const syntheticLines: boolean[] = [];
  for (const line of lines) {
    const at = (column: keyof typeof REGISTER_COLUMNS) => `line ${line.number}, ${REGISTER_COLUMNS[column]}`;
    const value = (column: keyof typeof REGISTER_COLUMNS) => {
      const i = index.get(REGISTER_COLUMNS[column]);
      return i === undefined ? '' : (line.fields[i] ?? '');
    };
    const before = problems.length;
    const required = (column: (typeof REQUIRED)[number]) => {
      const v = value(column);
      if (v === '') problems.push(`${at(column)}: empty`);
      return v;
    };
    const orgNumber = required('orgNumber');
    const orgProblem = orgNumber === '' ? undefined : orgNumberProblem(orgNumber);
    if (orgProblem) problems.push(`${at('orgNumber')}: ${orgProblem}`);
    const first = seen.get(orgNumber);
    if (first !== undefined) problems.push(`${at('orgNumber')}: ${orgNumber} is on line ${first} too`);
    seen.set(orgNumber, line.number);
    const parent = value('parent');
    const parentProblem = parent === '' ? undefined : orgNumberProblem(parent);
    if (parentProblem) problems.push(`${at('parent')}: ${parentProblem}`);
    const name = required('name');
    const street = required('street');
    const postcode = required('postcode');
    if (postcode !== '' && !/^\d{4}$/.test(postcode))
      problems.push(`${at('postcode')}: "${postcode}" is not four digits`);
    const place = required('place');
    const municipalityAt = (column: 'municipality' | 'serves', code: string) => {
      if (!/^\d{4}$/.test(code)) problems.push(`${at(column)}: "${code}" is not a municipality number`);
      else if (municipalities && !municipalities.has(code))
        problems.push(`${at(column)}: ${code} is not a municipality on ${validOn}`);
    };
    const municipality = required('municipality');
    if (municipality !== '') municipalityAt('municipality', municipality);
    const serves = value('serves') || municipality;
    if (value('serves') !== '') municipalityAt('serves', serves);
    const industry = (column: 'industrySn2007' | 'industrySn2025') => {
      const code = value(column);
      if (code !== '' && !INDUSTRY.test(code))
        problems.push(`${at(column)}: "${code}" is not an industry code NN.NNN`);
      return code === '' ? null : code;
    };
    const industrySn2007 = industry('industrySn2007');
    const industrySn2025 = industry('industrySn2025');
    if (industrySn2007 === null && industrySn2025 === null)
      problems.push(`line ${line.number}: no industry code (SN2007 or SN2025)`);
    const sector = required('sector');
    const ownership = sector === '' ? undefined : ownershipOfSector(sector);
    if (sector !== '' && ownership === undefined)
      problems.push(`${at('sector')}: "${sector}" is not an institutional sector code`);
    const date = (column: 'startedOn' | 'closedOn') => {
      const d = value(column);
      if (d !== '' && !ISO_DATE.test(d)) problems.push(`${at(column)}: "${d}" is not a date YYYY-MM-DD`);
      return d === '' ? null : d;
    };
    const startedOn = date('startedOn');
    const closedOn = date('closedOn');
    const synthetic = value('synthetic');
    if (synthetic !== '' && synthetic !== 'ja')
      problems.push(`${at('synthetic')}: "${synthetic}" is not ja or empty`);
    syntheticLines.push(synthetic === 'ja');
    if (problems.length > before) continue;
    units.push({
      orgNumber,
      name,
      parent: parent === '' ? null : parent,
      street,
      postcode,
      place,
      municipality,
      serves,
      industrySn2007,
      industrySn2025,
      status: closedOn !== null && closedOn <= validOn ? 'closed' : 'active',
      ownership: ownership!,
      startedOn,
      closedOn,
    });
  }
  const synthetic = syntheticLines.length > 0 && syntheticLines.every(Boolean);
  if (!synthetic && syntheticLines.some(Boolean))
    problems.push('some lines say syntetisk: ja and others do not: a file is synthetic or real, not both');
  if (lines.length === 0) problems.push('the file has a header and no units');
  if (problems.length > 0) throw new RegisterFileError(file, problems);
  return { validOn, units, synthetic };
}
