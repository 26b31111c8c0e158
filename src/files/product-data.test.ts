import { expect, test } from 'vitest';
import {
  loadMunicipalities,
  loadMunicipalityReforms,
  loadPopulationAtEndOf,
  loadSurveyDefinition,
} from './product-data.ts';

test.each([
  [2018, undefined, undefined],
  [2019, 422, 'Snåase - Snåsa'],
  [2021, 356, 'Snåase - Snåsa'],
  [2023, 356, 'Snåase - Snåsa'],
  [2024, 357, 'Snåase - Snåsa'],
])('municipalities of %i: %s', async (year, count, snasa) => {
  const municipalities = await loadMunicipalities(year);
  expect(municipalities?.size).toBe(count);
  expect(municipalities?.get('5041')).toBe(snasa);
});

test('2019 has the codes of before the reform: 0402 Kongsvinger, not 3401', async () => {
  const municipalities = (await loadMunicipalities(2019))!;
  expect(municipalities.get('0402')).toBe('Kongsvinger');
  expect(municipalities.has('3401')).toBe(false);
  expect(municipalities.get('1850')).toBe('Tysfjord - Divtasvuodna');
});

test('a survey definition id that is not a plain name is refused', async () => {
  await expect(loadSurveyDefinition('../reference/size-groups')).rejects.toThrow(
    'is not a survey definition id',
  );
  await expect(loadSurveyDefinition('f999')).rejects.toThrow('data/surveys/f999.json');
});

test.each([
  [2019, 2020],
  [2023, 2024],
])(
  'the reforms lead every municipality of %i to one of %i, and every one there has a predecessor',
  async (from, to) => {
    const reforms = await loadMunicipalityReforms();
    const before = [...(await loadMunicipalities(from))!.keys()];
    const after = new Set((await loadMunicipalities(to))!.keys());
    const reached = new Set(before.flatMap((code) => reforms.toStructure(code, from, to)));
    expect([...reached].filter((code) => !after.has(code))).toEqual([]);
    expect([...after].filter((code) => !reached.has(code))).toEqual([]);
  },
);

test('the population a year is divided by: 1 January of the next year, summing to the national figure', async () => {
  // SSB 07459: 5 391 369 on 1 January 2021, 5 550 203 on 1 January 2024 (data/reference/population/).
  const end2020 = (await loadPopulationAtEndOf(2020))!;
  expect(end2020.size).toBe(356);
  expect([...end2020.values()].reduce((a, p) => a + p.total, 0)).toBe(5_391_369);
  expect(end2020.get('0301')).toEqual({ total: 697_010, age67plus: 77_979, age80plus: 21_713 });
  // The figures of 2023 are divided by 1 January 2024, in 2024's municipal structure (357).
  const end2023 = (await loadPopulationAtEndOf(2023))!;
  expect(end2023.size).toBe(357);
  expect([...end2023.values()].reduce((a, p) => a + p.total, 0)).toBe(5_550_203);
  for (const p of end2023.values()) expect(p.age80plus <= p.age67plus && p.age67plus <= p.total).toBe(true);
  expect(await loadPopulationAtEndOf(2018)).toBeUndefined();
  expect(await loadPopulationAtEndOf(2025)).toBeUndefined();
});
