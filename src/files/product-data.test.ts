import { expect, test } from 'vitest';
import { loadMunicipalities, loadSurveyDefinition } from './product-data.ts';

test.each([
  [2019, undefined, undefined],
  [2021, 356, 'Snåase - Snåsa'],
  [2023, 356, 'Snåase - Snåsa'],
  [2024, 357, 'Snåase - Snåsa'],
])('municipalities of %i: %s', async (year, count, snasa) => {
  const municipalities = await loadMunicipalities(year);
  expect(municipalities?.size).toBe(count);
  expect(municipalities?.get('5041')).toBe(snasa);
});

test('a survey definition id that is not a plain name is refused', async () => {
  await expect(loadSurveyDefinition('../reference/size-groups')).rejects.toThrow(
    'is not a survey definition id',
  );
  await expect(loadSurveyDefinition('f999')).rejects.toThrow('data/surveys/f999.json');
});
