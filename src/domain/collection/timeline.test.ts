import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors.ts';
import { checkTimeline, deadlineInstant, effectiveDeadline } from './timeline.ts';

describe('deadlines', () => {
  test('a date alone lasts to the end of that day in Oslo, summer and winter', () => {
    expect(deadlineInstant('2024-05-20').toISOString()).toBe('2024-05-20T21:59:59.999Z');
    expect(deadlineInstant('2024-01-15').toISOString()).toBe('2024-01-15T22:59:59.999Z');
    // The night clocks go forward (31 March 2024) and back (27 October 2024).
    expect(deadlineInstant('2024-03-30').toISOString()).toBe('2024-03-30T22:59:59.999Z');
    expect(deadlineInstant('2024-03-31').toISOString()).toBe('2024-03-31T21:59:59.999Z');
    expect(deadlineInstant('2024-10-27').toISOString()).toBe('2024-10-27T22:59:59.999Z');
  });

  test('a date-time is taken as given; nonsense is named', () => {
    expect(deadlineInstant('2024-05-20T12:00:00+02:00').toISOString()).toBe('2024-05-20T10:00:00.000Z');
    expect(() => deadlineInstant('20. mai', ['timeline', 'deadline'])).toThrow(
      new DomainError('"20. mai" is not a date', ['timeline', 'deadline']),
    );
  });

  test('the latest of deadline, round-wide extension and own extension holds', () => {
    const d = (s: string) => new Date(s);
    expect(effectiveDeadline(null, null, null)).toBeNull();
    expect(effectiveDeadline(d('2024-05-20'), null, null)).toEqual(d('2024-05-20'));
    expect(effectiveDeadline(d('2024-05-20'), d('2024-05-27'), null)).toEqual(d('2024-05-27'));
    expect(effectiveDeadline(d('2024-05-20'), d('2024-05-27'), d('2024-05-24'))).toEqual(d('2024-05-27'));
    expect(effectiveDeadline(d('2024-05-20'), d('2024-05-27'), d('2024-06-03'))).toEqual(d('2024-06-03'));
  });
});

describe('the timeline', () => {
  test('steps in the note order pass, partial timelines too', () => {
    expect(() =>
      checkTimeline({
        draft_sent: '2022-05-02',
        information_meeting: '2022-05-10',
        sent_out: '2022-05-16',
        deadline: '2022-06-10',
        extended_deadline: '2022-06-24',
      }),
    ).not.toThrow();
    expect(() => checkTimeline({ deadline: '2022-06-10' })).not.toThrow();
  });

  test('an extension before the deadline or a meeting after sending out is refused, by step', () => {
    expect(() => checkTimeline({ deadline: '2022-06-10', extended_deadline: '2022-06-01' })).toThrow(
      new DomainError('extended_deadline 2022-06-01 comes before deadline', [
        'timeline',
        'extended_deadline',
      ]),
    );
    expect(() => checkTimeline({ information_meeting: '2022-05-20', sent_out: '2022-05-16' })).toThrow(
      /sent_out 2022-05-16 comes before information_meeting/,
    );
  });
});
