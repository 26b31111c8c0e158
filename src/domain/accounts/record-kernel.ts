import { DomainError } from '../errors.ts';
import { RECORD_KERNEL_WASM } from './record-kernel-wasm.ts';

/** Why a run of the kernel stopped. */
export const STOP = {
  /** At a line to read as text, or at the end of the chunk. */
  line: 0,
  /** At a plain record of a combination not judged yet. */
  new: 1,
  /** After the record that filled the events. */
  events: 2,
} as const;
export type Stop = (typeof STOP)[keyof typeof STOP];

interface Exports {
  readonly memory: WebAssembly.Memory;
  declare(
    head: bigint,
    tail: bigint,
    orgHead: bigint,
    orgTail: bigint,
    plain: number,
    kept: number,
    shown: number,
    keep: number,
  ): number;
  chunkAt(which: number, size: number): number;
  chunkBytes(which: number): number;
  reserve(records: number): void;
  run(base: number, start: number, end: number): number;
  reason(): Stop;
  stoppedZero(): number;
  stoppedKeyLow(): number;
  stoppedKeyHigh(): number;
  addVerdict(key: number, flagged: number): number;
  addKey(): number;
  countKey(key: number, line: number): number;
  keepDuplicate(key: number, line: number): void;
  duplicatesAt(): number;
  duplicateCount(): number;
  nextLine(): number;
  records(): number;
  eventsAt(): number;
  eventCount(): number;
  clearEvents(): void;
  takeSums(): number;
  takenAt(): number;
  keyCountOf(key: number): number;
  keyFirstOf(key: number): number;
}

let compiled: WebAssembly.Module | undefined;

/** Skjema, year, quarter, region and organisation number: the declared beginning of a plain record. */
const DECLARED_LENGTH = 22;

const NO_EVENTS = new Uint32Array(0);
/** The events a run holds at most (as wasm/record-kernel.ts has it). */
const EVENT_CAPACITY = 4096;

/** An instance, the kind of file its table was made for, and what the control keeps beside the table. */
interface Instance {
  readonly exports: Exports;
  kind: object | undefined;
  state: unknown;
}

/**
 * Kernels whose file is finished, for the next file: a process that controls a national year would
 * otherwise make 356 instances, and V8 reserves address space for each one's memory (making one costs
 * about as much as taking a small file). Each keeps the combinations judged for its kind of file.
 */
const idle: Instance[] = [];
const IDLE_KEPT = 4;

/** A kind of file (see the constructor) and the control's state that goes with the kernel's table. */
export interface KernelKind<S> {
  /** The same object for every file whose combinations are judged alike. */
  readonly kind: object;
  /** The control's state for a table begun anew. */
  readonly fresh: () => S;
}

/**
 * An idle instance for a file of `kind`: one that served the kind last, else one that serves none, else,
 * when as many are kept as may be, the one idle longest (its table goes). Undefined: make one.
 */
function idleFor(kind: object | undefined): Instance | undefined {
  let at = kind === undefined ? -1 : idle.findIndex((i) => i.kind === kind);
  if (at < 0) at = idle.findIndex((i) => i.kind === undefined);
  if (at < 0 && idle.length >= IDLE_KEPT) at = 0;
  return at < 0 ? undefined : idle.splice(at, 1)[0];
}

const kernelModule = () =>
  (compiled ??= new WebAssembly.Module(Uint8Array.from(atob(RECORD_KERNEL_WASM), (c) => c.charCodeAt(0))));

/**
 * The fast path of the accounts control (wasm/record-kernel.ts, as WebAssembly): an instance with memory of
 * its own serves one file at a time, and then the next. It runs over a chunk the file is read into, in its
 * memory (two chunks, so that one is read while the other is taken); what it cannot take, it stops at, and
 * the control judges by the rules. Views of its memory are made anew after anything that may have grown it.
 */
export class RecordKernel<S = undefined> {
  private readonly instance: Instance;
  private readonly kernel: Exports;
  private events: Uint32Array | undefined;
  /**
   * What the control keeps beside the kernel's table of its kind of file: made with the table, and kept
   * with it for the next file of the kind.
   */
  readonly state: S;

  /**
   * `declared`: skjema, year, quarter, region and organisation number as the records must begin (22
   * characters, or no record is taken; the foretaksnummer after them blank or the same number); of the duplicates of a key (the records after its first), how many the findings keep
   * the lines of (0: none), and how many they show the text of (events). Files of one `kind` share the
   * combinations judged and the keys: an idle instance that served that kind last keeps them, with the
   * control's state (without a kind, the file has a table of its own).
   */
  constructor(declared: string, duplicates: { kept: number; shown: number }, kind?: KernelKind<S>) {
    this.instance = idleFor(kind?.kind) ?? {
      exports: new WebAssembly.Instance(kernelModule(), {
        env: {
          // Its memory is full (4 GB): only a file of millions of distinct combinations gets there.
          abort: () => {
            throw new DomainError(
              'more distinct combinations of kontoklasse, function and art than the control can hold',
            );
          },
        },
      }).exports as unknown as Exports,
      kind: undefined,
      state: undefined,
    };
    this.kernel = this.instance.exports;
    // 22 Latin-1 characters, as the records' bytes are; any other declaration
    // matches no record here.
    const plain =
      declared.length === DECLARED_LENGTH &&
      Array.from({ length: DECLARED_LENGTH }, (_, i) => declared.charCodeAt(i)).every((c) => c <= 0xff);
    const bytes = Uint8Array.from(plain ? declared : ' '.repeat(DECLARED_LENGTH), (c) => c.charCodeAt(0));
    const view = new DataView(bytes.buffer);
    const kept = this.kernel.declare(
      view.getBigUint64(0, true),
      view.getBigUint64(5, true),
      view.getBigUint64(13, true),
      view.getBigUint64(14, true),
      plain ? 1 : 0,
      duplicates.kept,
      Math.min(duplicates.shown, duplicates.kept),
      kind !== undefined && this.instance.kind === kind.kind ? 1 : 0,
    );
    if (!kept) {
      this.instance.kind = kind?.kind;
      this.instance.state = kind?.fresh();
    }
    this.state = this.instance.state as S;
  }

