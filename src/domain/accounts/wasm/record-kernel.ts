/**
 * The fast path of the accounts control, in AssemblyScript, compiled to WebAssembly (`npm run build:kernel`
 * embeds it in ../record-kernel-wasm.ts). It takes the plain records of a chunk of a file, one after
 * another: a record of 48 bytes and its line break whose skjema, year, quarter, region and organisation
 * number are as declared (its foretaksnummer blank or that number), with no control character, an amount of spaces, an optional minus and digits, and a combination of
 * kontoklasse, function, art and zero amount the control has judged before. For each it counts its key, adds
 * the amount to the key's sum and keeps the line of a duplicate (a further record of a key) while the
 * findings keep lines of it; a record whose verdict has findings, or one of the first duplicates of a key
 * (the findings show their text), is written to the events for the control to note. A record whose amount
 * is a lone 0 it passes over, as the control program drops it before any rule. It stops at anything
 * else and says why: the control (record-kernel.ts, control.ts) judges that line by the rules and runs it on.
 *
 * An instance serves one file after another. What the control judged stays for the next file of the same
 * kind (`declare` with `keep`): the table of combinations and their verdicts, and the keys. A national year
 * has some 700 000 records of a few thousand distinct combinations, most of them once a file: judged once,
 * each file's records are then taken here, not one by one by the control. What is a file's own (a key's
 * count, first line and sum, the events, the kept duplicates, the keys touched) is the file's epoch's: a
 * key whose epoch is an earlier file's counts from nothing.
 *
 * Memory: two chunks (the file is read into one while the other is taken), a table from the eight bytes of
 * kontoklasse, function and art to the verdicts of a zero and a non-zero amount (open addressing), the
 * keys' state in this file and their first lines, the keys touched, the kept duplicates and the events. A
 * record reads 16 bytes of the table and 16 of its key's state: a national year's few thousand
 * combinations then stay in the core's cache (with 32 bytes of each, and the table a quarter full, a file
 * of 3,700 combinations took 21 ns a record instead of 15). Each grows by doubling, in new memory taken from
 * the top (nothing is freed until a `declare` that does not keep starts again from the bottom). Memory grows
 * only in `reserve`, in `chunkAt` (when a chunk must grow) and in `takeSums` at the end of a file: the
 * control reserves what taking a chunk can use before a read begins, so no read is ever writing into memory
 * that moves.
 */

/** The run stopped at a line the control reads as text (or at the end of the chunk). */
const LINE: u32 = 0;
/** The run stopped at a plain record of a combination not judged yet. */
const NEW: u32 = 1;
/** The run stopped after the record that filled the events. */
const EVENTS: u32 = 2;

const SPACES: u64 = 0x2020202020202020;
const HIGH: u64 = 0x8080808080808080;
const ZEROS: u64 = 0x3030303030303030;
/** Per byte, what brings a digit's value (0-9, as byte ^ '0') to at most 0x7f and anything above 9 past it. */
const PAST_NINE: u64 = 0x7676767676767676;
const EVENT_WORDS: u32 = 4;
const EVENT_CAPACITY: u32 = 4096;
/**
 * Combinations a kept table may hold when the next file begins; above it, the table starts again (a process
 * that sees many files of garbage codes must not keep them all). A national year has some 3 500.
 */
const KEPT_SLOTS: u32 = 1 << 16;

/** Bytes 0-7 and 5-12 of a record as declared (skjema, year, quarter, region). */
let declaredHead: u64 = 0;
let declaredTail: u64 = 0;
/**
 * Bytes 13-20 and 14-21 as declared (the organisation number): the foretaksnummer after it (bytes 22-30) is
 * blank or the same number.
 */
let declaredOrgHead: u64 = 0;
let declaredOrgTail: u64 = 0;
/** Whether the declaration is 22 Latin-1 characters; if not, no record matches it on this path. */
let declaredPlain = false;
/** Duplicates whose lines the findings keep: the second to this record of a key (0: no duplicates rule). */
let keptDuplicates: u32 = 0;
/** Duplicates whose text the findings show: the second to this record of a key. */
let shownDuplicates: u32 = 0;

/** Where free memory begins: all of it is free when a file begins. */
const FREE: usize = (__heap_base + 15) & ~15;
let top: usize = FREE;
/** Memory at and above this was never handed out: as WebAssembly gives it, zeroed. */
let untouched: usize = FREE;

/** The two chunks, and their sizes. */
let chunk0: usize = 0;
let chunk0Size: usize = 0;
let chunk1: usize = 0;
let chunk1Size: usize = 0;

