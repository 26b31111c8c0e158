import { describe, expect, test } from 'vitest';
import { statbankFaults } from './statbank-check.ts';
import { parseStatbankDescription, type StatbankDescription } from './statbank-description.ts';
import { loadFileText, statbankLoadFiles, statbankNumber, type LoadFile } from './statbank-load.ts';
import { testDataset } from './testing.ts';

/*
 * Cases from statisticsnorway/dapla-statbank-client (commit 54960c8): its fake table 10000
 * (tests/conftest.py) and table 03629 "Konflikt" (tests/test_suppression_ignore.py), as load files.
 */

const time = { Klassifikasjonsvariabel: 'Tid', Variabeltext: 'tid', Kodeliste_id: '-' };
const yearFormat = 'Tidsperioden for tabelldataene, enhet = år, format = åååå';
const statistic = (kolonnenummer: string, Text: string, decimals: string) => ({
  kolonnenummer,
  Text,
  Enhet: 'personer',
  Antall_lagrede_desimaler: decimals,
  Antall_viste_desimaler: decimals,
});

/** conftest.py: `fake_get_response_uttrekksbeskrivelse_successful`. */
const table10000 = parseStatbankDescription(
  {
    source: 'dapla-statbank-client tests/conftest.py',
    table: 'T10000',
    contents: { '3': 'A0', '4': 'A1' },
    filbeskrivelse: {
      Uttaksbeskrivelse_lagd: '29.09.2022 klokka 18:51',
      base: 'DB1T',
      TabellId: '10000',
      Huvudtabell: 'HovedTabellNavn',
      DeltabellTitler: [{ Filnavn: 'delfil1.dat', Filtext: '10000: Fake table' }],
      deltabller: [
        {
          deltabell: 'delfil1.dat',
          variabler: [
            {
              kolonnenummer: '1',
              Klassifikasjonsvariabel: 'Kodeliste1',
              Variabeltext: 'kodeliste1',
              Kodeliste_id: 'Kodeliste1',
              Kodeliste_text: 'Kodeliste 1',
            },
            { kolonnenummer: '2', ...time, Kodeliste_text: yearFormat },
          ],
          statistikkvariabler: [statistic('3', 'Antall', '0'), statistic('4', 'Antall', '1')],
          eksempel_linje: '01;2022;100',
        },
      ],
      kodelister: [
        {
          kodeliste: 'Kodeliste1',
          SumIALtTotalKode: '999',
          koder: [
            { kode: '999', text: 'i alt' },
            { kode: '01', text: 'Kode1' },
            { kode: '02', text: 'Kode2' },
          ],
        },
      ],
    },
  },
  'conftest.py',
);

/** test_suppression_ignore.py: `fake_uttrekksbeskrivelse_successful` (table 03629, three suppression columns). */
const table03629: StatbankDescription = parseStatbankDescription(
  {
    source: 'dapla-statbank-client tests/test_suppression_ignore.py',
    table: 'T03629',
    contents: { '2': 'K', '3': 'A', '4': 'D' },
    filbeskrivelse: {
      Uttaksbeskrivelse_lagd: '21.01.2025 klokka 08:42',
      base: 'PROD',
      TabellId: '03629',
      Huvudtabell: 'Konflikt',
      DeltabellTitler: [{ Filnavn: 'konflikt1.dat', Filtext: '03629: Arbeidskonfliktar' }],
      deltabller: [
        {
          deltabell: 'konflikt1.dat',
          variabler: [{ kolonnenummer: '1', ...time, Kodeliste_text: yearFormat }],
          statistikkvariabler: [
            statistic('2', 'Arbeidskonfliktar', '0'),
            statistic('3', 'Arbeidstakarar i arbeidskonflikt', '0'),
            statistic('4', 'Tapte arbeidsdagar', '0'),
          ],
          null_prikk_missing: [
            { kolonnenummer: '5', gjelder_for_text: 'Konflikter', gjelder_for__kolonner_nummer: '2' },
            { kolonnenummer: '6', gjelder_for_text: 'Arbeidstakarar', gjelder_for__kolonner_nummer: '3' },
            { kolonnenummer: '7', gjelder_for_text: 'TapteArbeidsdagar', gjelder_for__kolonner_nummer: '4' },
          ],
          eksempel_linje: '2021;10;100;1000;;;',
        },
      ],
      null_prikk_missing_kodeliste: [
        { Kode: '01', Vises_som: '.', Beskrivelse: 'Ikke mulig å oppgi tall. Tall finnes ikke.' },
        { Kode: '02', Vises_som: '..', Beskrivelse: 'Tallgrunnlag mangler.' },
        { Kode: '04', Vises_som: ':', Beskrivelse: 'Vises ikke av konfidensialitetshensyn.' },
      ],
      kodelister: [],
    },
  },
  'test_suppression_ignore.py',
);

