import { expect, test } from 'vitest';
import { toCsv } from './csv.ts';

test('writes a header and rows, quoting what needs it', () => {
  const csv = toCsv(
    ['category', 'count', 'share'],
    [
      { category: 'AMBULANT', count: 20, share: 86.9 },
      { category: 'Øvrige, "andre"', count: 0, share: null },
    ],
  );
  expect(csv).toBe('category,count,share\r\nAMBULANT,20,86.9\r\n"Øvrige, ""andre""",0,\r\n');
});

test('an empty table is its header', () => {
  expect(toCsv(['level', 'count'], [])).toBe('level,count\r\n');
});
