import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ChartOfAccounts, parseChart, parseCodeFile } from './chart.ts';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../data/accounts/${name}`, import.meta.url), 'utf8')) as unknown;
const data = parseChart(read('chart-of-accounts.json'), 'chart-of-accounts.json');
const chart = new ChartOfAccounts(
  data,
  new Map([...new Set(data.periods.map((p) => p.file))].map((f) => [f, parseCodeFile(read(f), f)])),
);

describe('the chart of accounts by year', () => {
  test.each([
    [2019, ['254'], ['257', '258']],
    [2023, ['254'], ['257', '258']],
    [2024, ['257', '258'], ['254']],
    [2026, ['257', '258'], ['254']],
  ])('%i: functions %j valid, %j not', (year, valid, invalid) => {
    const codes = chart.codeList(year);
    for (const f of valid) expect(codes.functions.has(f)).toBe(true);
    for (const f of invalid) expect(codes.functions.has(f)).toBe(false);
  });

  test('art 270 until 2025, 271 and 272 from 2026', () => {
    expect(chart.codeList(2025).arts.has('270')).toBe(true);
    expect(chart.codeList(2026).arts.has('270')).toBe(false);
    expect([...chart.codeList(2026).arts].filter((a) => a === '271' || a === '272')).toEqual(['271', '272']);
  });

  test('a survey of function 254 splits 257 and 258 on 2024 data', () => {
    expect(chart.successors('254', 2023)).toEqual(['254']);
    expect(chart.successors('254', 2024)).toEqual(['257', '258']);
    expect(chart.successors('253', 2024)).toEqual(['253']);
  });

  test("the function texts and the working group's proposals as dated changes", () => {
    expect(data.functions['258']).toMatchObject({ valid_from: 2024 });
    expect(chart.changesOf('254').map((c) => [c.id, c.status])).toEqual([
      ['f254-split', 'enacted'],
      ['wg-2021-bpa-betegnelse', 'proposed'],
    ]);
    expect(chart.changesOf('253').map((c) => c.id)).toEqual(['wg-2021-rusinstitusjoner']);
    expect(chart.changesOf('234').map((c) => c.text)).toEqual([expect.stringContaining('velferdsteknologi')]);
  });

  test('a year before the chart is named', () => {
    expect(() => chart.codeList(2010)).toThrow('year: no chart of accounts for 2010');
  });
});