/**
 * Slots of 16 bytes: at 0 the code bytes (never 0), at 8 the key's number (the control's: a kontoklasse,
 * function and art as it reads them), at 12 the combination's state: bit 0 whether a non-zero amount is
 * judged, bit 1 a zero amount, bits 2 and 3 whether those verdicts have findings, and from bit 4 the
 * combination's number. The verdict of a combination is its number times two, plus one for a zero amount.
 */
let slots: usize = 0;
let slotMask: u32 = 0;
let slotsUsed: u32 = 0;
/** 64 less the bits of a slot's number. */
let slotShift: u64 = 52;

/** Bit 31 of a key's count: the runs took one of its records. */
const TAKEN: u32 = 0x80000000;

/**
 * By key, 16 bytes of its state in this file: at 0 the epoch it was last counted in, at 4 its records (and
 * TAKEN), at 8 the sum of the amounts the runs took (a 64-bit integer: adding whole numbers as floats took a
 * record 1.5 ns more). Valid only when the epoch is this file's.
 */
let keyState: usize = 0;
/** By key, the line of its first record in this file (valid as its state is). */
let keyFirst: usize = 0;
let keyCapacity: u32 = 0;
let keysUsed: u32 = 0;
/** The file's number among those this instance has served: a key of another epoch is not yet counted. */
let epoch: u32 = 0;
/** The keys counted in this file, in the order first seen (as many as there are keys, at most). */
let touched: usize = 0;
let touchedUsed: u32 = 0;

/** Per event four words: the record's offset in the chunk, its line, its verdict, whether it is a shown duplicate. */
let events: usize = 0;
let eventsUsed: u32 = 0;

/** At the end of a file, the keys the runs took records of, 16 bytes each: the key, and the sum as a float. */
let takenSums: usize = 0;
let takenCapacity: u32 = 0;

/** The kept duplicates, in line order, two words each: the key and the line. */
let duplicates: usize = 0;
let duplicateCapacity: u32 = 0;
let duplicatesUsed: u32 = 0;

let lineNumber: u32 = 0;
let kernelRecords: u32 = 0;
let stopReason: u32 = LINE;
let stopKey: u64 = 0;
let stopZero: u32 = 0;

/**
 * Memory of at least `bytes` beyond `top`, grown if need be: to twice its size at least, since V8 answers
 * each growth with a garbage collection (the memory counts as external to its heap).
 */
function ensure(bytes: usize): void {
  const needed = <i32>((top + bytes + 0xffff) >> 16) - memory.size();
  if (needed > 0 && memory.grow(max(needed, memory.size())) < 0 && memory.grow(needed) < 0) abort();
}

/**
 * `bytes` of fresh, zeroed memory: only what an earlier file used is cleared (a large file's kept
 * duplicates and chunks are megabytes, which memory newly grown already has as zeros).
 */
function zeroed(bytes: usize): usize {
  ensure(bytes);
  const at = top;
  top = (top + bytes + 15) & ~15;
  if (at < untouched) memory.fill(at, 0, min(bytes, untouched - at));
  if (top > untouched) untouched = top;
  return at;
}

/** A larger copy of `bytes` at `at`, the rest zeroed. */
function grown(at: usize, bytes: usize, larger: usize): usize {
  const copy = zeroed(larger);
  memory.copy(copy, at, bytes);
  return copy;
}

/** The slot of a key, or of the empty place where it would go. */
function slotOf(key: u64): usize {
  // The top bits of a Fibonacci hash: every byte of the key reaches them (the art is in the top bytes).
  let h = <u32>((key * 0x9e3779b97f4a7c15) >> slotShift);
  let slot = slots + ((<usize>h) << 4);
  let held = load<u64>(slot);
  while (held != key && held != 0) {
    h = (h + 1) & slotMask;
    slot = slots + ((<usize>h) << 4);
    held = load<u64>(slot);
  }
  return slot;
}

/**
 * Begins a file: the declaration its records must begin with, and how many duplicates of a key the findings
 * keep. With `keep`, the combinations judged and the keys stay as the files before left them (the control
 * says whether they are of the same kind), unless there are more than a kept table holds; otherwise all is
 * forgotten. Returns whether they stayed.
 */
