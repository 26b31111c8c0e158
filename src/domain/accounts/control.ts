import type { CodeList } from './chart.ts';
import { fileFindings } from './file-controls.ts';
import { recordFindings, type RecordFinding } from './record-controls.ts';
import { rulesFor, severityFor, type ControlRule, type ControlSeverity } from './control-rules.ts';
import {
  accountOf,
  declaredOrgnr,
  isDroppedAmount,
  isOsloDistrict,
  parseRecord,
  RECORD_LENGTH,
  SKJEMA,
  type AccountRecord,
  type Declared,
} from './record.ts';
import type { FunctionArtSums } from './key-figures.ts';
import { RecordKernel, STOP } from './record-kernel.ts';
import { KeyTargets, RunningTotals } from './running-totals.ts';

/** Lines kept per rule for the report; the count goes on. Memory stays flat however large the file. */
const KEPT_LINES = 200;
/** Records shown (as written) per rule. */
const SHOWN_RECORDS = 5;

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

/**
 * What the record controls say of a combination, its fields and the running totals it goes into: the same
 * for every file of a kind, made once in a process (a national year has some 700 000 combinations in its
 * files, a few thousand of them distinct).
 */
interface Judged {
  /** The findings, each with the key of its entry in a file's findings. */
  readonly findings: (RecordFinding & { openKey: string })[];
  readonly kontoklasse: string;
  readonly functionCode: string;
  readonly art: string;
  /** Kontoklasse, function and art: the key duplicates are counted by. */
  readonly keyText: string;
}

/**
 * Judged combinations of a kind of file by their code bytes (the low four, then the high four and whether the
 * amount is 0). A long-running server sees file after file, some of them of codes that are no codes: past
 * `JUDGED_KEPT` combinations the kind begins anew (and the kernels that served it with it).
 */
class JudgedByBytes {
  readonly byLow = new Map<number, Map<number, Judged>>();
  size = 0;
}
const JUDGED_KEPT = 1 << 16;

const JUDGED = new WeakMap<readonly ControlRule[], WeakMap<CodeList, Map<string, JudgedByBytes>>>();

/** A verdict the kernel holds (a combination with a zero or a non-zero amount): its judgement and its key. */
interface Verdict {
  readonly judged: Judged;
  readonly key: KeyEntry;
}

/** A kontoklasse, function (chapter) and art (sector): its records are counted by `index`. */
interface KeyEntry {
  readonly index: number;
  readonly kontoklasse: string;
  readonly functionCode: string;
  readonly art: string;
}

/**
 * What the control knows of the kernel's verdicts and keys, by the kernel's indices: kept with the kernel's
 * table for the next file of the same kind.
 */
class Learned {
  readonly verdicts: Verdict[] = [];
  readonly keys = new Map<string, KeyEntry>();
  /** The running totals of each key's records the kernel takes (of the declared skjema: it takes no other). */
  readonly targets = new KeyTargets();
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
  /** Records read as text (the kernel counts its own). */
  private records = 0;
  private readonly kind: 'budget' | 'balance' | undefined;
  private readonly duplicates: ControlRule | undefined;
  private readonly judged: JudgedByBytes;
  /**
   * The fast path: it takes the plain records of judged combinations, counts their keys, sums their amounts
   * by key and numbers the lines; the verdicts and keys are indices it shares with this control.
   */
  private readonly kernel: RecordKernel<Learned>;
  private readonly learned: Learned;
  /** The entries of the findings of this file that a verdict's records go into, by the kernel's index. */
  private readonly verdictOpens = new Map<number, readonly Open[]>();
  /** The duplicates' finding of a key in this file, by the kernel's index. */
  private readonly duplicateOpens = new Map<number, Open>();
  private finished = false;

