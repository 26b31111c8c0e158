import type { CodeList } from './chart.ts';
import { severityFor, type ControlRule, type ControlSeverity } from './control-rules.ts';
import {
  accountOf,
  isExpense,
  isIncome,
  parseRecord,
  RECORD_LENGTH,
  SKJEMA,
  type AccountRecord,
  type Declared,
} from './record.ts';

/** Lines kept per rule for the report; the count goes on. Memory stays flat however large the file. */
const KEPT_LINES = 200;

export interface Finding {
  readonly rule: string;
  readonly title: string;
  readonly severity: ControlSeverity;
  readonly message: string;
  /** Line numbers (1-based) of the records concerned, the first ones; empty for file-level controls. */
  readonly lines: readonly number[];
  /** How many records the finding concerns (0 for file-level controls). */
  readonly count: number;
  /** The first records concerned, as written. */
  readonly examples: readonly string[];
}

export interface ControlReport {
  readonly declared: Declared;
  readonly records: number;
  readonly findings: readonly Finding[];
  readonly highest: ControlSeverity | null;
}

const inRange = (code: string, [from, to]: readonly [string, string]) => {
  const n = Number(code);
  return /^\d+$/.test(code) && n >= Number(from) && n <= Number(to);
};

interface Open {
  rule: ControlRule;
  message: string;
  lines: number[];
  examples: string[];
  count: number;
}

/**
 * SSB's control of a municipal accounting file, one record at a time: record controls as each record comes,
 * sums and duplicates kept as running totals, file controls at the end. A record of the wrong length is a
 * FATAL finding, and then, as in the control program, no other control is reported.
 */
export class AccountsControl {
  private readonly open = new Map<string, Open>();
  private readonly fileLevel: Finding[] = [];
  private readonly sums = {
    operations: { expense: 0, income: 0 },
    investment: { expense: 0, income: 0 },
    balance: { assets: 0, liabilities: 0 },
    seen: { operations: false, investment: false, balance: false },
    transfers: { operations: 0, investment: 0 },
    depreciation: { '590': 0, '990': 0, seen590: false, seen990: false },
  };
  private readonly keys = new Map<string, { first: number; count: number; amounts: string[] }>();
  private records = 0;
  private readonly kind: 'budget' | 'balance' | undefined;

  constructor(
    private readonly rules: readonly ControlRule[],
    readonly declared: Declared,
    private readonly codes: CodeList,
  ) {
    this.kind = SKJEMA[declared.skjema]?.kind;
  }

  private severity(rule: ControlRule) {
    return severityFor(rule, this.declared.quarter);
  }

  private flag(rule: ControlRule, message: string, line: number, text: string) {
    let open = this.open.get(rule.id + message);
    if (!open) {
      open = { rule, message, lines: [], examples: [], count: 0 };
      this.open.set(rule.id + message, open);
    }
    open.count++;
    if (open.lines.length < KEPT_LINES) {
      open.lines.push(line);
      if (open.examples.length < 5) open.examples.push(text);
    }
  }

  /** One line of the file (without its line break), numbered from 1; its record when it has the length. */
  accept(text: string, line: number): AccountRecord | undefined {
    this.records++;
    for (const rule of this.rules) {
      if (rule.kind !== 'record_length') continue;
      if (text.length !== RECORD_LENGTH || text.includes('\t'))
        this.flag(
          rule,
          `Korrigér filen slik at alle records er på ${RECORD_LENGTH} tegn (fant ${text.length} tegn${text.includes('\t') ? ' med tabulator' : ''}).`,
          line,
          text,
        );
    }
    if (text.length !== RECORD_LENGTH) return undefined;
    const record = parseRecord(text, line);
    this.check(record, text);
    return record;
  }

