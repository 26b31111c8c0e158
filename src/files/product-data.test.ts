import { expect, test } from 'vitest';
import { loadMunicipalities, loadMunicipalityReforms, loadSurveyDefinition } from './product-data.ts';

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