  constructor(
    /** The rules of every year: those of the declared year apply. */
    allRules: readonly ControlRule[],
    readonly declared: Declared,
    private readonly codes: CodeList,
    /** Where the operations amounts go for the key figures (complete after `finish`). */
    functionSums?: FunctionArtSums,
  ) {
    const rules = rulesFor(allRules, declared);
    this.rules = rules;
    const osloDistrict = isOsloDistrict(declared.region);
    this.totals = new RunningTotals(
      rules.flatMap((r) => (r.kind === 'sum_zero' || r.kind === 'sum_negative' ? [r] : [])),
      functionSums,
    );
    this.kind = SKJEMA[declared.skjema]?.kind;
    this.duplicates = rules.find((r) => r.kind === 'duplicates');
    // Verdicts depend on the rules, the year's code list, the skjema, whether this is Oslo or one of its
    // districts, and whether an art is allowed for this region: shared by every file of the same kind in this
    // process, so a national year judges each combination once.
    const byRules = JUDGED.get(rules) ?? new WeakMap<CodeList, Map<string, JudgedByBytes>>();
    JUDGED.set(rules, byRules);
    const byCodes = byRules.get(codes) ?? new Map<string, JudgedByBytes>();
    byRules.set(codes, byCodes);
    const allowed = rules.flatMap((r) =>
      r.kind === 'art_not_in' &&
      r.allowed?.skjema.includes(declared.skjema) &&
      r.allowed.regions.includes(declared.region)
        ? [r.id]
        : [],
    );
    const context = `${declared.skjema}|${declared.year}|${declared.region === '030100'}|${osloDistrict}|${allowed.join(',')}`;
    const judged = byCodes.get(context);
    this.judged = judged && judged.size <= JUDGED_KEPT ? judged : new JudgedByBytes();
    byCodes.set(context, this.judged);
    // The kernel keeps its table of verdicts for the next file of the same kind, and beside it what this
    // control learned of them: a file of a national year then judges only what no file before it had.
    this.kernel = new RecordKernel(
      `${declared.skjema}${declared.year}${declared.quarter}${declared.region}${declaredOrgnr(declared)}`,
      this.duplicates ? { kept: KEPT_LINES, shown: SHOWN_RECORDS } : { kept: 0, shown: 0 },
      { kind: this.judged, fresh: () => new Learned() },
    );
    this.learned = this.kernel.state;
  }

  private severity(rule: ControlRule) {
    return severityFor(rule, this.declared.quarter);
  }

