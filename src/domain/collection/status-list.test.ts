import { describe, expect, test } from 'vitest';
import { readSubmitter, responseStatus } from './status-list.ts';

describe('where a unit stands, and who submitted', () => {
  test('from its versions and submissions', () => {
    expect(responseStatus(0, 0)).toBe('not_started');
    expect(responseStatus(3, 0)).toBe('draft');
    expect(responseStatus(2, 1)).toBe('submitted');
    expect(responseStatus(5, 2)).toBe('resubmitted');
  });

  test('the stored submitter: texts kept, empty or missing parts null, anything else none', () => {
    expect(readSubmitter({ name: 'Kari', email: 'kari@hamar.kommune.no', phone: '' })).toEqual({
      name: 'Kari',
      email: 'kari@hamar.kommune.no',
      phone: null,
    });
    expect(readSubmitter(null)).toEqual({ name: null, email: null, phone: null });
    expect(readSubmitter({ name: 7 })).toEqual({ name: null, email: null, phone: null });
  });
});
