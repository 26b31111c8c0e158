import { expect, test } from 'vitest';
import { dueReminders } from './reminders.ts';

const deadline = new Date('2022-05-20T22:00:00Z');
const schedule = { daysBefore: [3, 1], daysAfter: [1] };

test.each([
  ['2022-05-17T21:59:00Z', [], []],
  ['2022-05-17T22:00:00Z', [], ['before-3']],
  ['2022-05-20T12:00:00Z', ['before-3'], ['before-1']],
  ['2022-05-22T08:00:00Z', [], ['before-3', 'before-1', 'after-1']],
  ['2022-05-22T08:00:00Z', ['before-3', 'before-1', 'after-1'], []],
])('at %s with %j sent, due: %j', (now, sent, due) => {
  expect(dueReminders(schedule, deadline, new Set(sent), new Date(now))).toEqual(due);
});
