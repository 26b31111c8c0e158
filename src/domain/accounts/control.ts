import type { CodeList } from './chart.ts';
import { fileFindings } from './file-controls.ts';
import { recordFindings } from './record-controls.ts';
import { rulesFor, severityFor, type ControlRule, type ControlSeverity } from './control-rules.ts';
import {
  accountOf,
  parseRecord,
  RECORD_LENGTH,
  SKJEMA,
  type Account,
  type AccountRecord,
  type Declared,
} from './record.ts';
import type { FunctionArtSums } from './key-figures.ts';
import { amountAt, controlByteIn } from './record-bytes.ts';
import { RunningTotals, type Targets } from './running-totals.ts';
import { VerdictTable } from './verdict-table.ts';

/** Lines kept per rule for the report; the count goes on. Memory stays flat however large the file. */
const KEPT_LINES = 200;

const NONE: readonly Open[] = [];

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

/** What the record controls say of a combination, and its fields: the same for every file of a kind. */
interface Judged {
  readonly findings: { rule: ControlRule; message: string }[];
  readonly kontoklasse: string;
  readonly functionCode: string;
  readonly art: string;
  readonly account: Account;
}

const JUDGED = new WeakMap<readonly ControlRule[], WeakMap<CodeList, Map<string, Map<string, Judged>>>>();

interface Verdict {
  /** The entries of the findings the rules give the combination (most often none). */
  readonly opens: readonly Open[];
  readonly key: KeyEntry;
  readonly targets: Targets;
}

/** A kontoklasse, function (chapter) and art (sector): its records are counted by `index`. */
interface KeyEntry {
  readonly index: number;
  /** The duplicates' finding, once there is one. */
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
  private readonly totals: RunningTotals;
  private readonly rules: readonly ControlRule[];
  private readonly keys = new Map<string, KeyEntry>();
  private records = 0;
  private readonly kind: 'budget' | 'balance' | undefined;
  private readonly duplicates: ControlRule | undefined;
  /** Lines read by `acceptChunk`. */
  private lines = 0;
  /** Skjema, year, quarter and region as the records must begin: three words (little-endian) and a byte. */
  private readonly prefix: Int32Array;
  private readonly judged: Map<string, Judged>;
  /** The record controls' verdicts on the combinations of this file, by the index the table keeps. */
  private readonly verdicts: Verdict[] = [];
  private readonly table = new VerdictTable();
  // By verdict: the sum of the amounts and the number of records (added to the totals at the end), the key,
  // and whether the verdict has findings. Typed arrays: a record touches numbers only.
  private verdictSum = new Float64Array(1024);
  private verdictCount = new Int32Array(1024);
  private verdictKey = new Int32Array(1024);
  private verdictFlagged = new Uint8Array(1024);
  // By key: records so far, and the line of the first.
  private readonly keyEntries: KeyEntry[] = [];
  private keyCount = new Int32Array(1024);
  private keyFirst = new Int32Array(1024);