  /** Gives the instance to the next file: nothing of this one may be asked for after. */
  release(): void {
    if (idle.length < IDLE_KEPT && !idle.includes(this.instance)) idle.push(this.instance);
  }

  /** Chunk `which` (0 or 1), at least `size` bytes, what it held at its front. */
  chunk(which: 0 | 1, size = 0): Uint8Array {
    const at = this.kernel.chunkAt(which, size);
    return new Uint8Array(this.kernel.memory.buffer, at, this.kernel.chunkBytes(which));
  }

  /** Whether `bytes` are in the kernel's memory (a chunk): the kernel runs on them without a copy. */
  holds(bytes: Uint8Array): boolean {
    return bytes.buffer === this.kernel.memory.buffer;
  }

  /**
   * Grows the memory now, if need be, so that taking `records` records will not: a read may be writing
   * into the other chunk meanwhile, and memory that grows leaves the views of it behind.
   */
  reserve(records: number): void {
    this.kernel.reserve(records);
  }

  /**
   * Takes the records of `bytes` (a chunk) from `start` to `end` until one it must stop at: returns its
   * offset.
   */
  run(bytes: Uint8Array, start: number, end: number): number {
    return this.kernel.run(bytes.byteOffset, start, end);
  }

  get stop(): Stop {
    return this.kernel.reason();
  }

  /** Whether the new combination the run stopped at has a zero amount. */
  get stoppedAtZero(): boolean {
    return this.kernel.stoppedZero() === 1;
  }

  /** The eight code bytes of the new combination the run stopped at: the first four, as a number. */
  get stoppedKeyLow(): number {
    return this.kernel.stoppedKeyLow() >>> 0;
  }

  /** The eight code bytes of the new combination the run stopped at: the last four, as a number. */
  get stoppedKeyHigh(): number {
    return this.kernel.stoppedKeyHigh() >>> 0;
  }

  /**
   * The records the runs noted since the last call, in line order, four numbers each: the record's offset
   * in the chunk, its line, its verdict, and 1 if it is a duplicate whose text the findings show (else 0).
   * Valid until the next run; then forgotten. The view is made once per memory (a run may return many times).
   */
  takeEvents(): Uint32Array {
    const count = this.kernel.eventCount();
    if (count === 0) return NO_EVENTS;
    this.kernel.clearEvents();
    const buffer = this.kernel.memory.buffer;
    if (this.events?.buffer !== buffer)
      this.events = new Uint32Array(buffer, this.kernel.eventsAt(), EVENT_CAPACITY * 4);
    return this.events.subarray(0, count * 4);
  }

  /** The verdict on the combination the run stopped at: its index. */
  addVerdict(key: number, flagged: boolean): number {
    return this.kernel.addVerdict(key, flagged ? 1 : 0);
  }

  addKey(): number {
    return this.kernel.addKey();
  }

  /** Counts a record of a key read as text: how many it had before. */
  countKey(key: number, line: number): number {
    return this.kernel.countKey(key, line);
  }

  /** Keeps the line of a duplicate of `key` read as text, in line order with those the runs keep. */
  keepDuplicate(key: number, line: number): void {
    this.kernel.keepDuplicate(key, line);
  }

  /** The kept duplicates so far, in line order, two numbers each: the key and the line. */
  keptDuplicates(): Uint32Array {
    return new Uint32Array(
      this.kernel.memory.buffer,
      this.kernel.duplicatesAt(),
      this.kernel.duplicateCount() * 2,
    );
  }

  /** The number of a line read as text. */
  nextLine(): number {
    return this.kernel.nextLine();
  }

  /** Records the runs took. */
  get records(): number {
    return this.kernel.records();
  }

  /**
   * At the end of a file: the keys the runs took records of, in the order first seen, and the sums of their
   * amounts: key `keys[4 * i]` has sum `sums[2 * i + 1]`, for i below `count`. The memory may grow: no
   * read may be under way.
   */
  takenSums(): { count: number; keys: Uint32Array; sums: Float64Array } {
    const count = this.kernel.takeSums();
    const buffer = this.kernel.memory.buffer;
    const at = this.kernel.takenAt();
    return {
      count,
      keys: new Uint32Array(buffer, at, count * 4),
      sums: new Float64Array(buffer, at, count * 2),
    };
  }

  /** The records of a key in this file. */
  keyCount(key: number): number {
    return this.kernel.keyCountOf(key);
  }

  /** The line of a key's first record in this file. */
  keyFirst(key: number): number {
    return this.kernel.keyFirstOf(key);
  }
}
