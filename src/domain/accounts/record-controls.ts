import type { CodeList } from './chart.ts';
import type { ControlRule } from './control-rules.ts';
import {
  ACCOUNT_TEXT,
  accountOf,
  declaredOrgnr,
  isOsloDistrict,
  SKJEMA,
  type AccountRecord,
  type Declared,
} from './record.ts';

export const inRange = (code: string, [from, to]: readonly [string, string]) => {
  const n = Number(code);
  return /^\d+$/.test(code) && n >= Number(from) && n <= Number(to);
};

const LISTED_ARTS = new WeakMap<ControlRule, ReadonlySet<string>>();

/** The arts a rule lists, as a set made once. */
function listedArts(rule: Extract<ControlRule, { kind: 'art_not_in' }>): ReadonlySet<string> {
  let arts = LISTED_ARTS.get(rule);
  if (!arts) LISTED_ARTS.set(rule, (arts = new Set(rule.arts ?? [])));
  return arts;
}

/** A finding of a record control; `negativeOnly`: it holds for the records of the combination with an amount below 0. */
export interface RecordFinding {
  readonly rule: ControlRule;
  readonly message: string;
  readonly negativeOnly?: true;
}

/** A function's or an art's message for an account it is not valid in, or (`illogical`) not logical in. */
function notInAccount(
  what: 'funksjon' | 'art',
  code: string,
  account: 'operations' | 'investment',
  illogical: boolean,
): string {
  const other = account === 'operations' ? 'investment' : 'operations';
  return illogical
    ? `Kun advarsel, hindrer ikke innsending: ${what} '${code}' regnes å være ulogisk i ${ACCOUNT_TEXT[account]}. Vurder å postere på annen ${what} eller om posteringen hører til i ${ACCOUNT_TEXT[other]}.`
    : `Korrigér ugyldig ${what} '${code}' i ${ACCOUNT_TEXT[account]} til en gyldig ${what}, eller overfør posteringen til ${ACCOUNT_TEXT[other]}.`;
}

/**
 * What the record controls say of one record (duplicates and sums are kept apart: they need the file). A
 * finding on the amount's sign (`negativeOnly`) is given whatever the sign: a combination is judged once for
 * all its records, and the caller looks at each record's sign.
 */
