import { describe, expect, it } from 'vitest';
import type { Answers } from '../forms/answers.ts';
import { crossFormControl, type CrossFormControl } from './cross-form.ts';

const control: CrossFormControl = {
  id: 'residents',
  labels: { nb: 'B', nn: 'B', en: 'R' },
  sum: { form: 's6', path: 'beboere', when: { item: 'dogn', equals: true } },
  against: { form: 's4', path: 'g6' },
  tolerance: { percent: 10, absolute: 2 },
};
const s6 = (unit: string, municipality: string, beboere: number, dogn = true) => ({
  unit,
  municipality,
  answers: { beboere, dogn },
});
const s4 = (municipality: string, g6?: number) => ({
  unit: municipality,
  municipality,
  answers: (g6 === undefined ? {} : { g6 }) as Answers,
});

describe('skjema 6 summed per municipality against skjema 4', () => {
  it('sums the units that meet the condition and flags beyond both tolerances', () => {
    const rows = crossFormControl(
      control,
      [
        s6('911111111', '4601', 8),
        s6('922222222', '4601', 12),
        // Not around the clock: not counted.
        s6('933333333', '4601', 30, false),
        s6('944444444', '5001', 41),
        s6('955555555', '3403', 3),
      ],
      [s4('4601', 20), s4('5001', 50), s4('3403', 2), s4('1811', 6), s4('1001')],
    );
    expect(rows).toEqual([
      // Bindal reports six residents in skjema 4 and has no housing base in skjema 6.
      {
        control: 'residents',
        municipality: '1811',
        summed: null,
        units: 0,
        against: 6,
        difference: null,
        percent: null,
        flagged: true,
      },
      {
        control: 'residents',
        municipality: '5001',
        summed: 41,
        units: 1,
        against: 50,
        difference: -9,
        percent: -18,
        flagged: true,
      },
      // One more is 50 %, but within the absolute tolerance of 2.
      {
        control: 'residents',
        municipality: '3403',
        summed: 3,
        units: 1,
        against: 2,
        difference: 1,
        percent: 50,
        flagged: false,
      },
      {
        control: 'residents',
        municipality: '4601',
        summed: 20,
        units: 2,
        against: 20,
        difference: 0,
        percent: 0,
        flagged: false,
      },
      // Skjema 4 without the figure, and no units: nothing to flag.
      {
        control: 'residents',
        municipality: '1001',
        summed: null,
        units: 0,
        against: null,
        difference: null,
        percent: null,
        flagged: false,
      },
    ]);
  });
});