  private openFor(rule: ControlRule, message: string, key = rule.id + message): Open {
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
      if (open.examples.length < SHOWN_RECORDS) open.examples.push(text());
    }
  }

  private noteBytes(open: Open, line: number, buffer: Uint8Array, start: number, end: number) {
    open.count++;
    if (open.lines.length < KEPT_LINES) {
      open.lines.push(line);
      if (open.examples.length < SHOWN_RECORDS) open.examples.push(latin1(buffer, start, end));
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
    // As the control program: a record whose amount is a lone 0 is dropped before any other rule.
    if (!isDroppedAmount(record.amountText)) this.checkRecord(record, text);
    return record;
  }

  /**
   * Buffer `which` (0 or 1) of at least `size` bytes for the file to be read into, with what it held at its
   * front: one of the kernel's two chunks, which `acceptChunk` then takes without a copy. Any buffer will do,
   * at the price of one.
   */
  chunkBuffer(which: 0 | 1, size: number): Uint8Array {
    return this.kernel.chunk(which, size);
  }

  /**
   * Before the file is read into one buffer while `acceptChunk` takes the other, of `size` bytes: whatever
   * memory taking it may need is taken now, so none moves under the read.
   */
  prepareRead(size: number): void {
    this.kernel.reserve(Math.ceil(size / (RECORD_LENGTH + 1)) + 1);
  }

  /**
   * The lines of a chunk of a file, from `start` to `end`, as the file is read: returns where the first line
   * not yet ended begins (the reader carries it over to the next chunk), or `end` when this is the `last`
   * chunk (its rest is the last line, which needs no line break). Lines are numbered on from the previous
   * chunk. The kernel takes the plain records of combinations already judged; a new combination is judged
   * here, by the rules, and any other line read as text, by `accept`.
   */
  acceptChunk(bytes: Uint8Array, start: number, end: number, last: boolean): number {
    if (this.kernel.holds(bytes)) return this.acceptKernelChunk(bytes, start, end, last);
    this.kernel.chunk(0, end - start);
    this.prepareRead(end - start);
    const chunk = this.kernel.chunk(0);
    chunk.set(bytes.subarray(start, end));
    return start + this.acceptKernelChunk(chunk, 0, end - start, last);
  }

  /** `acceptChunk` on one of the kernel's chunks. */
  private acceptKernelChunk(chunk: Uint8Array, start: number, end: number, last: boolean): number {
    const kernel = this.kernel;
    let s = start;
    while (s < end) {
      s = kernel.run(chunk, s, end);
      const stop = kernel.stop;
      this.noteEvents(chunk);
      if (stop === STOP.events) continue;
      if (stop === STOP.new) {
        this.judgeStopped(chunk, s);
        continue;
      }
      if (s >= end) break;
      let lineEnd = chunk.subarray(0, end).indexOf(10, s);
      if (lineEnd < 0) {
        if (!last) return s;
        lineEnd = end;
      }
      const stopAt = lineEnd > s && chunk[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd;
      this.accept(latin1(chunk, s, stopAt), kernel.nextLine());
      s = lineEnd + 1;
    }
    return end;
  }

  /** The records the kernel passed on: a verdict with findings, or a duplicate whose line is kept. */
  private noteEvents(chunk: Uint8Array) {
    const events = this.kernel.takeEvents();
    const verdicts = this.learned.verdicts;
    for (let i = 0; i < events.length; i += 4) {
      const offset = events[i]!;
      const line = events[i + 1]!;
      const index = events[i + 2]!;
      const verdict = verdicts[index]!;
      const findings = verdict.judged.findings;
      if (findings.length > 0) {
        const opens = this.opensOf(index, verdict);
        for (let f = 0; f < findings.length; f++)
          if (!findings[f]!.negativeOnly || isNegative(chunk, offset))
            this.noteBytes(opens[f]!, line, chunk, offset, offset + RECORD_LENGTH);
      }
      if (events[i + 3] === 1) {
        const open = this.duplicateFinding(verdict.key);
        if (open.examples.length < SHOWN_RECORDS)
          open.examples.push(latin1(chunk, offset, offset + RECORD_LENGTH));
      }
    }
  }

  /** The entries of this file's findings that the records of a verdict go into, made when first needed. */
  private opensOf(index: number, verdict: Verdict): readonly Open[] {
    let opens = this.verdictOpens.get(index);
    if (!opens) {
      opens = verdict.judged.findings.map((f) => this.openFor(f.rule, f.message, f.openKey));
      this.verdictOpens.set(index, opens);
    }
    return opens;
  }

  /** Judges the combination of the plain record the kernel stopped at; the kernel takes the record next. */
  private judgeStopped(chunk: Uint8Array, s: number) {
    const judged = this.judgedAt(chunk, s);
    const key = this.keyEntry(judged.kontoklasse, judged.functionCode, judged.art, judged.keyText);
    const index = this.kernel.addVerdict(key.index, judged.findings.length > 0);
    this.learned.verdicts[index] = { judged, key };
  }

  /** What the rules say of a record's combination: judged now, or as judged before in this process. */
  private judgedAt(bytes: Uint8Array, s: number): Judged {
    const low = this.kernel.stoppedKeyLow;
    const high = this.kernel.stoppedKeyHigh * 2 + (this.kernel.stoppedAtZero ? 1 : 0);
    let byHigh = this.judged.byLow.get(low);
    if (!byHigh) this.judged.byLow.set(low, (byHigh = new Map<number, Judged>()));
    let judged = byHigh.get(high);
    if (!judged) {
      const record = parseRecord(latin1(bytes, s, s + RECORD_LENGTH), 0);
      // A zero amount is not below 0, whatever its sign.
      const zero = this.kernel.stoppedAtZero;
      judged = {
        findings: this.findingsOf(record).flatMap((f) =>
          zero && f.negativeOnly ? [] : [{ ...f, openKey: f.rule.id + f.message }],
        ),
        kontoklasse: record.kontoklasse,
        functionCode: record.functionCode,
        art: record.art,
        keyText: `${record.kontoklasse}|${record.functionCode}|${record.art}`,
      };
      byHigh.set(high, judged);
      this.judged.size++;
    }
    return judged;
  }

  private findingsOf(r: AccountRecord): RecordFinding[] {
    return recordFindings(this.rules, r, { declared: this.declared, codes: this.codes });
  }

  /** The entry of a kontoklasse, function (chapter) and art (sector), made by the first file to have it. */
  private keyEntry(
    kontoklasse: string,
    functionCode: string,
    art: string,
    key = `${kontoklasse}|${functionCode}|${art}`,
  ) {
    let entry = this.learned.keys.get(key);
    if (!entry) {
      const account = accountOf({ skjema: this.declared.skjema, kontoklasse });
      entry = { index: this.kernel.addKey(), kontoklasse, functionCode, art };
      this.learned.keys.set(key, entry);
      this.learned.targets.set(entry.index, this.totals.targetsOf(account, functionCode, art));
    }
    return entry;
  }

  /**
   * Counts a record of a key read as text. A second amount on the same kontoklasse, function (chapter) and
   * art is a duplicate: its line is kept with those the kernel keeps, in line order, while the finding keeps
   * lines, and the first few are shown (the lines and the count go into the finding at the end).
   */
  private countKey(entry: KeyEntry, line: number, text: () => string) {
    const before = this.kernel.countKey(entry.index, line);
    if (before === 0 || before > KEPT_LINES || !this.duplicates) return;
    this.kernel.keepDuplicate(entry.index, line);
    if (before > SHOWN_RECORDS) return;
    const open = this.duplicateFinding(entry);
    if (open.examples.length < SHOWN_RECORDS) open.examples.push(text());
  }

  /** The finding of a key's duplicates in this file, made with its first duplicate: the records shown go into it. */
  private duplicateFinding(entry: KeyEntry): Open {
    let open = this.duplicateOpens.get(entry.index);
    if (!open) {
      const budget = this.kind === 'budget';
      open = this.openFor(
        this.duplicates!,
        `Flere beløp på samme kombinasjon av kontoklasse ${entry.kontoklasse}, ${budget ? 'funksjon' : 'kapittel'} ${entry.functionCode} og ${budget ? 'art' : 'sektor'} ${entry.art} (første på linje ${this.kernel.keyFirst(entry.index)}).`,
      );
      this.duplicateOpens.set(entry.index, open);
    }
    return open;
  }

  /**
   * The lines of each key's duplicates that the findings keep, from the kernel, where they are in line order
   * with the keys mixed: counted by key first, so that each finding's lines are one array of its size (a
   * file of 10 million records can have thousands of such findings of 200 lines each).
   */
  private duplicateLines() {
    const kept = this.kernel.keptDuplicates();
    const count = new Uint32Array(this.learned.keys.size);
    for (let i = 0; i < kept.length; i += 2) count[kept[i]!]!++;
    const lines = new Array<number[]>(count.length);
    for (const [key, open] of this.duplicateOpens) {
      open.lines = lines[key] = new Array<number>(count[key]!);
      count[key] = 0;
    }
    for (let i = 0; i < kept.length; i += 2) {
      const key = kept[i]!;
      lines[key]![count[key]!++] = kept[i + 1]!;
    }
  }

  private checkRecord(r: AccountRecord, text: string) {
    for (const f of this.findingsOf(r))
      if (!f.negativeOnly || (r.amount ?? 0) < 0) this.flag(f.rule, f.message, r.line, () => text);
    this.countKey(this.keyEntry(r.kontoklasse, r.functionCode, r.art), r.line, () => text);
    // By the record's own skjema, which may not be the declared one.
    this.totals.add(this.totals.targetsOf(accountOf(r), r.functionCode, r.art), r.amount ?? 0);
  }

  /**
   * The file-level controls, then every finding, most severe first. The key figures' sums are complete
   * after this; the control is done (its kernel goes to the next file).
   */
  finish(): ControlReport {
    if (this.finished) throw new Error('This control has finished: a control is for one file.');
    this.finished = true;
    // Amounts the kernel took are summed by key: every amount is a whole number, so the sums are exact
    // whatever the order. A key the kernel took a record of has its account seen.
    const { count, keys, sums } = this.kernel.takenSums();
    this.totals.addKeys(this.learned.targets, count, keys, sums);
    this.duplicateLines();
    for (const [key, open] of this.duplicateOpens) open.count = this.kernel.keyCount(key) - 1;
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
    // Rule ids are ASCII ('001', 'K17'): compared by code unit, without a collator (thousands of findings).
    findings.sort(
      (a, b) => order[a.severity] - order[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
    );
    const records = this.records + this.kernel.records;
    this.kernel.release();
    return { declared: this.declared, records, findings, highest: findings[0]?.severity ?? null };
  }
}

/** Whether the amount of the record at `offset` has a minus (a record of a non-zero verdict: below 0). */
const isNegative = (bytes: Uint8Array, offset: number) =>
  bytes.subarray(offset + 39, offset + RECORD_LENGTH).includes(45);

/** Bytes of a record as text, one character per byte (the files are Latin-1). */
const latin1 = (bytes: Uint8Array, start: number, end: number): string =>
  // An array-like to apply, not a spread: a spread walks the typed array's iterator, many times slower.
  // apply puts every byte on the stack, so a line far too long (a file that is not an accounting file) is
  // decoded in pieces.
  end - start <= LATIN1_PIECE
    ? String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[])
    : Array.from({ length: Math.ceil((end - start) / LATIN1_PIECE) }, (_, k) =>
        latin1(bytes, start + k * LATIN1_PIECE, Math.min(end, start + (k + 1) * LATIN1_PIECE)),
      ).join('');
const LATIN1_PIECE = 4096;