export function declare(
  head: u64,
  tail: u64,
  orgHead: u64,
  orgTail: u64,
  plain: bool,
  kept: u32,
  shown: u32,
  keep: bool,
): bool {
  declaredHead = head;
  declaredTail = tail;
  declaredOrgHead = orgHead;
  declaredOrgTail = orgTail;
  declaredPlain = plain;
  keptDuplicates = kept;
  shownDuplicates = shown;
  eventsUsed = 0;
  duplicatesUsed = 0;
  touchedUsed = 0;
  lineNumber = 0;
  kernelRecords = 0;
  stopReason = LINE;
  stopKey = 0;
  stopZero = 0;
  const stays = keep && epoch != 0 && epoch != 0xffffffff && slotsUsed <= KEPT_SLOTS;
  if (stays) {
    epoch++;
    return true;
  }
  epoch = 1;
  top = FREE;
  chunk0 = 0;
  chunk0Size = 0;
  chunk1 = 0;
  chunk1Size = 0;
  slotsUsed = 0;
  slotShift = 52;
  keysUsed = 0;
  slotMask = (1 << 12) - 1;
  slots = zeroed((<usize>(slotMask + 1)) << 4);
  keyCapacity = 1024;
  keyState = zeroed((<usize>keyCapacity) << 4);
  keyFirst = zeroed((<usize>keyCapacity) << 2);
  touched = zeroed((<usize>keyCapacity) << 2);
  events = zeroed((<usize>(EVENT_CAPACITY * EVENT_WORDS)) << 2);
  duplicateCapacity = 1024;
  duplicates = zeroed((<usize>duplicateCapacity) << 3);
  takenSums = 0;
  takenCapacity = 0;
  return false;
}

/** The address of chunk `which` (0 or 1), of at least `size` bytes; what it held stays at its front. */
export function chunkAt(which: u32, size: usize): usize {
  if (which == 0) {
    if (size > chunk0Size) {
      chunk0 = chunk0 == 0 ? zeroed(size) : grown(chunk0, chunk0Size, size);
      chunk0Size = size;
    }
    return chunk0;
  }
  if (size > chunk1Size) {
    chunk1 = chunk1 == 0 ? zeroed(size) : grown(chunk1, chunk1Size, size);
    chunk1Size = size;
  }
  return chunk1;
}

/** The size of chunk `which`. */
export function chunkBytes(which: u32): usize {
  return which == 0 ? chunk0Size : chunk1Size;
}

/**
 * Grows memory now, if need be, so that the next `records` records cannot grow it: each may add a slot, a
 * key (its state, first line and place among those touched: 24 bytes) and a kept duplicate (8). The arrays
 * that hold them double, so each allocates at most four times its share (twice in its own growth, twice in
 * the copies before); the table, kept at most half full, at most four slots a combination, every table
 * before it together as much again: 128 bytes.
 */
export function reserve(records: u32): void {
  const r = <usize>records;
  ensure(128 * (<usize>slotsUsed + r) + 96 * (<usize>keysUsed + r) + 32 * (<usize>duplicatesUsed + r) + 4096);
}

/**
 * The records of the chunk at `base` from offset `start`, up to `end`, until one the control must see: returns its
 * offset (after the record, when the events are full); `reason` says why it stopped.
 */
