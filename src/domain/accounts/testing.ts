import { ChartOfAccounts, type ChartData, type CodeFile } from './chart.ts';

/** A 48-character record from its fields, for tests: amounts right-aligned, minus before the digits. */
export function recordLine(fields: {
  skjema?: string;
  year?: string;
  quarter?: string;
  region?: string;
  orgnr?: string;
  foretaksnr?: string;
  kontoklasse?: string;
  function: string;
  art: string;
  amount: number | string;
}): string {
  return [
    fields.skjema ?? '0A',
    fields.year ?? '2022',
    fields.quarter ?? ' ',
    fields.region ?? '340100',
    (fields.orgnr ?? '').padEnd(9),
    (fields.foretaksnr ?? '').padEnd(9),
    fields.kontoklasse ?? '1',
    fields.function.padEnd(4),
    fields.art,
    String(fields.amount).padStart(9),
  ].join('');
}

/**
 * A clean accounting file of one municipality (no finding): on each function 1000 in wages and 100 in
 * sick-pay refunds (AGD10 900), depreciation of 50 on 120 with its counter-entry, tax income (400 a
 * function) and the block grant (200), other income to balance.
 */
export function cleanAccounts(year: number, region: string, functions: readonly string[]): string {
  const at = (fn: string, art: string, amount: number) =>
    recordLine({ year: String(year), region, function: fn, art, amount });
  return [
    ...functions.flatMap((fn) => [at(fn, '010', 1000), at(fn, '710', -100)]),
    at('120', '590', 50),
    at('860', '990', -50),
    at('800', '870', -(functions.length * 400)),
    at('840', '800', -(functions.length * 200)),
    at('120', '600', -(functions.length * 300)),
  ].join('\n');
}

const codes: CodeFile = {
  source: 'test',
  municipal_service_functions: ['120', '253', '254', '325'],
  municipal_financial_functions: ['800', '840', '841', '850', '860', '870', '880', '899'],
  county_functions_also_valid_for_oslo: ['510'],
  arts: [
    '010',
    '100',
    '270',
    '429',
    '520',
    '530',
    '570',
    '589',
    '590',
    '600',
    '690',
    '710',
    '729',
    '800',
    '870',
    '900',
    '910',
    '970',
    '980',
    '989',
    '990',
    '070',
  ],
  municipal_extra_arts: ['871'],
  arts_valid_only_in_operations: ['070', '590', '800', '870', '871', '990'],
  arts_valid_only_in_investment: ['970'],
};

/** A small chart of accounts: 254 until 2023, then 257 and 258. */
export function testChart(): ChartOfAccounts {
  const data: ChartData = {
    source: 'test',
    periods: [
      { valid_from: 2019, valid_to: 2023, file: 'codes.json', apply: [] },
      { valid_from: 2024, valid_to: null, file: 'codes.json', apply: ['f254-split'] },
    ],
    changes: [
      {
        id: 'f254-split',
        status: 'enacted',
        year: 2024,
        kind: 'split',
        dimension: 'function',
        from: '254',
        to: ['257', '258'],
        text: '',
      },
      {
        id: 'proposal',
        status: 'proposed',
        year: null,
        kind: 'move',
        dimension: 'function',
        from: '243',
        to: ['253'],
        text: '',
      },
    ],
    functions: {},
  };
  return new ChartOfAccounts(data, new Map([['codes.json', codes]]));
}
