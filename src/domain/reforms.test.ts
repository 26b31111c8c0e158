import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DomainError } from './errors.ts';
import { MunicipalityReforms } from './reforms.ts';

const reforms = MunicipalityReforms.parse(
  JSON.parse(
    readFileSync(new URL('../../data/reference/municipality-reforms.json', import.meta.url), 'utf8'),
  ),
  'municipality-reforms.json',
);

describe('municipal reforms', () => {
  test.each([
    ['Kongsvinger 2019 into the 2020 structure', '0402', 2019, 2020, ['3401']],
    ['Kongsvinger 2019 into 2024: unchanged since 2020', '0402', 2019, 2024, ['3401']],
    ['Halden 2022 into 2024 (Viken split)', '3001', 2022, 2024, ['3101']],
    ['Ålesund 2023 into 2024: split with Haram', '1507', 2023, 2024, ['1508', '1580']],
    ['Rana keeps its code with its Sámi name', '1833', 2022, 2024, ['1833']],
    ['Oslo: nothing happens', '0301', 2019, 2024, ['0301']],
    ['Jevnaker 2019 to Viken 2020, then Buskerud 2024', '0532', 2019, 2024, ['3236']],
    ['Bergen 2019 renumbered in Vestland', '1201', 2019, 2020, ['4601']],
    ['Finnøy merged into Stavanger, which keeps its code', '1141', 2019, 2020, ['1103']],
    ['Rømskog (Østfold) merged into Aurskog-Høland (Akershus)', '0121', 2019, 2020, ['3026']],
    ['Haram merged into Ålesund in 2020 and split out again in 2024', '1534', 2019, 2024, ['1508', '1580']],
    ['Tysfjord split between Narvik and Hamarøy', '1850', 2019, 2020, ['1806', '1875']],
    ['Snillfjord split three ways', '5012', 2019, 2020, ['5055', '5056', '5059']],
    ['Hattfjelldal keeps its code with its Sámi name', '1826', 2019, 2020, ['1826']],
  ])('%s', (_, code, from, to, expected) => {
    expect(reforms.toStructure(code, from, to)).toEqual(expected);
  });

  test('a split has no single successor: the error says so', () => {
    expect(() => reforms.successor('1507', 2023, 2024)).toThrow(
      new DomainError('1507 of 2023 was split into 1508, 1580 by 2024', ['1507']),
    );
    expect(reforms.successor('0402', 2019, 2024)).toBe('3401');
  });
});