export function run(base: usize, start: u32, end: u32): u32 {
  let s = base + <usize>start;
  const stop = base + <usize>end;
  let line = lineNumber;
  stopReason = LINE;
  while (s + 49 <= stop) {
    const lineBreak = load<u8>(s + 48);
    let next = s + 49;
    if (lineBreak != 10) {
      if (lineBreak != 13 || s + 50 > stop || load<u8>(s + 49) != 10) break;
      next = s + 50;
    }
    if (!declaredPlain || load<u64>(s) != declaredHead || load<u64>(s + 5) != declaredTail) break;
    if (load<u64>(s + 13) != declaredOrgHead || load<u64>(s + 14) != declaredOrgTail) break;
    const companyHead = load<u64>(s + 22);
    const companyTail = load<u64>(s + 23);
    if (
      (companyHead != SPACES || companyTail != SPACES) &&
      (companyHead != declaredOrgHead || companyTail != declaredOrgTail)
    )
      break;
    // A control character (below a space) in bytes 13-38 is a finding on the record's length: as text.
    // Bytes 31-38 are the key: a key in the table has none (a new one is checked before it goes in).
    const a = load<u64>(s + 13);
    const b = load<u64>(s + 21);
    const c = load<u64>(s + 23);
    if (((((a - SPACES) & ~a) | ((b - SPACES) & ~b) | ((c - SPACES) & ~c)) & HIGH) != 0) break;
    const key = load<u64>(s + 31);
    // The amount: byte 39 a space (nine characters of amount go as text), then eight bytes of spaces, an
    // optional minus and at least one digit.
    if (load<u8>(s + 39) != 32) break;
    const x = load<u64>(s + 40);
    if ((x & HIGH) != 0) break;
    const digits = x ^ ZEROS;
    const other = (digits + PAST_NINE) & HIGH;
    // The bytes that are no digit, 0xff each: they must all come before the digits, and the last is a digit.
    const lead = (other >> 7) * 0xff;
    if (((lead & (lead + 1)) | (other >> 63)) != 0) break;
    // They are spaces, but for a minus just before the first digit.
    const sign = (x ^ SPACES) & lead;
    // Without a branch on the sign, which amounts change at random.
    if ((<i32>(sign != 0)) & (<i32>(sign != ((lead + 1) >> 8) * (0x2d ^ 0x20)))) break;
    // Eight digits (a byte that is no digit counts as a leading 0) into a number, pairs, fours, eights.
    let v = digits & ~lead;
    v = ((v * 2561) >> 8) & 0x00ff00ff00ff00ff;
    v = ((v * 6553601) >> 16) & 0x0000ffff0000ffff;
    v = (v * 42949672960001) >> 32;
    const zero: u32 = v == 0 ? 1 : 0;
    // An amount of a lone 0 ("        0") is no record to the control program: dropped before any rule
    // (other zeros, "-0" or "00", are records of a zero amount). A control character in its key is a
    // finding on the record's length all the same: as text.
    if (zero != 0 && sign == 0 && lead == 0x00ffffffffffffff) {
      if (((key - SPACES) & ~key & HIGH) != 0) break;
      line++;
      s = next;
      continue;
    }
    const slot = slotOf(key);
    const combination = load<u32>(slot + 12);
    if (((combination >> zero) & 1) == 0) {
      if (((key - SPACES) & ~key & HIGH) != 0) break;
      stopReason = NEW;
      stopKey = key;
      stopZero = zero;
      break;
    }
    line++;
    const k = load<u32>(slot + 8);
    const state = keyState + ((<usize>k) << 4);
    const amount = select(-(<i64>v), <i64>v, sign != 0);
    let seen: u32 = 0;
    if (load<u32>(state) != epoch) {
      touch(k, state, line);
      store<u32>(state + 4, 1 | TAKEN);
      store<i64>(state + 8, amount);
    } else {
      const count = load<u32>(state + 4);
      seen = count & ~TAKEN;
      store<u32>(state + 4, (count + 1) | TAKEN);
      store<i64>(state + 8, load<i64>(state + 8) + amount);
    }
    if (seen != 0 && seen <= keptDuplicates) keepDuplicate(k, line);
    const duplicate: u32 = seen != 0 && seen <= shownDuplicates ? 1 : 0;
    if ((((combination >> (2 + zero)) & 1) | duplicate) != 0) {
      const event = events + ((<usize>(eventsUsed * EVENT_WORDS)) << 2);
      store<u32>(event, <u32>(s - base));
      store<u32>(event + 4, line);
      store<u32>(event + 8, ((combination >> 4) << 1) | zero);
      store<u32>(event + 12, duplicate);
      eventsUsed++;
      if (eventsUsed == EVENT_CAPACITY) {
        s = next;
        stopReason = EVENTS;
        break;
      }
    }
    s = next;
  }
  kernelRecords += line - lineNumber;
  lineNumber = line;
  return <u32>(s - base);
}

/** A key's first record in this file, on `line`: among the keys touched, its first line kept. */
function touch(key: u32, state: usize, line: u32): void {
  store<u32>(state, epoch);
  store<u32>(keyFirst + ((<usize>key) << 2), line);
  store<u32>(touched + ((<usize>touchedUsed) << 2), key);
  touchedUsed++;
}

/** Why the last run stopped: 0 at a line to read as text, 1 at a new combination, 2 with the events full. */
export function reason(): u32 {
  return stopReason;
}

/** Whether the new combination the run stopped at has a zero amount. */
export function stoppedZero(): u32 {
  return stopZero;
}

/** The code bytes of the new combination the run stopped at: the first four. */
export function stoppedKeyLow(): u32 {
  return <u32>stopKey;
}

/** The code bytes of the new combination the run stopped at: the last four. */
export function stoppedKeyHigh(): u32 {
  return <u32>(stopKey >> 32);
}

/**
 * The verdict on the new combination the run stopped at, of key `key`, with findings or not: its index (the
 * combination's number times two, plus one for a zero amount).
 */