export function recordFindings(
  rules: readonly ControlRule[],
  r: AccountRecord,
  context: { declared: Declared; codes: CodeList },
): RecordFinding[] {
  const found: RecordFinding[] = [];
  const account = accountOf(r);
  const amount = r.amount ?? 0;
  const { declared, codes } = context;
  const skjema = SKJEMA[declared.skjema];
  // As the control program: a record's own skjema says whether it is of the budget accounts or a balance.
  const kind = SKJEMA[r.skjema]?.kind;
  const budget = kind === 'budget';
  const balance = kind === 'balance';
  const oslo = declared.region === '030100';
  const district = isOsloDistrict(declared.region);
  const orgnr = declaredOrgnr(declared);
  // One closure for the whole loop, not one per rule: a file's new combinations are judged by the thousand.
  let rule: ControlRule;
  const flag = (message: string) => found.push({ rule, message });
  for (rule of rules) {
    switch (rule.kind) {
      case 'declared': {
        const expected =
          rule.field === 'year'
            ? String(declared.year)
            : rule.field === 'orgnr'
              ? orgnr
              : declared[rule.field];
        if (r[rule.field] !== expected)
          flag(`Fant ugyldig ${rule.title.toLowerCase()} '${r[rule.field]}'. Korrigér til '${expected}'.`);
        break;
      }
      case 'foretaksnr':
        if (r.foretaksnr !== orgnr && r.foretaksnr.trim() !== '')
          flag(`Fant ugyldig foretaksnummer '${r.foretaksnr}'. Korrigér til '${orgnr}' eller blankt.`);
        break;
      case 'kontoklasse': {
        if (
          r.kontoklasse !== skjema?.operations &&
          r.kontoklasse !== skjema?.investment &&
          r.kontoklasse !== skjema?.balance
        ) {
          const valid = [skjema?.operations, skjema?.investment, skjema?.balance].filter(Boolean);
          flag(
            `Fant ugyldig kontoklasse '${r.kontoklasse}'. Korrigér til en av ${valid.map((v) => `'${v}'`).join(', ')}.`,
          );
        }
        break;
      }
      case 'valid_function': {
        const fn = r.functionCode;
        const valid =
          codes.functions.has(fn) ||
          rule.also_valid.includes(fn) ||
          ((oslo || district) && codes.osloFunctions.has(fn)) ||
          (district && codes.districtFunctions.has(fn));
        if (budget && !valid)
          flag(`Fant ugyldig funksjon '${fn}' for ${declared.year}. Korrigér til en gyldig funksjon.`);
        break;
      }
      case 'expired_function':
        if (budget && rule.functions.includes(r.functionCode))
          flag(`Fant utgått funksjon '${r.functionCode}', men godtas midlertidig.`);
        break;
      case 'valid_art':
        if (budget && !codes.arts.has(r.art) && !(district && codes.districtArts.has(r.art)))
          flag(`Fant ugyldig art '${r.art}' for ${declared.year}. Korrigér til en gyldig art.`);
        break;
      case 'valid_chapter':
        if (balance && !rule.codes.includes(r.functionCode))
          flag(`Fant ugyldig kapittel '${r.functionCode}'. Korrigér til et gyldig kapittel.`);
        break;
      case 'valid_sector':
        if (balance && !rule.codes.includes(r.art))
          flag(`Fant ugyldig sektor '${r.art}'. Korrigér til en gyldig sektor.`);
        break;
      case 'amount_format':
        if (r.amount === null || r.amountText.includes('\t'))
          flag(
            `Fant ugyldig beløp '${r.amountText}'. Beløpet skal være et heltall i 1000 kr, minus foran sifrene.`,
          );
        break;
      case 'function_not_in':
        if (account === rule.account && amount !== 0 && rule.functions.includes(r.functionCode))
          flag(notInAccount('funksjon', r.functionCode, rule.account, rule.illogical));
        break;
      case 'art_not_in': {
        const arts =
          rule.arts_from_code_list === 'operations_only'
            ? codes.operationsOnlyArts
            : rule.arts_from_code_list === 'investment_only'
              ? codes.investmentOnlyArts
              : listedArts(rule);
        const allowed =
          rule.allowed !== undefined &&
          rule.allowed.skjema.includes(declared.skjema) &&
          rule.allowed.regions.includes(declared.region) &&
          rule.allowed.arts.includes(r.art);
        if (account === rule.account && amount !== 0 && arts.has(r.art) && !allowed)
          flag(notInAccount('art', r.art, rule.account, rule.illogical));
        break;
      }
      case 'art_requires_function':
        if (
          budget &&
          (rule.account === undefined || account === rule.account) &&
          amount !== 0 &&
          rule.arts.includes(r.art) &&
          !rule.functions.includes(r.functionCode)
        )
          flag(
            `Art ${r.art} er kun tillatt brukt i kombinasjon med funksjon ${rule.functions.join(', ')} (fant funksjon ${r.functionCode}).`,
          );
        break;
      case 'function_requires_art':
        if (budget && amount !== 0 && rule.functions.includes(r.functionCode) && !rule.arts.includes(r.art))
          flag(
            `Det er kun artene ${rule.arts.join(', ')} som er logiske i kombinasjon med funksjon ${r.functionCode} (fant art ${r.art}).`,
          );
        break;
      case 'art_function_pair':
        if (budget && amount !== 0 && rule.functions.includes(r.functionCode) !== rule.arts.includes(r.art))
          flag(
            `Artene ${rule.arts.join(', ')} er kun tillatt brukt i kombinasjon med funksjon ${rule.functions.join(', ')}, og motsatt (fant funksjon ${r.functionCode}, art ${r.art}).`,
          );
        break;
      case 'chapter_not_negative':
        if (balance && rule.chapters.includes(r.functionCode))
          found.push({
            rule,
            message: `Kapittel ${r.functionCode} skal bare rapporteres som positive tall (0 eller mer): merforbruk i driftsregnskapet (5900) og udekket i investeringsregnskapet (5970).`,
            negativeOnly: true,
          });
        break;
      default:
        break; // duplicates and the file-level controls: kept apart
    }
  }
  return found;
}