  constructor(
    /** The rules of every year: those of the declared year apply. */
    allRules: readonly ControlRule[],
    readonly declared: Declared,
    private readonly codes: CodeList,
    /** Where the operations amounts go for the key figures, as the records pass. */
    functionSums?: FunctionArtSums,
  ) {
    const rules = rulesFor(allRules, declared.year);
    this.rules = rules;
    const osloDistrict = declared.region.startsWith('0301') && declared.region !== '030100';
    this.totals = new RunningTotals(
      rules.flatMap((r) => (r.kind === 'sum_zero' && !(r.not_for_oslo_districts && osloDistrict) ? [r] : [])),
      functionSums,
    );
    this.kind = SKJEMA[declared.skjema]?.kind;
    this.duplicates = rules.find((r) => r.kind === 'duplicates');
    // Verdicts depend on the rules, the year's code list, the skjema and whether this is Oslo: shared by
    // every file of the same kind in this process, so a national year judges each combination once.
    const byRules = JUDGED.get(rules) ?? new WeakMap<CodeList, Map<string, Map<string, Judged>>>();
    JUDGED.set(rules, byRules);
    const byCodes = byRules.get(codes) ?? new Map<string, Map<string, Judged>>();
    byRules.set(codes, byCodes);
    const context = `${declared.skjema}|${declared.year}|${declared.region === '030100'}`;
    this.judged = byCodes.get(context) ?? new Map<string, Judged>();
    byCodes.set(context, this.judged);
    // Thirteen Latin-1 characters; any other declaration matches no record on the fast path (-1 is no byte).
    const head = `${declared.skjema}${declared.year}${declared.quarter}${declared.region}`;
    const chars = Array.from({ length: head.length }, (_, i) => head.charCodeAt(i));
    const byte = (i: number) => chars[i]!;
    const word = (at: number) => byte(at) | (byte(at + 1) << 8) | (byte(at + 2) << 16) | (byte(at + 3) << 24);
    this.prefix =
      chars.length === 13 && chars.every((c) => c < 256)
        ? Int32Array.of(word(0), word(4), word(8), byte(12))
        : Int32Array.of(0, 0, 0, -1);
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
   * The lines of a chunk of a file, from `start` to `end`, as the file is read: returns where the first line
   * not yet ended begins (the reader carries it over to the next chunk), or `end` when this is the `last`
   * chunk (its rest is the last line, which needs no line break). Lines are numbered on from the previous
   * chunk. A record of 48 bytes and a line break (LF or CRLF) whose declared fields match is judged on the fast
   * path; any other line as text, by `accept`.
   */
  acceptChunk(bytes: Uint8Array, start: number, end: number, last: boolean): number {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let s = start;
    while (s < end) {
      const lf = s + RECORD_LENGTH;
      if (lf < end) {
        const b = bytes[lf];
        const next = b === 10 ? lf + 1 : b === 13 && lf + 1 < end && bytes[lf + 1] === 10 ? lf + 2 : -1;
        if (next > 0 && this.acceptRecordBytes(bytes, view, s)) {
          s = next;
          continue;
        }
      }
      let lineEnd = bytes.indexOf(10, s);
      if (lineEnd < 0 || lineEnd >= end) {
        if (!last) return s;
        lineEnd = end;
      }
      const stop = lineEnd > s && bytes[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd;
      this.accept(latin1(bytes, s, stop), ++this.lines);
      s = lineEnd + 1;
    }
    return end;
  }

  /**
   * One record of 48 bytes from `s`, when its declared fields match and its other fields are plain: judged
   * by its kontoklasse, function, art and whether the amount is zero. The record controls' verdict on that
   * combination is computed once, by the same rules as `accept`, and remembered. False (nothing done) for
   * anything else, which `accept` then judges as text.
   */
  private acceptRecordBytes(bytes: Uint8Array, view: DataView, s: number): boolean {
    const prefix = this.prefix;
    if (
      view.getInt32(s, true) !== prefix[0] ||
      view.getInt32(s + 4, true) !== prefix[1] ||
      view.getInt32(s + 8, true) !== prefix[2] ||
      bytes[s + 12] !== prefix[3] ||
      // A tab (or another control character) is a record-length finding: the text path says so.
      controlByteIn(view, s + 13, 26)
    )
      return false;
    const amount = amountAt(bytes, s + 39);
    if (Number.isNaN(amount)) return false;
    const zero = amount === 0;
    const slot = this.table.slot(view.getInt32(s + 31, true), view.getInt32(s + 35, true));
    let index = this.table.verdict(slot, zero);
    if (index < 0) index = this.addVerdict(this.verdictOf(bytes, s, zero), slot, zero);
    const line = ++this.lines;
    this.records++;
    this.verdictSum[index]! += amount;
    this.verdictCount[index]!++;
    if (this.verdictFlagged[index] === 1)
      for (const open of this.verdicts[index]!.opens) this.noteBytes(open, line, bytes, s, s + RECORD_LENGTH);
    const duplicate = this.countKey(this.verdictKey[index]!, line);
    if (duplicate) this.noteBytes(duplicate, line, bytes, s, s + RECORD_LENGTH);
    return true;
  }

  private addVerdict(verdict: Verdict, slot: number, zero: boolean): number {
    const index = this.verdicts.length;
    this.verdicts.push(verdict);
    this.table.set(slot, zero, index);
    if (index === this.verdictSum.length) {
      const size = index * 2;
      this.verdictSum = grown(new Float64Array(size), this.verdictSum);
      this.verdictCount = grown(new Int32Array(size), this.verdictCount);
      this.verdictKey = grown(new Int32Array(size), this.verdictKey);
      this.verdictFlagged = grown(new Uint8Array(size), this.verdictFlagged);
    }
    this.verdictKey[index] = verdict.key.index;
    this.verdictFlagged[index] = verdict.opens.length > 0 ? 1 : 0;
    return index;
  }

  /** The verdict on a record's combination: judged by the rules, or as judged before in this process. */
  private verdictOf(bytes: Uint8Array, s: number, zero: boolean): Verdict {
    const key = latin1(bytes, s + 31, s + 39) + (zero ? '0' : '1');
    let judged = this.judged.get(key);
    if (!judged) {
      const record = parseRecord(latin1(bytes, s, s + RECORD_LENGTH), 0);
      judged = {
        findings: this.findingsOf(record),
        kontoklasse: record.kontoklasse,
        functionCode: record.functionCode,
        art: record.art,
        account: accountOf(record),
      };
      this.judged.set(key, judged);
    }
    return {
      opens:
        judged.findings.length === 0 ? NONE : judged.findings.map((f) => this.openFor(f.rule, f.message)),
      key: this.keyEntry(judged.kontoklasse, judged.functionCode, judged.art),
      targets: this.totals.targetsOf(judged.account, judged.functionCode, judged.art),
    };
  }

  private findingsOf(r: AccountRecord): { rule: ControlRule; message: string }[] {
    return recordFindings(this.rules, r, { declared: this.declared, codes: this.codes, kind: this.kind });
  }

  /** The entry of a kontoklasse, function (chapter) and art (sector). */
  private keyEntry(kontoklasse: string, functionCode: string, art: string) {
    const key = `${kontoklasse}|${functionCode}|${art}`;
    let entry = this.keys.get(key);
    if (!entry) {
      const index = this.keyEntries.length;
      entry = { index, open: undefined, kontoklasse, functionCode, art };
      this.keys.set(key, entry);
      this.keyEntries.push(entry);
      if (index === this.keyCount.length) {
        this.keyCount = grown(new Int32Array(index * 2), this.keyCount);
        this.keyFirst = grown(new Int32Array(index * 2), this.keyFirst);
      }
    }
    return entry;
  }

  /**
   * Counts a record of a key. A second amount on the same kontoklasse, function (chapter) and art is a
   * duplicate: its finding's entry when this line is one of those kept (the count is set at the end).
   */
  private countKey(key: number, line: number): Open | undefined {
    const before = this.keyCount[key]!;
    this.keyCount[key] = before + 1;
    if (before === 0) {
      this.keyFirst[key] = line;
      return undefined;
    }
    if (before > KEPT_LINES || !this.duplicates) return undefined;
    return this.duplicateOpen(this.keyEntries[key]!, this.duplicates);
  }

  private duplicateOpen(entry: KeyEntry, rule: ControlRule): Open {
    const budget = this.kind === 'budget';
    return (entry.open ??= this.openFor(
      rule,
      `Flere beløp på samme kombinasjon av kontoklasse ${entry.kontoklasse}, ${budget ? 'funksjon' : 'kapittel'} ${entry.functionCode} og ${budget ? 'art' : 'sektor'} ${entry.art} (første på linje ${this.keyFirst[entry.index]}).`,
    ));
  }

  private checkRecord(r: AccountRecord, text: string) {
    for (const f of this.findingsOf(r)) this.flag(f.rule, f.message, r.line, () => text);
    const duplicate = this.countKey(this.keyEntry(r.kontoklasse, r.functionCode, r.art).index, r.line);
    if (duplicate) this.note(duplicate, r.line, () => text);
    this.totals.add(this.totals.targetsOf(accountOf(r), r.functionCode, r.art), r.amount ?? 0);
  }

  /**
   * The file-level controls, then every finding, most severe first. The key figures' sums are complete
   * after this.
   */
  finish(): ControlReport {
    // Amounts taken on the fast path are summed by verdict: every amount is a whole number, so the sums
    // are exact whatever the order.
    this.verdicts.forEach((verdict, i) => {
      this.totals.add(verdict.targets, this.verdictSum[i]!, this.verdictCount[i]);
      this.verdictSum[i] = 0;
      this.verdictCount[i] = 0;
    });
    for (const entry of this.keyEntries) if (entry.open) entry.open.count = this.keyCount[entry.index]! - 1;
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
    for (const { rule, message } of fileFindings(this.rules, this.totals.summary(), this.kind))
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

/** `target` (longer) with the values of `source` at its start. */
function grown<T extends Float64Array | Int32Array | Uint8Array>(target: T, source: T): T {
  target.set(source);
  return target;
}

/** Bytes of a record as text, one character per byte (the files are Latin-1). */
const latin1 = (bytes: Uint8Array, start: number, end: number) =>
  // An array-like to apply, not a spread: a spread walks the typed array's iterator, many times slower.
  String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
