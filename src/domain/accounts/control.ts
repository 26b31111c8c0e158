import type { CodeList } from './chart.ts';
import { fileFindings, type Totals } from './file-controls.ts';
import { inRange, recordFindings } from './record-controls.ts';
import { severityFor, type ControlRule, type ControlSeverity } from './control-rules.ts';
import {
  accountOf,
  isExpense,
  isIncome,
  parseRecord,
  RECORD_LENGTH,
  SKJEMA,
  type Account,
  type AccountRecord,
  type Declared,
} from './record.ts';
import type { FunctionArtSums } from './key-figures.ts';

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

/** Indices of the running totals. */
const TOTAL = {
  operationsExpense: 0,
  operationsIncome: 1,
  investmentExpense: 2,
  investmentIncome: 3,
  assets: 4,
  liabilities: 5,
  transfersOperations: 6,
  transfersInvestment: 7,
  depreciation: 8,
  counterEntry: 9,
  seenOperations: 10,
  seenInvestment: 11,
  seenBalance: 12,
} as const;

interface Targets {
  readonly add: readonly number[];
  readonly seen: number;
  /** The function's sums by art for the key figures, when this is an operations record. */
  readonly bucket: Float64Array | null;
  readonly art: number;
}

/** What the record controls say of a combination, and its fields: the same for every file of a kind. */
interface Judged {
  readonly findings: { rule: ControlRule; message: string }[];
  readonly kontoklasse: string;
  readonly functionCode: string;
  readonly art: string;
  readonly account: Account;
}

const JUDGED = new WeakMap<readonly ControlRule[], WeakMap<CodeList, Map<string, Map<number, Judged>>>>();