/** A load file from columns, as the client's DataFrames are given (column by column). */
const file = (filename: string, columns: string[][]): LoadFile => ({
  filename,
  rows: columns[0]!.map((_, r) => columns.map((c) => c[r]!)),
});

/** `fake_data_to_validate`: suppressed values deleted, NA and None sent as empty fields. */
const konflikt = {
  tid: ['2021', '2022', '2023', '2024'],
  konfliktar: ['10', '20', '30', '40'],
  arbeidstakarar: ['100', '', '', ''],
  dagar: ['1000', '2000', '3000', '4000'],
  s5: ['01', '02', '04', ''],
  s6: ['', '02', '04', '01'],
  s7: ['01', '', '', ''],
};
const konfliktFile = (change: Partial<typeof konflikt> = {}) => {
  const k = { ...konflikt, ...change };
  return [file('konflikt1.dat', [k.tid, k.konfliktar, k.arbeidstakarar, k.dagar, k.s5, k.s6, k.s7])];
};

describe("StatBank's client's checks of a transfer, on its own test cases", () => {
  test('table 10000: the fixture rounded as the client rounds it passes (test_client_validate_no_errors)', () => {
    const zero = [1.5, 2.5, 3.5].map((v) => statbankNumber(v, 0));
    const one = [1.15, 2.25, 3.35].map((v) => statbankNumber(v, 1));
    // The client's own expectation (test_round_data_1decimals) is 1,2 2,3 3,4: the number as written.
    expect(one).toEqual(['1,2', '2,3', '3,4']);
    expect(zero).toEqual(['2', '3', '4']);
    const files = [file('delfil1.dat', [['999', '01', '02'], ['2022', '2022', '2000'], zero, one])];
    expect(statbankFaults(table10000, files)).toEqual([]);
  });

  test('a decimal point passes for the comma; too many decimals do not (test_check_round_data_manages_punctum…)', () => {
    const base = [
      ['999', '01', '02'],
      ['2022', '2022', '2000'],
      ['2', '2', '4'],
    ];
    expect(statbankFaults(table10000, [file('delfil1.dat', [...base, ['1.2', '2.3', '3.4']])])).toEqual([]);
    expect(statbankFaults(table10000, [file('delfil1.dat', [...base, ['1.15', '2.25', '3.35']])])).toEqual([
      'delfil1.dat, column 4: "1.15" is not rounded to 1 decimals',
    ]);
  });

  test('table 03629: withheld values are not checked, their codes are (test_validate_suppressed_cells)', () => {
    expect(statbankFaults(table03629, konfliktFile())).toEqual([]);
    // test_validate_raises_on_wrong_rounding: the unrounded 100.22 is withheld (02), so it passes.
    expect(statbankFaults(table03629, konfliktFile({ arbeidstakarar: ['100', '100.22', '', ''] }))).toEqual(
      [],
    );
    // test_validate_raises_on_na: a missing value the client sends empty.
    expect(statbankFaults(table03629, konfliktFile({ arbeidstakarar: ['', 'nan', '', ''] }))).toEqual([]);
  });

  test('a code that is no suppression code, and "nan" in a value shown, are refused (test_validate_raises_on_literal_nans_*)', () => {
    expect(statbankFaults(table03629, konfliktFile({ s7: ['01', '', ':', 'nan'] }))).toEqual([
      'konflikt1.dat, column 7: ":" is not a suppression code of the table',
    ]);
    expect(statbankFaults(table03629, konfliktFile({ arbeidstakarar: ['nan', 'nan', '', ''] }))).toEqual([
      'konflikt1.dat, column 3: "nan" is not a number',
      'konflikt1.dat, column 3: "nan" stands for an empty cell',
    ]);
  });

  test('codes outside the code list, times off the format, doubled rows, columns and parts that do not fit', () => {
    const rows = (codes: string[], times: string[]) =>
      file('delfil1.dat', [codes, times, codes.map(() => '1'), codes.map(() => '1,0')]);
    expect(statbankFaults(table10000, [rows(['01', '03'], ['2022', '2022'])])).toEqual([
      'delfil1.dat, column 1: codes not in code list Kodeliste1: 03',
    ]);
    expect(statbankFaults(table10000, [rows(['01', '02'], ['2022', '22'])])).toEqual([
      'delfil1.dat, column 2: time "22" does not match the format åååå',
    ]);
    expect(statbankFaults(table10000, [rows(['01', '01'], ['2022', '2022'])])).toEqual([
      'delfil1.dat: the codes 01;2022 come twice',
    ]);
    expect(statbankFaults(table10000, [file('delfil1.dat', [['01'], ['2022'], ['1']])])).toEqual([
      'delfil1.dat, line 1: 3 columns, the description has 4',
    ]);
    expect(statbankFaults(table10000, [{ ...rows(['01'], ['2022']), filename: 'delfil2.dat' }])).toEqual([
      'the table has the parts delfil1.dat; the files are delfil2.dat',
    ]);
  });
});

