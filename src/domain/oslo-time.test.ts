import { describe, expect, test } from 'vitest';
import { osloDateTime, osloShortDate } from './oslo-time.ts';

describe('dates as read in Norway', () => {
  test('dd.mm.åååå in Oslo time, whatever the zone the code runs in', () => {
    // 23:30 UTC on 14 January is already the 15th in Oslo; in summer Oslo is two hours ahead.
    expect(osloShortDate(new Date('2022-01-14T23:30:00Z'))).toBe('15.01.2022');
    expect(osloShortDate(new Date('2024-05-20T21:59:59Z'))).toBe('20.05.2024');
    expect(osloDateTime(new Date('2024-05-20T12:03:00Z'))).toBe('20.05.2024 kl. 14:03');
    expect(osloDateTime(new Date('2024-12-31T23:05:00Z'))).toBe('01.01.2025 kl. 00:05');
  });
});
