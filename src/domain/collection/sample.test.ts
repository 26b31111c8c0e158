import { describe, expect, test } from 'vitest';
import { drawSample, type Candidate } from './sample.ts';

const candidates: Candidate[] = Array.from({ length: 60 }, (_, i) => ({
  municipality: String(1000 + i),
  sizeGroup: i < 10 ? 'ASSS' : i < 30 ? '10000-19999' : '<5000',
  criteria: i < 10 ? ['ASSS'] : i % 7 === 0 ? ['SIO'] : [],
}));
const design = {
  takeAllWith: ['ASSS', 'SIO'],
  drawPerSizeGroup: { '10000-19999': 3, '<5000': 5 },
  seed: 2022,
};

describe('drawSample', () => {
  test('takes everyone with a criterion and draws the rest per size group', () => {
    const sample = drawSample(candidates, design);
    const byCriteria = candidates.filter((c) => c.criteria.length > 0).map((c) => c.municipality);
    expect(sample.filter((s) => s.reasons[0] !== 'RANDOM').map((s) => s.municipality)).toEqual(byCriteria);
    const random = sample.filter((s) => s.reasons[0] === 'RANDOM');
    expect(random.filter((s) => s.sizeGroup === '10000-19999')).toHaveLength(3);
    expect(random.filter((s) => s.sizeGroup === '<5000')).toHaveLength(5);
    expect(random.some((s) => byCriteria.includes(s.municipality))).toBe(false);
  });

  test('the same seed gives the same sample, whatever the order of the candidates', () => {
    const again = drawSample([...candidates].reverse(), design);
    expect(again).toEqual(drawSample(candidates, design));
  });

  test('another seed gives another draw', () => {
    const a = drawSample(candidates, design).map((s) => s.municipality);
    const b = drawSample(candidates, { ...design, seed: 7 }).map((s) => s.municipality);
    expect(a).not.toEqual(b);
  });

  test('every candidate is about equally likely to be drawn (simple random sampling within a stratum)', () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 2000; seed += 1) {
      for (const s of drawSample(candidates, { ...design, seed, drawPerSizeGroup: { '<5000': 5 } })) {
        if (s.reasons[0] === 'RANDOM') counts.set(s.municipality, (counts.get(s.municipality) ?? 0) + 1);
      }
    }
    const pool = candidates.filter((c) => c.sizeGroup === '<5000' && c.criteria.length === 0);
    const expected = (2000 * 5) / pool.length;
    for (const c of pool)
      expect(Math.abs((counts.get(c.municipality) ?? 0) - expected) / expected).toBeLessThan(0.15);
  });

  test('refuses to draw more than there are', () => {
    expect(() => drawSample(candidates, { ...design, drawPerSizeGroup: { ASSS: 1 } })).toThrow(
      'ASSS: 1 wanted, only 0 municipalities left to draw from',
    );
  });
});
