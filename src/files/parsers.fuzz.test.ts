import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { controlAccountsFile } from '../app/control-accounts.ts';
import { buildTable } from '../domain/confidentiality/table.ts';
import { suppressTable } from '../domain/confidentiality/suppress.ts';
import { DomainError } from '../domain/errors.ts';
import { decodeUtf8 } from '../domain/text-encoding.ts';
import { fuzzParameters, mutated } from '../testing/fuzz.ts';
import { readInnerCsv } from './inner-csv.ts';
import { parseInvitedCsv } from './invited-csv.ts';
import { parseResponsesJson } from './responses-json.ts';
import { csvLines } from './simple-csv.ts';

/*
 * Every parser, fed seeded mutations of a valid input: it reads the input or refuses it with a DomainError
 * that names where (the file and a line or field). Anything else (a TypeError, a RangeError, a stack
 * overflow) is a crash. FUZZ_RUNS=10000 in bench/fuzz.bench.ts.
 */

/** Runs `parse`; a refusal must be a DomainError naming the file, anything else thrown fails. */
function readsOrRefuses(parse: () => unknown, file: string): boolean {
  try {
    parse();
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.where[0] === file && error.message.length > file.length + 2)
      return true;
    throw error;
  }
}

const INVITED = `code,name,size_group,asss,criteria,attended_meeting,meeting_participants,population_approx,kostra_2021_agd10,kostra_2021_agd4,kostra_2021_agd16,kostra_2021_agd2
0301,Oslo,ASSS,true,ASSS;KOSTRA_AG,false,0,699800,8023718,7238724,6537274,7413305
4601,Bergen,ASSS,true,ASSS;KOSTRA_AG,true,4,286900,3573694,3229347,3004959,3448854
3403,Hamar,20000+,false,KOSTRA_AG,true,2,32000,458000,420000,400000,440000
`;

const RESPONSES = JSON.stringify({
  survey: 'f254-pilot-2022',
  reference_year: 2021,
  unit: '1000 NOK',
  responses: [
    {
      municipality: '0301',
      submitted_at: '2022-05-14T10:19:00+02:00',
      tables: {
        business_types: {
          methods: ['RESPONSIBILITY'],
          rows: { AMBULANT: { fewer_than_5: false, amounts: { AGD10: 690919, AGD4: 628155, AGD16: null } } },
        },
      },
      comments: 'Fordelt etter ansvar',
    },
  ],
});

const INNER = `region,fylke,sex,freq,value
0301,03,k,3,120
0301,03,m,5,80
1103,11,k,1,10
1103,11,m,7,66
4601,46,k,2,40
4601,46,m,9,95
`;

const ACCOUNTS = [
  '0A20194040200                  1120 010    36328',
  '0A20194040200                  1121 010     4306',
  '0A20194040200                  2541 010   -12000',
  '0A20194040200                  2540 800      -10',
  '0A20194040200                  1850 800      -10',
  '0A20194040200                  8800 010      864',
].join('\r\n');

const text = (valid: string) => fc.oneof(mutated(valid), fc.string({ maxLength: 200 }));

describe('parsers refuse what they cannot read, naming where', () => {
  test('invited.csv', () => {
    const context = {
      file: 'invited.csv',
      referenceYear: 2021,
      sizeGroups: ['ASSS', '20000+', '<5000'],
      criteria: ['ASSS', 'KOSTRA_AG'],
      measures: ['AGD10', 'AGD4', 'AGD16', 'AGD2'],
    };
    fc.assert(
      fc.property(text(INVITED), (t) => readsOrRefuses(() => parseInvitedCsv(t, context), 'invited.csv')),
      fuzzParameters(),
    );
  });

  test('responses.json', () => {
    fc.assert(
      fc.property(text(RESPONSES), (t) =>
        readsOrRefuses(() => parseResponsesJson(t, 'responses.json'), 'responses.json'),
      ),
      fuzzParameters(),
    );
  });

  test('the staff CSV uploads', () => {
    fc.assert(
      fc.property(text('municipality,amount\n0301,12\n4601,-3\n'), (t) =>
        readsOrRefuses(() => csvLines(t, 'municipality', 'upload.csv'), 'upload.csv'),
      ),
      fuzzParameters(),
    );
  });

  test('the suppress CSV, through to the suppressed table', () => {
    fc.assert(
      fc.property(text(INNER), (t) =>
        readsOrRefuses(() => {
          const { dimensions, records } = readInnerCsv(
            t,
            { dimensions: ['region|fylke', 'sex'], frequency: 'freq', value: 'value' },
            'inner.csv',
          );
          suppressTable(buildTable(dimensions, records), {
            rules: [{ kind: 'frequency', maxN: 3, protectZeros: true }],
            method: 'gauss',
            weight: 'value',
            singletons: false,
          });
        }, 'inner.csv'),
      ),
      fuzzParameters(),
    );
  });

  test('text files in another encoding are refused with the line, never read mangled', () => {
    const latin1 = Buffer.from('code,name\n3403,Hamar\n5001,Trondheim - Tråante\n', 'latin1');
    expect(() => decodeUtf8(latin1, 'invited.csv')).toThrow(
      'invited.csv, line 3: the file is not UTF-8 text (saved in Latin-1 or Windows-1252?)',
    );
    expect(decodeUtf8(Buffer.from('\uFEFFcode\nTråante\n'), 'x.csv')).toBe('code\nTråante\n');
    expect(() => decodeUtf8(Buffer.from('a\nb\0'), 'x.csv')).toThrow(
      'x.csv, line 2: the file holds a NUL byte',
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) =>
        readsOrRefuses(() => decodeUtf8(bytes, 'f'), 'f'),
      ),
      fuzzParameters(),
    );
  });
});

describe('the accounting-file control', () => {
  test('reports on any bytes and never throws', async () => {
    const declared = { year: 2019, skjema: '0A', region: '040200', quarter: ' ' } as const;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutated(ACCOUNTS).map((t) => Buffer.from(t, 'latin1')),
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
        ),
        async (bytes) => {
          const result = await controlAccountsFile(bytes, declared);
          expect(result.report.records).toBeGreaterThanOrEqual(0);
        },
      ),
      fuzzParameters(),
    );
  });

  test('a record of 130 000 bytes is a finding on its length', async () => {
    const bytes = Buffer.from(`${ACCOUNTS}\r\n0A${'1'.repeat(130_000)}\r\n`, 'latin1');
    const result = await controlAccountsFile(bytes, {
      year: 2019,
      skjema: '0A',
      region: '040200',
      quarter: ' ',
    });
    expect(result.report.findings.find((f) => f.title === 'Recordlengde')?.message).toContain('130002');
  });
});
