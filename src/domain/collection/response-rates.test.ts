import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors.ts';
import { responseRates, type ListedUnit, type UnitSubmission } from './response-rates.ts';

/** `n` units of a form, all expected, with codes 1…n. */
const listed = (form: string, n: number, notExpected = 0): ListedUnit[] =>
  Array.from({ length: n + notExpected }, (_, i) => ({ form, unit: String(i + 1), expected: i < n }));
/** The first `n` units of a form submit at the instant given. */
const first = (form: string, from: number, to: number, at: string): UnitSubmission[] =>
  Array.from({ length: to - from }, (_, i) => ({
    form,
    unit: String(from + i + 1),
    submittedAt: new Date(at),
  }));

describe('response rates per form at checkpoints', () => {
  test('the 2020 årgang as the working group tabulated it: counts and shares with one decimal', () => {
    // Seed 001, 6.3: KOSTRA 1 had 371 expected, 31 by 15.01.2021, 278 by 15.02, 364 in publication on
    // 15.03; KOSTRA 4 273, 360, 371; KOSTRA 6 3 881 expected, 622 by 15.01 and 2 529 by 15.02.
    const units = [...listed('skjema1', 371), ...listed('skjema4', 371), ...listed('skjema6', 3881, 40)];
    const submissions = [
      ...first('skjema1', 0, 31, '2021-01-10T12:00:00+01:00'),
      ...first('skjema1', 31, 278, '2021-02-15T23:59:00+01:00'),
      ...first('skjema1', 278, 364, '2021-03-01T09:00:00+01:00'),
      ...first('skjema4', 0, 273, '2021-01-15T08:00:00+01:00'),
      ...first('skjema4', 273, 360, '2021-02-14T08:00:00+01:00'),
      ...first('skjema4', 360, 371, '2021-03-08T08:00:00+01:00'),
      ...first('skjema6', 0, 622, '2021-01-04T08:00:00+01:00'),
      ...first('skjema6', 622, 2529, '2021-02-01T08:00:00+01:00'),
      // Resubmissions: the last one of skjema 1 on 31 May, of skjema 4 on 8 March.
      { form: 'skjema1', unit: '5', submittedAt: new Date('2021-05-31T10:00:00+02:00') },
      { form: 'skjema1', unit: '6', submittedAt: new Date('2021-04-02T10:00:00+02:00') },
      { form: 'skjema4', unit: '1', submittedAt: new Date('2021-03-08T16:00:00+01:00') },
      // A unit not expected (closed) that submitted anyway counts for nothing.
      { form: 'skjema6', unit: '3900', submittedAt: new Date('2021-01-05T08:00:00+01:00') },
    ];
    const rates = responseRates(units, submissions, ['2021-01-15', '2021-02-15', '2021-03-15']);
    expect(rates).toEqual([
      {
        form: 'skjema1',
        expected: 371,
        checkpoints: [
          { date: '2021-01-15', count: 31, percent: 8.4 },
          { date: '2021-02-15', count: 278, percent: 74.9 },
          { date: '2021-03-15', count: 364, percent: 98.1 },
        ],
        lastResubmission: '2021-05-31',
      },
      {
        form: 'skjema4',
        expected: 371,
        checkpoints: [
          { date: '2021-01-15', count: 273, percent: 73.6 },
          { date: '2021-02-15', count: 360, percent: 97 },
          { date: '2021-03-15', count: 371, percent: 100 },
        ],
        lastResubmission: '2021-03-08',
      },
      {
        form: 'skjema6',
        expected: 3881,
        checkpoints: [
          { date: '2021-01-15', count: 622, percent: 16 },
          { date: '2021-02-15', count: 2529, percent: 65.2 },
          { date: '2021-03-15', count: 2529, percent: 65.2 },
        ],
        lastResubmission: null,
      },
    ]);
  });

  test('a day ends at midnight in Oslo: 23:30 UTC on 15 January is the 16th there', () => {
    const units = listed('f', 2);
    const submissions = [
      { form: 'f', unit: '1', submittedAt: new Date('2021-01-15T22:59:59Z') },
      { form: 'f', unit: '2', submittedAt: new Date('2021-01-15T23:30:00Z') },
    ];
    expect(responseRates(units, submissions, ['2021-01-15'])[0]!.checkpoints).toEqual([
      { date: '2021-01-15', count: 1, percent: 50 },
    ]);
    // In summer Oslo is two hours ahead.
    expect(
      responseRates(
        units,
        [{ form: 'f', unit: '1', submittedAt: new Date('2021-06-15T21:59:00Z') }],
        ['2021-06-15'],
      )[0]!.checkpoints[0]!.count,
    ).toBe(1);
  });

  test('halves are rounded away from zero; no checkpoints given: every day of a first submission', () => {
    // 1 of 8 is 12.5 %: one decimal keeps it; 1 of 16 is 6.25 % and prints 6.3.
    const sixteen = listed('f', 16);
    const rates = responseRates(sixteen, [
      { form: 'f', unit: '1', submittedAt: new Date('2021-01-03T10:00:00+01:00') },
      { form: 'f', unit: '2', submittedAt: new Date('2021-01-05T10:00:00+01:00') },
      { form: 'f', unit: '1', submittedAt: new Date('2021-01-09T10:00:00+01:00') },
    ]);
    expect(rates[0]!.checkpoints).toEqual([
      { date: '2021-01-03', count: 1, percent: 6.3 },
      { date: '2021-01-05', count: 2, percent: 12.5 },
    ]);
    expect(rates[0]!.lastResubmission).toBe('2021-01-09');
    expect(responseRates(listed('g', 0, 2), [])[0]).toEqual({
      form: 'g',
      expected: 0,
      checkpoints: [],
      lastResubmission: null,
    });
  });

  test('what is wrong is named: a unit not listed, a unit listed twice, a checkpoint that is no date', () => {
    const unlisted = () =>
      responseRates(listed('f', 1), [
        { form: 'f', unit: '9', submittedAt: new Date(), where: ['submissions.csv', 'line 4'] },
      ]);
    expect(unlisted).toThrow(DomainError);
    expect(unlisted).toThrow('9 is not listed for f');
    try {
      unlisted();
    } catch (e) {
      expect((e as DomainError).where).toEqual(['submissions.csv', 'line 4']);
    }
    expect(() => responseRates([...listed('f', 1), ...listed('f', 1)], [])).toThrow('listed twice');
    expect(() => responseRates(listed('f', 1), [], ['2021-02-30'])).toThrow('"2021-02-30" is not a date');
  });
});