interface KeyEntry {
  first: number;
  open: Open | undefined;
  readonly kontoklasse: string;
  readonly functionCode: string;
  readonly art: string;
}

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
  /** Running totals, by the indices in TOTAL: sums of the accounts and how many records each has. */
  private readonly totals = new Float64Array(13);
  private readonly keys = new Map<string, KeyEntry>();
  private records = 0;
  private readonly kind: 'budget' | 'balance' | undefined;
  private readonly duplicates: ControlRule | undefined;
  /** Skjema, year, quarter and region as the records must begin. */
  private readonly prefix: Uint8Array;
  private readonly judged: Map<number, Judged>;
  /** The record controls' verdict per kontoklasse, function, art and zero amount. */
  private readonly verdicts = new Map<
    number,
    {
      findings: { rule: ControlRule; message: string }[];
      opens?: Open[];
      key: KeyEntry;
      targets: Targets;
    }
  >();

  constructor(
    private readonly rules: readonly ControlRule[],
    readonly declared: Declared,
    private readonly codes: CodeList,
    /** Where the operations amounts go for the key figures, as the records pass. */
    private readonly functionSums?: FunctionArtSums,
  ) {
    this.kind = SKJEMA[declared.skjema]?.kind;
    this.duplicates = rules.find((r) => r.kind === 'duplicates');
    // Verdicts depend on the rules, the year's code list, the skjema and whether this is Oslo: shared by
    // every file of the same kind in this process, so a national year judges each combination once.
    const byRules = JUDGED.get(rules) ?? new WeakMap<CodeList, Map<string, Map<number, Judged>>>();
    JUDGED.set(rules, byRules);
    const byCodes = byRules.get(codes) ?? new Map<string, Map<number, Judged>>();
    byRules.set(codes, byCodes);
    const context = `${declared.skjema}|${declared.year}|${declared.region === '030100'}`;
    this.judged = byCodes.get(context) ?? new Map<number, Judged>();
    byCodes.set(context, this.judged);
    this.prefix = Uint8Array.from(
      `${declared.skjema}${declared.year}${declared.quarter}${declared.region}`,
      (c) => c.charCodeAt(0),
    );
  }

  private severity(rule: ControlRule) {
    return severityFor(rule, this.declared.quarter);
  }

  private openFor(rule: ControlRule, message: string): Open {
    const key = rule.id + message;
    let open = this.open.get(key);
    if (!open) {
      open = { rule, message, lines: [], examples: [], count: 0 };
      this.open.set(key, open);
    }
    return open;
  }

  private note(open: Open, line: number, text: () => string) {
    open.count++;
    if (open.lines.length < KEPT_LINES) {
      open.lines.push(line);
      if (open.examples.length < 5) open.examples.push(text());
    }
  }

  private noteBytes(open: Open, line: number, buffer: Uint8Array, start: number, end: number) {
    open.count++;
    if (open.lines.length < KEPT_LINES) {
      open.lines.push(line);
      if (open.examples.length < 5) open.examples.push(latin1(buffer, start, end));
    }
  }

  private flag(rule: ControlRule, message: string, line: number, text: () => string) {
    this.note(this.openFor(rule, message), line, text);
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
          () => text,
        );
    }
    if (text.length !== RECORD_LENGTH) return undefined;
    const record = parseRecord(text, line);
    this.checkRecord(record, text);
    return record;
  }

  /**
   * One line as bytes of a buffer: the fast path for files of millions of records. A record whose declared
   * fields match and whose amount is a number is judged by its kontoklasse, function, art and whether the
   * amount is zero: the record controls' verdict on that combination is computed once, by the same rules as
   * `accept`, and remembered. Anything else goes through `accept` as text.
   */
  acceptBytes(buffer: Uint8Array, start: number, end: number, line: number): void {
    if (end - start !== RECORD_LENGTH || !this.prefixMatches(buffer, start)) {
      this.accept(latin1(buffer, start, end), line);
      return;
    }
    // The amount, positions 40-48: spaces, an optional minus, digits.
    let i = start + 39;
    const stop = start + 48;
    while (i < stop && buffer[i] === 32) i++;
    let sign = 1;
    if (i < stop && buffer[i] === 45) {
      sign = -1;
      i++;
    }
    if (i === stop) {
      this.accept(latin1(buffer, start, end), line);
      return;
    }
    let amount = 0;
    for (; i < stop; i++) {
      const d = buffer[i]! - 48;
      if (d < 0 || d > 9) {
        this.accept(latin1(buffer, start, end), line);
        return;
      }
      amount = amount * 10 + d;
    }
    amount *= sign;
    // Kontoklasse, function and art as one number: digits and spaces only, else the slow path.
    // Eight positions of eleven values and the zero flag: below 2^30, a small integer for V8's maps.
    let key = 0;
    for (let p = start + 31; p < start + 39; p++) {
      const b = buffer[p]!;
      const code = b === 32 ? 10 : b - 48;
      if (code < 0 || code > 10) {
        this.accept(latin1(buffer, start, end), line);
        return;
      }
      key = key * 11 + code;
    }
    key = key * 2 + (amount === 0 ? 1 : 0);
    this.records++;
    let verdict = this.verdicts.get(key);
    if (!verdict) {
      let judged = this.judged.get(key);
      if (!judged) {
        const record = parseRecord(latin1(buffer, start, end), line);
        judged = {
          findings: this.findingsOf(record),
          kontoklasse: record.kontoklasse,
          functionCode: record.functionCode,
          art: record.art,
          account: accountOf(record),
        };
        this.judged.set(key, judged);
      }
      verdict = {
        findings: judged.findings,
        key: this.keyEntry(judged.kontoklasse, judged.functionCode, judged.art),
        targets: this.targetsOf(judged.account, judged.functionCode, judged.art),
      };
      this.verdicts.set(key, verdict);
    }
    verdict.opens ??= verdict.findings.map((f) => this.openFor(f.rule, f.message));
    for (const open of verdict.opens) this.noteBytes(open, line, buffer, start, end);
    const duplicate = this.duplicateOf(verdict.key, line);
    if (duplicate) this.noteBytes(duplicate, line, buffer, start, end);
    this.accumulate(verdict.targets, amount);
  }

  private prefixMatches(buffer: Uint8Array, start: number): boolean {
    const expected = this.prefix;
    for (let i = 0; i < expected.length; i++) if (buffer[start + i] !== expected[i]) return false;
    // A tab anywhere is a record-length finding: orgnr and foretaksnr are the only fields not read below.
    for (let i = start + expected.length; i < start + 31; i++) if (buffer[i] === 9) return false;
    return true;
  }

  private findingsOf(r: AccountRecord): { rule: ControlRule; message: string }[] {
    return recordFindings(this.rules, r, { declared: this.declared, codes: this.codes, kind: this.kind });
  }

  /** The duplicate count of a kontoklasse, function (chapter) and art (sector); first -1 while unseen. */
  private keyEntry(kontoklasse: string, functionCode: string, art: string) {
    const key = `${kontoklasse}|${functionCode}|${art}`;
    let entry = this.keys.get(key);
    if (!entry) this.keys.set(key, (entry = { first: -1, open: undefined, kontoklasse, functionCode, art }));
    return entry;
  }

  /** Duplicates: a second amount on the same kontoklasse, function (chapter) and art; its finding, if so. */
  private duplicateOf(entry: KeyEntry, line: number): Open | undefined {
    const rule = this.duplicates;
    if (!rule) return undefined;
    if (entry.first < 0) {
      entry.first = line;
      return undefined;
    }
    const budget = this.kind === 'budget';
    return (entry.open ??= this.openFor(
      rule,
      `Flere beløp på samme kombinasjon av kontoklasse ${entry.kontoklasse}, ${budget ? 'funksjon' : 'kapittel'} ${entry.functionCode} og ${budget ? 'art' : 'sektor'} ${entry.art} (første på linje ${entry.first}).`,
    ));
  }

  private checkRecord(r: AccountRecord, text: string) {
    for (const f of this.findingsOf(r)) this.flag(f.rule, f.message, r.line, () => text);
    const duplicate = this.duplicateOf(this.keyEntry(r.kontoklasse, r.functionCode, r.art), r.line);
    if (duplicate) this.note(duplicate, r.line, () => text);
    this.accumulate(this.targetsOf(accountOf(r), r.functionCode, r.art), r.amount ?? 0);
  }

  /** Which running totals a record of this account, function and art adds its amount (or 1) to. */
  private targetsOf(account: Account, functionCode: string, art: string): Targets {
    const add: number[] = [];
    let seen = -1;
    if (account === 'operations' || account === 'investment') {
      const ops = account === 'operations';
      seen = ops ? TOTAL.seenOperations : TOTAL.seenInvestment;
      if (isExpense(art)) add.push(ops ? TOTAL.operationsExpense : TOTAL.investmentExpense);
      else if (isIncome(art)) add.push(ops ? TOTAL.operationsIncome : TOTAL.investmentIncome);
    }
    if (account === 'balance') {
      seen = TOTAL.seenBalance;
      const chapter = Number(functionCode);
      if (chapter >= 10 && chapter <= 29) add.push(TOTAL.assets);
      else if (chapter >= 31 && chapter <= 5999) add.push(TOTAL.liabilities);
    }
    if (account === 'operations' && art === '570') add.push(TOTAL.transfersOperations);
    if (account === 'investment' && art === '970') add.push(TOTAL.transfersInvestment);
    if (account === 'operations' && art === '590' && inRange(functionCode, ['100', '799']))
      add.push(TOTAL.depreciation);
    if (account === 'operations' && art === '990' && functionCode === '860') add.push(TOTAL.counterEntry);
    const artNumber = Number(art);
    const bucket =
      account === 'operations' && this.functionSums && Number.isInteger(artNumber)
        ? this.functionSums.arts(functionCode)
        : null;
    return { add, seen, bucket, art: artNumber };
  }

  private accumulate(targets: Targets, amount: number) {
    const totals = this.totals;
    for (const t of targets.add) totals[t]! += amount;
    if (targets.seen >= 0) totals[targets.seen]! += 1;
    if (targets.bucket) targets.bucket[targets.art]! += amount;
  }

  /** The running totals by name, for the file-level controls. */
  private summary(): Totals {
    const t = this.totals;
    return {
      operations: { expense: t[TOTAL.operationsExpense]!, income: t[TOTAL.operationsIncome]! },
      investment: { expense: t[TOTAL.investmentExpense]!, income: t[TOTAL.investmentIncome]! },
      balance: { assets: t[TOTAL.assets]!, liabilities: t[TOTAL.liabilities]! },
      seen: {
        operations: t[TOTAL.seenOperations]! > 0,
        investment: t[TOTAL.seenInvestment]! > 0,
        balance: t[TOTAL.seenBalance]! > 0,
      },
      transfers: { operations: t[TOTAL.transfersOperations]!, investment: t[TOTAL.transfersInvestment]! },
      depreciation: { '590': t[TOTAL.depreciation]!, '990': t[TOTAL.counterEntry]! },
    };
  }

  /** The file-level controls, then every finding, most severe first. */
  finish(): ControlReport {
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
    for (const { rule, message } of fileFindings(this.rules, this.summary(), this.kind))
      fileFinding(rule, message);
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

/** Bytes of a record as text, one character per byte (the files are Latin-1). */
const latin1 = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, end));