  private check(r: AccountRecord, text: string) {
    const account = accountOf(r);
    const amount = r.amount ?? 0;
    const skjema = SKJEMA[this.declared.skjema];
    const budget = this.kind === 'budget';
    for (const rule of this.rules) {
      const flag = (message: string) => this.flag(rule, message, r.line, text);
      switch (rule.kind) {
        case 'declared': {
          const expected = {
            skjema: this.declared.skjema,
            year: String(this.declared.year),
            quarter: this.declared.quarter,
            region: this.declared.region,
          }[rule.field];
          if (r[rule.field] !== expected)
            flag(`Fant ugyldig ${rule.title.toLowerCase()} '${r[rule.field]}'. Korrigér til '${expected}'.`);
          break;
        }
        case 'kontoklasse': {
          const valid = [skjema?.operations, skjema?.investment, skjema?.balance].filter(Boolean);
          if (!valid.includes(r.kontoklasse))
            flag(
              `Fant ugyldig kontoklasse '${r.kontoklasse}'. Korrigér til en av ${valid.map((v) => `'${v}'`).join(', ')}.`,
            );
          break;
        }
        case 'valid_function':
          if (
            budget &&
            !this.codes.functions.has(r.functionCode) &&
            !(this.isOslo() && this.codes.osloFunctions.has(r.functionCode))
          )
            flag(
              `Fant ugyldig funksjon '${r.functionCode}' for ${this.declared.year}. Korrigér til en gyldig funksjon.`,
            );
          break;
        case 'valid_art':
          if (budget && !this.codes.arts.has(r.art))
            flag(`Fant ugyldig art '${r.art}' for ${this.declared.year}. Korrigér til en gyldig art.`);
          break;
        case 'valid_chapter':
          if (this.kind === 'balance' && !rule.codes.includes(r.functionCode))
            flag(`Fant ugyldig kapittel '${r.functionCode}'. Korrigér til et gyldig kapittel.`);
          break;
        case 'valid_sector':
          if (this.kind === 'balance' && !rule.codes.includes(r.art))
            flag(`Fant ugyldig sektor '${r.art}'. Korrigér til en gyldig sektor.`);
          break;
        case 'amount_format':
          if (r.amount === null || r.amountText.includes('\t'))
            flag(
              `Fant ugyldig beløp '${r.amountText}'. Beløpet skal være et heltall i 1000 kr, minus foran sifrene.`,
            );
          break;
        case 'duplicates': {
          const key = `${r.kontoklasse}|${r.functionCode}|${r.art}`;
          const seen = this.keys.get(key);
          if (seen) {
            seen.count++;
            if (seen.amounts.length < 10) seen.amounts.push(r.amountText.trim());
            flag(
              `Flere beløp på samme kombinasjon av kontoklasse ${r.kontoklasse}, ${budget ? 'funksjon' : 'kapittel'} ${r.functionCode} og ${budget ? 'art' : 'sektor'} ${r.art} (første på linje ${seen.first}).`,
            );
          } else this.keys.set(key, { first: r.line, count: 1, amounts: [r.amountText.trim()] });
          break;
        }
        case 'function_not_in':
          if (account === rule.account && amount !== 0 && rule.functions.includes(r.functionCode))
            flag(
              `Korrigér ugyldig funksjon '${r.functionCode}' i ${rule.account === 'operations' ? 'driftsregnskapet' : 'investeringsregnskapet'} til en gyldig funksjon, eller overfør posteringen til ${rule.account === 'operations' ? 'investeringsregnskapet' : 'driftsregnskapet'}.`,
            );
          break;
        case 'art_not_in': {
          const arts =
            rule.arts_from_code_list === 'operations_only'
              ? this.codes.operationsOnlyArts
              : new Set(rule.arts ?? []);
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
        case 'art_outside_functions':
          if (
            budget &&
            account === 'operations' &&
            amount !== 0 &&
            r.art === rule.art &&
            !inRange(r.functionCode, rule.function_range)
          )
            flag(
              `Art ${rule.art} skal kun føres på funksjon ${rangeText(rule.function_range)} (fant funksjon ${r.functionCode}).`,
            );
          break;
        case 'art_on_functions':
          if (
            budget &&
            account === 'operations' &&
            amount !== 0 &&
            r.art === rule.art &&
            inRange(r.functionCode, rule.function_range)
          )
            flag(`Art ${rule.art} skal føres på tjenestefunksjon, ikke på funksjon ${r.functionCode}.`);
          break;
        default:
          break; // file-level controls, at the end
      }
    }
    this.accumulate(r, account, amount);
  }

  private isOslo() {
    return this.declared.region === '030100';
  }

  private accumulate(r: AccountRecord, account: ReturnType<typeof accountOf>, amount: number) {
    const s = this.sums;
    if (account === 'operations' || account === 'investment') {
      s.seen[account] = true;
      if (isExpense(r.art)) s[account].expense += amount;
      else if (isIncome(r.art)) s[account].income += amount;
    }
    if (account === 'balance') {
      s.seen.balance = true;
      const chapter = Number(r.functionCode);
      if (chapter >= 10 && chapter <= 29) s.balance.assets += amount;
      else if (chapter >= 31 && chapter <= 5999) s.balance.liabilities += amount;
    }
    if (account === 'operations' && r.art === '570') s.transfers.operations += amount;
    if (account === 'investment' && r.art === '970') s.transfers.investment += amount;
    if (account === 'operations' && r.art === '590' && inRange(r.functionCode, ['100', '799'])) {
      s.depreciation['590'] += amount;
      s.depreciation.seen590 = true;
    }
    if (account === 'operations' && r.art === '990' && r.functionCode === '860') {
      s.depreciation['990'] += amount;
      s.depreciation.seen990 = true;
    }
  }

  /** The file-level controls, then every finding, most severe first. */
  finish(): ControlReport {
    const s = this.sums;
    const fileFinding = (rule: ControlRule, message: string) =>
      this.fileLevel.push({
        rule: rule.id,
        title: rule.title,
        severity: this.severity(rule),
        message,
        lines: [],
        count: 0,
        examples: [],
      });
    const accountName = {
      operations: 'driftsregnskapet',
      investment: 'investeringsregnskapet',
      balance: 'balansen',
    };
    for (const rule of this.rules) {
      switch (rule.kind) {
        case 'sum_sign': {
          if (!s.seen[rule.account]) break;
          if (rule.account === 'balance') {
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
                `Korrigér slik at fila inneholder ${rule.side === 'expense' ? 'utgiftsposteringene' : 'inntektsposteringene'} (${sum}) i ${accountName[rule.account]}.`,
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
          if (!(plus > 0 && minus < 0 && Math.abs(difference) <= rule.tolerance))
            fileFinding(
              rule,
              rule.account === 'balance'
                ? `Korrigér differansen (${difference}) mellom eiendeler (${plus}) og gjeld og egenkapital (${minus}) (differanser opptil ±${rule.tolerance} godtas).`
                : `Korrigér differansen (${difference}) mellom inntekter (${minus}) og utgifter (${plus}) i ${accountName[rule.account]} (margin på ±${rule.tolerance}).`,
            );
          break;
        }
        case 'transfers': {
          if (this.kind !== 'budget') break;
          const difference = s.transfers.operations + s.transfers.investment;
          if (Math.abs(difference) > rule.tolerance)
            fileFinding(
              rule,
              `Korrigér slik at differansen (${difference}) i overføringer mellom drifts- (${s.transfers.operations}, art ${rule.operations_art}) og investeringsregnskapet (${s.transfers.investment}, art ${rule.investment_art}) blir innenfor ±${rule.tolerance}.`,
            );
          break;
        }
        case 'depreciation_present': {
          if (this.kind !== 'budget' || !s.seen.operations) break;
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
          if (this.kind !== 'budget' || !s.seen.operations) break;
          const difference = s.depreciation['590'] + s.depreciation['990'];
          if (Math.abs(difference) > rule.tolerance)
            fileFinding(
              rule,
              `Korrigér slik at avskrivninger (${s.depreciation['590']}) stemmer med motpost avskrivninger (${s.depreciation['990']}) (margin på ±${rule.tolerance}).`,
            );
          break;
        }
        default:
          break;
      }
    }
    let findings: Finding[] = [
      ...[...this.open.values()].map((o) => ({
        rule: o.rule.id,
        title: o.rule.title,
        severity: this.severity(o.rule),
        message: o.message,
        lines: o.lines,
        count: o.count,
        examples: o.examples,
      })),
      ...this.fileLevel,
    ];
    // As the control program: a wrong record length stops the other controls.
    if (findings.some((f) => f.severity === 'FATAL'))
      findings = findings.filter((f) => f.severity === 'FATAL');
    const order = { FATAL: 0, ERROR: 1, WARNING: 2, INFO: 3 };
    findings.sort((a, b) => order[a.severity] - order[b.severity] || a.rule.localeCompare(b.rule));
    return {
      declared: this.declared,
      records: this.records,
      findings,
      highest: findings[0]?.severity ?? null,
    };
  }
}

const rangeText = ([from, to]: readonly [string, string]) => (from === to ? from : `${from}-${to}`);
