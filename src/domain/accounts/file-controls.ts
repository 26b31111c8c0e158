import type { ControlRule } from './control-rules.ts';
import { ACCOUNT_TEXT } from './record.ts';

/** The running totals of a file, by account, as the file-level controls read them. */
export interface Totals {
  readonly operations: { readonly expense: number; readonly income: number };
  readonly investment: { readonly expense: number; readonly income: number };
  readonly balance: { readonly assets: number; readonly liabilities: number };
  /** Whether the file has records (of an amount other than a lone 0) of each account, of depreciation and of its counter-entry. */
  readonly seen: {
    readonly operations: boolean;
    readonly investment: boolean;
    readonly balance: boolean;
    readonly depreciation: boolean;
    readonly counterEntry: boolean;
    readonly assets: boolean;
    readonly liabilities: boolean;
  };
  readonly transfers: { readonly operations: number; readonly investment: number };
  readonly depreciation: { readonly '590': number; readonly '990': number };
  /** The sum of the records each `sum_zero` and `sum_negative` rule selects. */
  readonly selected: ReadonlyMap<ControlRule, number>;
}

/**
 * The controls of a whole file, from its totals: the sums of operations and investment, assets against
 * liabilities, transfers between the accounts, depreciation against its counter-entry.
 */
export function fileFindings(
  rules: readonly ControlRule[],
  s: Totals,
  kind: 'budget' | 'balance' | undefined,
): { rule: ControlRule; message: string }[] {
  const found: { rule: ControlRule; message: string }[] = [];
  const fileFinding = (rule: ControlRule, message: string) => found.push({ rule, message });
  for (const rule of rules) {
    switch (rule.kind) {
      case 'sum_sign': {
        if (!s.seen[rule.account]) break;
        if (rule.account === 'balance') {
          // As the control program: a balance without records of assets (liabilities) is not asked for them.
          if (!s.seen[rule.side === 'assets' ? 'assets' : 'liabilities']) break;
          const sum = rule.side === 'assets' ? s.balance.assets : s.balance.liabilities;
          if (rule.side === 'assets' ? !(sum > 0) : !(sum < 0))
            fileFinding(
              rule,
              `Korrigér slik at fila inneholder ${rule.side === 'assets' ? 'aktiva (kapittel 10-29)' : 'passiva (kapittel 31-5990)'}: summen er ${sum}.`,
            );
        } else {
          const sums = s[rule.account];
          const sum = rule.side === 'expense' ? sums.expense : sums.income;
          if (rule.side === 'expense' ? !(sum > 0) : !(sum < 0))
            fileFinding(
              rule,
              `Korrigér slik at fila inneholder ${rule.side === 'expense' ? 'utgiftsposteringene' : 'inntektsposteringene'} (${sum}) i ${ACCOUNT_TEXT[rule.account]}.`,
            );
        }
        break;
      }
      case 'sum_difference': {
        if (!s.seen[rule.account]) break;
        const [plus, minus] =
          rule.account === 'balance'
            ? [s.balance.assets, s.balance.liabilities]
            : [s[rule.account].expense, s[rule.account].income];
        const difference = plus + minus;
        const signed = !rule.require_signs || (plus > 0 && minus < 0);
        if (!(signed && Math.abs(difference) <= rule.tolerance))
          fileFinding(
            rule,
            rule.account === 'balance'
              ? `Korrigér differansen (${difference}) mellom eiendeler (${plus}) og gjeld og egenkapital (${minus}) (differanser opptil ±${rule.tolerance} godtas).`
              : `Korrigér differansen (${difference}) mellom inntekter (${minus}) og utgifter (${plus}) i ${ACCOUNT_TEXT[rule.account]} (margin på ±${rule.tolerance}).`,
          );
        break;
      }
      case 'transfers': {
        if (kind !== 'budget') break;
        const difference = s.transfers.operations + s.transfers.investment;
        if (Math.abs(difference) > rule.tolerance)
          fileFinding(
            rule,
            `Korrigér slik at differansen (${difference}) i overføringer mellom drifts- (${s.transfers.operations}, art ${rule.operations_art}) og investeringsregnskapet (${s.transfers.investment}, art ${rule.investment_art}) blir innenfor ±${rule.tolerance}.`,
          );
        break;
      }
      case 'depreciation_present': {
        // As the control program: only a file that has such records, summing to 0, lacks them.
        if (kind !== 'budget' || !(rule.art === '590' ? s.seen.depreciation : s.seen.counterEntry)) break;
        const sum = rule.art === '590' ? s.depreciation['590'] : s.depreciation['990'];
        if (sum === 0)
          fileFinding(
            rule,
            rule.art === '590'
              ? 'Korrigér slik at fila inneholder avskrivninger (0), ført på tjenestefunksjon og art 590.'
              : 'Korrigér slik at fila inneholder motpost avskrivninger (0), ført på funksjon 860 og art 990.',
          );
        break;
      }
      case 'depreciation_difference': {
        if (kind !== 'budget' || !s.seen.operations) break;
        const difference = s.depreciation['590'] + s.depreciation['990'];
        if (Math.abs(difference) > rule.tolerance)
          fileFinding(
            rule,
            `Korrigér slik at avskrivninger (${s.depreciation['590']}) stemmer med motpost avskrivninger (${s.depreciation['990']}) (margin på ±${rule.tolerance}).`,
          );
        break;
      }
      case 'sum_zero': {
        const sum = s.selected.get(rule);
        if (sum === undefined) break;
        if (Math.abs(sum) > rule.tolerance)
          fileFinding(
            rule,
            `Korrigér slik at summen (${sum}) av ${selectionText(rule)} blir 0${rule.tolerance > 0 ? ` (margin på ±${rule.tolerance})` : ''}.`,
          );
        break;
      }
      case 'sum_negative': {
        if (!s.seen[rule.account]) break;
        const sum = s.selected.get(rule) ?? 0;
        if (!(sum < 0))
          fileFinding(
            rule,
            `Korrigér slik at fila inneholder ${rule.title.toLowerCase()} (${sum}), ${selectionText(rule)}.`,
          );
        break;
      }
      default:
        break;
    }
  }
  return found;
}

const rangesText = (ranges: readonly (readonly [string, string])[]) =>
  ranges.map(([from, to]) => (from === to ? from : `${from}-${to}`)).join(' og ');

/** What a sum rule sums, in words: "funksjon 190, art 010-590 og 600-990 i driftsregnskapet". */
function selectionText(rule: Extract<ControlRule, { kind: 'sum_zero' | 'sum_negative' }>): string {
  const word = rule.account === 'balance' ? 'kapittel' : 'funksjon';
  return [
    rule.functions ? `${word} ${rule.functions.join(', ')}` : '',
    rule.function_ranges ? `${word} ${rangesText(rule.function_ranges)}` : '',
    rule.functions_not ? `andre ${word}er enn ${rule.functions_not.join(', ')}` : '',
    rule.art_ranges ? `${rule.account === 'balance' ? 'sektor' : 'art'} ${rangesText(rule.art_ranges)}` : '',
  ]
    .filter(Boolean)
    .join(', ')
    .concat(rule.account ? ` i ${ACCOUNT_TEXT[rule.account]}` : '');
}
