/**
 * An open-addressing hash table from the eight bytes of a record's kontoklasse, function and art (two
 * 32-bit words) and whether its amount is zero, to a small number: the index of the verdict the record
 * controls gave that combination. A file has a few thousand combinations among millions of records; a
 * lookup is a multiplication and a comparison or two, where a Map of strings would build a string per record.
 */
export class VerdictTable {
  private mask: number;
  private first: Int32Array;
  private second: Int32Array;
  /** Per slot, the verdict of a non-zero amount at 2 × slot and of a zero amount at 2 × slot + 1; -1: none. */
  private verdicts: Int32Array;
  private occupied: Uint8Array;
  private used = 0;

  constructor(capacity = 1 << 12) {
    this.mask = capacity - 1;
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.verdicts = new Int32Array(capacity * 2).fill(-1);
    this.occupied = new Uint8Array(capacity);
  }

  /** The slot of a combination, claimed if new (its verdicts then -1). */
  slot(first: number, second: number): number {
    let slot = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) >>> 0;
    slot = (slot ^ (slot >>> 15)) & this.mask;
    for (;;) {
      if (this.occupied[slot] === 0) break;
      if (this.first[slot] === first && this.second[slot] === second) return slot;
      slot = (slot + 1) & this.mask;
    }
    if (2 * (this.used + 1) > this.mask + 1) {
      this.grow();
      return this.slot(first, second);
    }
    this.used++;
    this.occupied[slot] = 1;
    this.first[slot] = first;
    this.second[slot] = second;
    return slot;
  }

  /** The verdict of a slot for a zero or non-zero amount, or -1. */
  verdict(slot: number, zero: boolean): number {
    return this.verdicts[slot * 2 + (zero ? 1 : 0)]!;
  }

  set(slot: number, zero: boolean, verdict: number): void {
    this.verdicts[slot * 2 + (zero ? 1 : 0)] = verdict;
  }

  private grow() {
    const { first, second, verdicts, occupied } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.verdicts = new Int32Array(capacity * 2).fill(-1);
    this.occupied = new Uint8Array(capacity);
    this.used = 0;
    for (let old = 0; old < first.length; old++) {
      if (occupied[old] === 0) continue;
      const slot = this.slot(first[old]!, second[old]!);
      this.verdicts[slot * 2] = verdicts[old * 2]!;
      this.verdicts[slot * 2 + 1] = verdicts[old * 2 + 1]!;
    }
  }
}