export function addVerdict(key: u32, flagged: bool): u32 {
  const slot = slotOf(stopKey);
  if (load<u64>(slot) == 0) {
    store<u64>(slot, stopKey);
    store<u32>(slot + 8, key);
    store<u32>(slot + 12, slotsUsed << 4);
    slotsUsed++;
  }
  const combination = load<u32>(slot + 12) | (1 << stopZero) | ((<u32>flagged) << (2 + stopZero));
  store<u32>(slot + 12, combination);
  // Half full at most: with 16-byte slots, a national year's table then fits the core's cache.
  if (slotsUsed * 2 > slotMask + 1) rehash();
  return ((combination >> 4) << 1) | stopZero;
}

/** The table, twice as large. */
function rehash(): void {
  const old = slots;
  const oldSlots = slotMask + 1;
  slotMask = oldSlots * 2 - 1;
  slotShift--;
  slots = zeroed((<usize>(slotMask + 1)) << 4);
  for (let i: u32 = 0; i < oldSlots; i++) {
    const from = old + ((<usize>i) << 4);
    const key = load<u64>(from);
    if (key != 0) memory.copy(slotOf(key), from, 16);
  }
}

/** A new key (kontoklasse, function and art as the control reads them): its index. */
export function addKey(): u32 {
  if (keysUsed == keyCapacity) {
    const larger = keyCapacity * 2;
    keyState = grown(keyState, (<usize>keyCapacity) << 4, (<usize>larger) << 4);
    keyFirst = grown(keyFirst, (<usize>keyCapacity) << 2, (<usize>larger) << 2);
    touched = grown(touched, (<usize>keyCapacity) << 2, (<usize>larger) << 2);
    keyCapacity = larger;
  }
  return keysUsed++;
}

/** Counts a record of key `key` on line `line` (one the control read as text): the number of its records before. */
export function countKey(key: u32, line: u32): u32 {
  const state = keyState + ((<usize>key) << 4);
  if (load<u32>(state) != epoch) {
    touch(key, state, line);
    store<u32>(state + 4, 1);
    store<i64>(state + 8, 0);
    return 0;
  }
  const count = load<u32>(state + 4);
  store<u32>(state + 4, count + 1);
  return count & ~TAKEN;
}

/** Keeps the line of a duplicate of key `key` (the control's, for a record read as text). */
export function keepDuplicate(key: u32, line: u32): void {
  if (duplicatesUsed == duplicateCapacity) {
    const larger = duplicateCapacity * 2;
    duplicates = grown(duplicates, (<usize>duplicateCapacity) << 3, (<usize>larger) << 3);
    duplicateCapacity = larger;
  }
  const at = duplicates + ((<usize>duplicatesUsed) << 3);
  store<u32>(at, key);
  store<u32>(at + 4, line);
  duplicatesUsed++;
}

export function duplicatesAt(): usize {
  return duplicates;
}

export function duplicateCount(): u32 {
  return duplicatesUsed;
}

/** The number of the next line, which the control reads as text. */
export function nextLine(): u32 {
  return ++lineNumber;
}

/** Records taken by the runs. */
export function records(): u32 {
  return kernelRecords;
}

export function eventsAt(): usize {
  return events;
}

export function eventCount(): u32 {
  return eventsUsed;
}

export function clearEvents(): void {
  eventsUsed = 0;
}

/**
 * At the end of a file: the keys the runs took records of, in the order first seen, each with the sum of
 * their amounts (at `takenAt()`, 16 bytes each: the key, four bytes unused, the sum as a float; whole
 * numbers, exact below 2^53). Returns how many. May grow the memory: no read may be under way.
 */
export function takeSums(): u32 {
  if (touchedUsed > takenCapacity) {
    takenCapacity = max(touchedUsed, takenCapacity * 2);
    takenSums = zeroed((<usize>takenCapacity) << 4);
  }
  let n: u32 = 0;
  for (let i: u32 = 0; i < touchedUsed; i++) {
    const key = load<u32>(touched + ((<usize>i) << 2));
    const state = keyState + ((<usize>key) << 4);
    if ((load<u32>(state + 4) & TAKEN) == 0) continue;
    const to = takenSums + ((<usize>n) << 4);
    store<u32>(to, key);
    store<f64>(to + 8, <f64>load<i64>(state + 8));
    n++;
  }
  return n;
}

export function takenAt(): usize {
  return takenSums;
}

/** The records of a key in this file. */
export function keyCountOf(key: u32): u32 {
  const state = keyState + ((<usize>key) << 4);
  return load<u32>(state) == epoch ? load<u32>(state + 4) & ~TAKEN : 0;
}

/** The line of a key's first record in this file (0: none). */
export function keyFirstOf(key: u32): u32 {
  const state = keyState + ((<usize>key) << 4);
  return load<u32>(state) == epoch ? load<u32>(keyFirst + ((<usize>key) << 2)) : 0;
}