describe('StatBank load files from a published table', () => {
  const dataset = testDataset(
    [
      { code: '999', label: 'i alt' },
      { code: '01', label: 'Kode1' },
    ],
    [
      { code: 'A0', label: 'Antall' },
      { code: 'A1', label: 'Antall' },
    ],
    { values: [10, 1.25, null, null], status: [null, null, ':', '..'] },
  );
  const dimensions = dataset.dimensions.map((d) => (d.id === 'Region' ? { ...d, id: 'Kodeliste1' } : d));
  const description = (() => {
    const f = structuredClone(table03629.filbeskrivelse);
    f.deltabller[0]!.variabler = [
      { ...table10000.filbeskrivelse.deltabller[0]!.variabler[0]! },
      { kolonnenummer: '2', ...time, Kodeliste_text: yearFormat },
    ];
    f.deltabller[0]!.statistikkvariabler = [statistic('3', 'Antall', '0'), statistic('4', 'Antall', '1')];
    f.deltabller[0]!.null_prikk_missing = [
      { kolonnenummer: '5', gjelder_for_text: 'A0', gjelder_for__kolonner_nummer: '3' },
      { kolonnenummer: '6', gjelder_for_text: 'A1', gjelder_for__kolonner_nummer: '4' },
    ];
    f.kodelister = table10000.filbeskrivelse.kodelister;
    return { source: 'test', table: 'T1', contents: { '3': 'A0', '4': 'A1' }, filbeskrivelse: f };
  })();

  test('variables, then the statistics rounded with a comma, then their suppression codes; CRLF', () => {
    const files = statbankLoadFiles({ ...dataset, dimensions }, description);
    expect(files.map((f) => f.filename)).toEqual(['konflikt1.dat']);
    expect(files[0]!.rows).toEqual([
      ['999', '2021', '10', '1,3', '', ''],
      ['01', '2021', '', '', '04', '02'],
    ]);
    expect(statbankFaults(description, files)).toEqual([]);
    expect(loadFileText(files[0]!)).toBe('999;2021;10;1,3;;\r\n01;2021;;;04;02\r\n');
  });

  test('a code outside the code list, a measure or a symbol the description lacks, are named', () => {
    const renamed = dimensions.map((d) =>
      d.id === 'Kodeliste1'
        ? {
            ...d,
            categories: [
              { code: '999', label: '' },
              { code: '07', label: '' },
            ],
          }
        : d,
    );
    expect(() => statbankLoadFiles({ ...dataset, dimensions: renamed }, description)).toThrow(
      'file description of T1, konflikt1.dat, column 1: code 07 is not in code list Kodeliste1',
    );
    expect(() =>
      statbankLoadFiles({ ...dataset, dimensions }, { ...description, contents: { '3': 'A0', '4': 'B' } }),
    ).toThrow('statistics variable in column 4 is not a measure of table T1 (B)');
    const noCodes = {
      ...description,
      filbeskrivelse: { ...description.filbeskrivelse, null_prikk_missing_kodeliste: [] },
    };
    expect(() => statbankLoadFiles({ ...dataset, dimensions }, noCodes)).toThrow(
      'no suppression code shown as ":"',
    );
    expect(() => statbankLoadFiles(dataset, description)).toThrow(
      'variable Kodeliste1 is not a classification of table T1',
    );
  });

  test('numbers rounded half away from zero as they read, never "-0"', () => {
    expect(statbankNumber(-2.5, 0)).toBe('-3');
    expect(statbankNumber(-0.04, 1)).toBe('0,0');
    expect(statbankNumber(1e21, 0)).toBe('1000000000000000000000');
    expect(statbankNumber(1.5e-7, 7)).toBe('0,0000002');
    expect(statbankNumber(12, 2)).toBe('12,00');
    expect(() => statbankNumber(Infinity, 0)).toThrow('Infinity is not a number StatBank can store');
  });
});
