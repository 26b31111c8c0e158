import { describe, expect, test } from 'vitest';
import { csvField, readCsv, writeCsv } from './csv.ts';

describe('the one CSV module', () => {
  test('reads quotes, a byte-order mark, CRLF and blank lines, with line numbers', () => {
    const text = '\uFEFFcode,name\r\n3401,"Kongsvinger, by"\r\n\r\n"5041","Snåase - ""Snåsa"""\r\n';
    expect(readCsv(text, 'x.csv')).toEqual([
      { fields: ['code', 'name'], number: 1 },
      { fields: ['3401', 'Kongsvinger, by'], number: 2 },
      { fields: ['5041', 'Snåase - "Snåsa"'], number: 4 },
    ]);
    expect(readCsv('a;b\n1;2\n', 'x.csv', { separator: 'detect' }).map((l) => l.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  test('a broken quote, or a record of another width where all must be alike, is named with the file and line', () => {
    expect(() => readCsv('a,b\n1,"2\n', 'contacts.csv')).toThrow(/^contacts\.csv/);
    expect(() => readCsv('a,b\n1,2,3\n', 'inner.csv', { sameColumns: true })).toThrow(
      /^inner\.csv, line 2: /,
    );
    expect(readCsv('a,b\n1,2,3\n', 'inner.csv')[1]!.fields).toEqual(['1', '2', '3']);
  });

  test('writes what it reads: quoting only where needed, the line end and BOM asked for', () => {
    const rows = [
      ['code', 'name'],
      ['3401', 'Kongsvinger, by'],
      ['5041', 'Snåase - "Snåsa"'],
      [1, null],
    ];
    const text = writeCsv(rows, { lineEnd: '\r\n', bom: true });
    expect(text).toBe('\uFEFFcode,name\r\n3401,"Kongsvinger, by"\r\n5041,"Snåase - ""Snåsa"""\r\n1,\r\n');
    expect(readCsv(text, 'x').map((l) => l.fields)).toEqual(
      rows.map((r) => r.map((f) => (f === null ? '' : String(f)))),
    );
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
  });
});
