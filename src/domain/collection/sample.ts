import { DomainError } from '../errors.ts';

export interface Candidate {
  readonly municipality: string;
  readonly sizeGroup: string;
  /** Criteria that put a municipality in the sample whatever the draw (ASSS, SIO, …). */
  readonly criteria: readonly string[];
}

export interface SampleDesign {
  /** Every municipality with one of these criteria is taken. */
  readonly takeAllWith: readonly string[];
  /** How many more to draw at random in each size group, among those not taken by criteria. */
  readonly drawPerSizeGroup: Readonly<Record<string, number>>;
  /** The seed of the draw: the same seed and candidates give the same sample, so it can be audited. */
  readonly seed: number;
}

export interface Selected {
  readonly municipality: string;
  readonly sizeGroup: string;
  /** Why it is in the sample: its criteria, or RANDOM. */
  readonly reasons: readonly string[];
}

/** A seeded generator of numbers in [0, 1) (mulberry32): small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws a sample as chapter 3 of the pilot note describes: everyone selected by a criterion, plus a
 * stratified simple random draw by size group among the rest. Candidates are ordered by code before the
 * draw, so the input order does not matter; the seed makes the draw repeatable.
 */
export function drawSample(candidates: readonly Candidate[], design: SampleDesign): Selected[] {
  if (!Number.isSafeInteger(design.seed)) throw new DomainError('the seed must be a whole number', ['seed']);
  const sorted = [...candidates].sort((a, b) => a.municipality.localeCompare(b.municipality));
  const selected: Selected[] = sorted
    .filter((c) => c.criteria.some((k) => design.takeAllWith.includes(k)))
    .map((c) => ({
      municipality: c.municipality,
      sizeGroup: c.sizeGroup,
      reasons: c.criteria.filter((k) => design.takeAllWith.includes(k)),
    }));
  const taken = new Set(selected.map((s) => s.municipality));
  const next = seededRandom(design.seed);
  for (const [group, wanted] of Object.entries(design.drawPerSizeGroup).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const pool = sorted.filter((c) => c.sizeGroup === group && !taken.has(c.municipality));
    if (!Number.isInteger(wanted) || wanted < 0)
      throw new DomainError(`${wanted} is no number to draw`, [group]);
    if (wanted > pool.length)
      throw new DomainError(`${wanted} wanted, only ${pool.length} municipalities left to draw from`, [
        group,
      ]);
    // A partial Fisher-Yates shuffle: the first `wanted` places are a simple random sample of the pool.
    const order = [...pool];
    for (let i = 0; i < wanted; i += 1) {
      const j = i + Math.floor(next() * (order.length - i));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const c of order.slice(0, wanted)) {
      selected.push({ municipality: c.municipality, sizeGroup: c.sizeGroup, reasons: ['RANDOM'] });
      taken.add(c.municipality);
    }
  }
  return selected.sort((a, b) => a.municipality.localeCompare(b.municipality));
}
