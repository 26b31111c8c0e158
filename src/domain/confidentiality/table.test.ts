import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors.ts';
import { primarySuppression } from './primary.ts';
import { buildTable } from './table.ts';
import { cellAt, twoWay } from './testing.ts';

describe('the table model', () => {
  test('every combination of a code or the total per dimension that matches a row is a cell', () => {
    const table = twoWay([
      [10, 2],
      [7, 0],
    ]);
    expect(table.cells).toHaveLength(9);
    expect(table.innerCount).toBe(4);
    expect(cellAt(table, null, null)).toMatchObject({ value: 19, frequency: 19 });
    expect(cellAt(table, 'a1', null)).toMatchObject({ value: 12 });
    expect(cellAt(table, null, 'b2')).toMatchObject({ value: 2 });
    expect([...cellAt(table, null, 'b1').inner]).toHaveLength(2);
  });

  test('a municipality sums both to its county and to its group: two hierarchies on one dimension', () => {
    const rows = [
      ['0301', '03', 'ASSS', 5],
      ['3401', '34', 'G08', 7],
      ['3403', '34', 'ASSS', 4],
    ] as const;
    const table = buildTable(
      [{ name: 'region', columns: ['region', 'fylke', 'kostragr'] }],
      rows.map(([region, fylke, kostragr, n]) => ({
        codes: { region, fylke, kostragr },
        value: n,
        frequency: n,
      })),
    );
    const byCode = (column: string, code: string) =>
      table.cells.find((c) => c.codes[0]?.column === column && c.codes[0].code === code)!;
    expect(table.cells).toHaveLength(1 + 3 + 2 + 2);
    expect(byCode('fylke', '34').value).toBe(11);
    expect(byCode('kostragr', 'ASSS').value).toBe(9);
    expect(table.cells.find((c) => c.codes[0] === null)!.value).toBe(16);
  });

  test('a row without a code is refused, naming the row and the column', () => {
    expect(() =>
      buildTable(
        [{ name: 'A', columns: ['a'] }],
        [
          { codes: { a: 'x' }, value: 1, frequency: 1 },
          { codes: {}, value: 1, frequency: 1 },
        ],
      ),
    ).toThrow(new DomainError('no code for column a', ['row 2', 'a']));
  });
});

describe('primary suppression rules', () => {
  const table = buildTable(
    [{ name: 'group', columns: ['group'] }],
    [
      { codes: { group: 'g1' }, value: 900, frequency: 1, contributor: 'x' },
      { codes: { group: 'g1' }, value: 50, frequency: 1, contributor: 'y' },
      { codes: { group: 'g1' }, value: 50, frequency: 1, contributor: 'z' },
      { codes: { group: 'g2' }, value: 0, frequency: 0, contributor: 'w' },
      { codes: { group: 'g3' }, value: 400, frequency: 6, contributor: 'v', flagged: true },
      { codes: { group: 'g4' }, value: 300, frequency: 9, contributor: 'u' },
      { codes: { group: 'g4' }, value: 300, frequency: 9, contributor: 't' },
    ],
  );
  const group = (code: string) => table.cells.findIndex((c) => c.codes[0]?.code === code);
  test.each([
    ['frequency at most 3', { kind: 'frequency', maxN: 3, protectZeros: true } as const, ['g1', 'g2']],
    ['zeros not protected', { kind: 'frequency', maxN: 3, protectZeros: false } as const, ['g1']],
    ['dominance (1, 85)', { kind: 'dominance', n: 1, k: 85 } as const, ['g1', 'g3']],
    ['dominance (2, 95): 950 of 1000 is not more', { kind: 'dominance', n: 2, k: 95 } as const, ['g3', 'g4']],
    ['the fewer-than-five box', { kind: 'flagged' } as const, ['g3']],
  ])('%s', (_, rule, expected) => {
    const decisions = primarySuppression(table, [rule]);
    const primary = ['g1', 'g2', 'g3', 'g4'].filter((g) => decisions[group(g)]!.primary);
    expect(primary).toEqual(expected);
    for (const g of expected) expect(decisions[group(g)]!.reasons).toEqual([rule.kind]);
  });
});
