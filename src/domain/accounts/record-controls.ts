import type { CodeList } from './chart.ts';
import type { ControlRule } from './control-rules.ts';
import { accountOf, SKJEMA, type AccountRecord, type Declared } from './record.ts';

export const inRange = (code: string, [from, to]: readonly [string, string]) => {
  const n = Number(code);
  return /^\d+$/.test(code) && n >= Number(from) && n <= Number(to);
};

const rangeText = ([from, to]: readonly [string, string]) => (from === to ? from : `${from}-${to}`);

const LISTED_ARTS = new WeakMap<ControlRule, ReadonlySet<string>>();

/** The arts a rule lists, as a set made once. */
function listedArts(rule: Extract<ControlRule, { kind: 'art_not_in' }>): ReadonlySet<string> {
  let arts = LISTED_ARTS.get(rule);
  if (!arts) LISTED_ARTS.set(rule, (arts = new Set(rule.arts ?? [])));
  return arts;
}

/** What the record controls say of one record (duplicates and sums are kept apart: they need the file). */
export function recordFindings(
  rules: readonly ControlRule[],
  r: AccountRecord,
  context: { declared: Declared; codes: CodeList; kind: 'budget' | 'balance' | undefined },
): { rule: ControlRule; message: string }[] {
  const found: { rule: ControlRule; message: string }[] = [];
  const account = accountOf(r);
  const amount = r.amount ?? 0;
  const skjema = SKJEMA[context.declared.skjema];
  const budget = context.kind === 'budget';
  // One closure for the whole loop, not one per rule: a file's new combinations are judged by the thousand.
  let rule: ControlRule;
  const flag = (message: string) => found.push({ rule, message });
  for (rule of rules) {
    switch (rule.kind) {
      case 'declared': {
        const expected = rule.field === 'year' ? String(context.declared.year) : context.declared[rule.field];
        if (r[rule.field] !== expected)
          flag(`Fant ugyldig ${rule.title.toLowerCase()} '${r[rule.field]}'. Korrigér til '${expected}'.`);
        break;
      }
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
      case 'valid_function':
        if (
          budget &&
          !context.codes.functions.has(r.functionCode) &&
          !(context.declared.region === '030100' && context.codes.osloFunctions.has(r.functionCode))
        )
          flag(
            `Fant ugyldig funksjon '${r.functionCode}' for ${context.declared.year}. Korrigér til en gyldig funksjon.`,
          );
        break;
      case 'valid_art':
        if (budget && !context.codes.arts.has(r.art))
          flag(`Fant ugyldig art '${r.art}' for ${context.declared.year}. Korrigér til en gyldig art.`);
        break;
      case 'valid_chapter':
        if (context.kind === 'balance' && !rule.codes.includes(r.functionCode))
          flag(`Fant ugyldig kapittel '${r.functionCode}'. Korrigér til et gyldig kapittel.`);
        break;
      case 'valid_sector':
        if (context.kind === 'balance' && !rule.codes.includes(r.art))
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
          flag(
            `Korrigér ugyldig funksjon '${r.functionCode}' i ${rule.account === 'operations' ? 'driftsregnskapet' : 'investeringsregnskapet'} til en gyldig funksjon, eller overfør posteringen til ${rule.account === 'operations' ? 'investeringsregnskapet' : 'driftsregnskapet'}.`,
          );
        break;
      case 'art_not_in': {
        const arts =
          rule.arts_from_code_list === 'operations_only'
            ? context.codes.operationsOnlyArts
            : rule.arts_from_code_list === 'investment_only'
              ? context.codes.investmentOnlyArts
              : listedArts(rule);
        if (account === rule.account && amount !== 0 && arts.has(r.art))
          flag(
            `Korrigér ugyldig art '${r.art}' i ${rule.account === 'operations' ? 'driftsregnskapet' : 'investeringsregnskapet'} til en gyldig art, eller overfør posteringen til ${rule.account === 'operations' ? 'investeringsregnskapet' : 'driftsregnskapet'}.`,
          );
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
      case 'art_function_pair':
        if (budget && amount !== 0 && rule.functions.includes(r.functionCode) !== rule.arts.includes(r.art))
          flag(
            `Artene ${rule.arts.join(', ')} er kun tillatt brukt i kombinasjon med funksjon ${rule.functions.join(', ')}, og motsatt (fant funksjon ${r.functionCode}, art ${r.art}).`,
          );
        break;
      // An art in operations only on a range of functions, or never on it.
      case 'art_outside_functions':
      case 'art_on_functions': {
        const barred = rule.kind === 'art_on_functions';
        if (
          budget &&
          account === 'operations' &&
          amount !== 0 &&
          r.art === rule.art &&
          inRange(r.functionCode, rule.function_range) === barred
        )
          flag(
            barred
              ? `Art ${rule.art} skal føres på tjenestefunksjon, ikke på funksjon ${r.functionCode}.`
              : `Art ${rule.art} skal kun føres på funksjon ${rangeText(rule.function_range)} (fant funksjon ${r.functionCode}).`,
          );
        break;
      }
      default:
        break; // duplicates and the file-level controls: kept apart
    }
  }
  return found;
}
