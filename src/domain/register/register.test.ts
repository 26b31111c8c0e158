import { describe, expect, it } from 'vitest';
import { resolveForm } from '../forms/resolve.ts';
import { parseFormDefinition } from '../forms/check.ts';
import { responsibleFor, unitsOfPopulation } from './population.ts';
import { parseRegisterFile, RegisterFileError } from './register-file.ts';
import { registerAnswers, registerCorrections } from './register-prefill.ts';
import { syntheticRegister } from './synthetic-register.ts';
import { isOrgNumber } from './org-number.ts';
import type { RegisterUnit } from './unit.ts';

const HEADER =
  'organisasjonsnummer,navn,overordnetEnhet,beliggenhetsadresse.adresse,beliggenhetsadresse.postnummer,' +
  'beliggenhetsadresse.poststed,beliggenhetsadresse.kommunenummer,naeringskode1.kode,' +
  'institusjonellSektorkode.kode,nedleggelsesdato,betjener_kommunenummer';

const municipalities = new Map([
  ['0301', 'Oslo'],
  ['4601', 'Bergen'],
  ['5001', 'Trondheim'],
  ['1811', 'Bindal'],
]);
const sn2025Of = new Map([
  ['87.102', '87.102'],
  ['88.101', '88.101'],
]);

describe('a register file', () => {
  it('reads establishments with their owner from the sector, closed by the extract day', () => {
    const text = [
      HEADER,
      '974760673,Sykehjemmet,971526920,Gata 1,5003,BERGEN,4601,87.102,6500,,',
      '971526920,Privat omsorg AS,,Veien 2,7010,TRONDHEIM,5001,88.101,2100,2020-06-30,1811',
    ].join('\n');
    const extract = parseRegisterFile(text, 'er.csv', '2020-12-31');
    expect(extract.synthetic).toBe(false);
    expect(extract.units).toEqual([
      expect.objectContaining({
        orgNumber: '974760673',
        ownership: 'municipal',
        status: 'active',
        serves: '4601',
      }),
      expect.objectContaining({
        orgNumber: '971526920',
        ownership: 'private_commercial',
        status: 'closed',
        serves: '1811',
        parent: null,
      }),
    ]);
    // The same unit, read on a day before it closed, is active.
    expect(parseRegisterFile(text, 'er.csv', '2020-06-29').units[1]!.status).toBe('active');
  });

  it('names every problem with its line and column, and keeps nothing', () => {
    const text = [
      HEADER,
      '974760674,Feil siffer,,Gata 1,5003,BERGEN,4601,87.102,6500,,',
      '974760673,,,Gata 1,503,BERGEN,9999,87102,65,31.12.2020,',
      '974760673,To ganger,,Gata 1,5003,BERGEN,4601,87.102,7000,,',
    ].join('\n');
    let error: unknown;
    try {
      parseRegisterFile(text, 'er.csv', '2020-12-31', new Set(municipalities.keys()));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegisterFileError);
    expect((error as RegisterFileError).problems).toEqual([
      'line 2, organisasjonsnummer: 974760674 fails the modulus-11 check of its last digit',
      'line 3, navn: empty',
      'line 3, beliggenhetsadresse.postnummer: "503" is not four digits',
      'line 3, beliggenhetsadresse.kommunenummer: 9999 is not a municipality on 2020-12-31',
      'line 3, naeringskode1.kode: "87102" is not an industry code NN.NNN',
      'line 3, institusjonellSektorkode.kode: "65" is not an institutional sector code',
      'line 3, nedleggelsesdato: "31.12.2020" is not a date YYYY-MM-DD',
      'line 4, organisasjonsnummer: 974760673 is on line 3 too',
    ]);
    expect((error as Error).message).toMatch(/^er\.csv: 8 problem\(s\):\nline 2/);
  });

  it('refuses a file without the columns it needs', () => {
    expect(() => parseRegisterFile('organisasjonsnummer,navn\n974760673,X', 'er.csv', '2020-12-31')).toThrow(
      /line 1: no column beliggenhetsadresse.adresse/,
    );
  });
});

describe('the synthetic register', () => {
  const spec = {
    seed: 7,
    municipalities,
    institutions: 40,
    homeCare: 60,
    fixed: { '4601': { institutions: 20, homeCare: 180 } },
    validOn: '2020-12-31',
    sn2025Of,
  };

  it('is the same for the same seed, says it is synthetic, and reads back without a problem', () => {
    const text = syntheticRegister(spec);
    expect(syntheticRegister(spec)).toBe(text);
    expect(syntheticRegister({ ...spec, seed: 8 })).not.toBe(text);
    const extract = parseRegisterFile(text, 'synthetic.csv', spec.validOn, new Set(municipalities.keys()));
    expect(extract.synthetic).toBe(true);
    // The fixed municipality has its own units, the rest are spread over the others.
    expect(extract.units).toHaveLength(20 + 180 + 20 + 0);
    expect(extract.units.filter((u) => u.municipality === '4601')).toHaveLength(200);
    expect(extract.units.every((u) => u.name.startsWith('Syntetisk') && isOrgNumber(u.orgNumber))).toBe(true);
    expect(new Set(extract.units.map((u) => u.ownership))).toEqual(
      new Set(['municipal', 'private_commercial', 'non_profit']),
    );
    expect(extract.units.some((u) => u.status === 'closed')).toBe(true);
  });
});

const unit = (over: Partial<RegisterUnit>): RegisterUnit => ({
  orgNumber: '974760673',
  name: 'Sykehjemmet',
  parent: null,
  street: 'Gata 1',
  postcode: '5003',
  place: 'BERGEN',
  municipality: '4601',
  serves: '4601',
  industrySn2007: '87.102',
  industrySn2025: null,
  status: 'active',
  ownership: 'municipal',
  startedOn: null,
  closedOn: null,
  ...over,
});

describe("a form's units from the register", () => {
  const population = {
    source: 'test',
    industries: [
      { standard: 'SN2007' as const, codes: ['87.102'] },
      { standard: 'SN2025' as const, codes: ['87.103'], years: [{ from: 2024 }] },
    ],
  };

  it('are the active units of its industries in the year, by organisation number', () => {
    const units = [
      unit({ orgNumber: '971526920' }),
      unit({ orgNumber: '974760673', status: 'closed' }),
      unit({ orgNumber: '911111111', industrySn2007: '88.101' }),
      unit({ orgNumber: '922222222', industrySn2007: null, industrySn2025: '87.103' }),
    ];
    expect(unitsOfPopulation(units, population, 2020).map((u) => u.orgNumber)).toEqual(['971526920']);
    expect(unitsOfPopulation(units, population, 2024).map((u) => u.orgNumber)).toEqual([
      '922222222',
      '971526920',
    ]);
  });
});

describe('register details on a form', () => {
  const form = resolveForm(
    parseFormDefinition(
      {
        id: 'register-test',
        title: { nb: 'T', nn: 'T', en: 'T' },
        unit_kinds: ['establishment'],
        years: { from: 2020, to: 2020 },
        source: 'test',
        code_lists: [
          {
            id: 'eierskap',
            labels: { nb: 'E', nn: 'E', en: 'E' },
            source: 'test',
            items: [
              { code: 'municipal', labels: { nb: 'K', nn: 'K', en: 'M' } },
              { code: 'non_profit', labels: { nb: 'I', nn: 'I', en: 'N' } },
            ],
          },
        ],
        sections: [
          {
            key: 's',
            labels: { nb: 'S', nn: 'S', en: 'S' },
            items: [
              {
                key: 'navn',
                kind: 'text',
                max_length: 100,
                labels: { nb: 'Navn', nn: 'Namn', en: 'Name' },
                prefill: { source: 'register', key: 'name' },
              },
              {
                key: 'eier',
                kind: 'single_choice',
                options: { code_list: 'eierskap' },
                labels: { nb: 'Eier', nn: 'Eigar', en: 'Owner' },
                prefill: { source: 'register', key: 'ownership' },
              },
            ],
          },
        ],
      },
      'test',
    ),
    2020,
  );

  it('start from the register and become a change list where the answer differs', () => {
    expect(registerAnswers(form, unit({}))).toEqual({ navn: 'Sykehjemmet', eier: 'municipal' });
    expect(registerCorrections(form, unit({}), { navn: ' Sykehjemmet ', eier: 'municipal' })).toEqual([]);
    expect(registerCorrections(form, unit({}), { navn: 'Bergen sykehjem', eier: 'non_profit' })).toEqual([
      { orgNumber: '974760673', attribute: 'name', registered: 'Sykehjemmet', reported: 'Bergen sykehjem' },
      { orgNumber: '974760673', attribute: 'ownership', registered: 'municipal', reported: 'non_profit' },
    ]);
    // An item left empty corrects nothing.
    expect(registerCorrections(form, unit({}), {})).toEqual([]);
  });

  it('are refused on a form of municipalities, or with an attribute the register has not', () => {
    const definition = (unitKind: string, key: string) => ({
      id: 'bad',
      title: { nb: 'T', nn: 'T', en: 'T' },
      unit_kinds: [unitKind],
      years: { from: 2020, to: 2020 },
      source: 'test',
      sections: [
        {
          key: 's',
          labels: { nb: 'S', nn: 'S', en: 'S' },
          items: [
            {
              key: 'navn',
              kind: 'text',
              max_length: 100,
              labels: { nb: 'Navn', nn: 'Namn', en: 'Name' },
              prefill: { source: 'register', key },
            },
          ],
        },
      ],
    });
    expect(() => parseFormDefinition(definition('establishment', 'colour'), 'bad.json')).toThrow(
      'bad.json, sections.0.items.0.prefill.key: a register prefill names an attribute: name, street,',
    );
    expect(() => parseFormDefinition(definition('municipality', 'name'), 'bad.json')).toThrow(
      'bad.json, sections.0.items.0.prefill: only a form of establishments or enterprises is prefilled from the register',
    );
  });
});

describe('who answers for a unit', () => {
  const population = {
    source: 'test',
    industries: [{ standard: 'SN2007' as const, codes: ['87.102'] }],
    enterprises_report: [{ from: 2024 }],
  };
  it("is the municipality it serves, and from 2024 a private unit's own enterprise", () => {
    const privat = unit({ ownership: 'private_commercial', parent: '971526920', serves: '1811' });
    expect(responsibleFor(privat, population, 2023)).toBe('1811');
    expect(responsibleFor(privat, population, 2024)).toBe('971526920');
    expect(responsibleFor({ ...privat, parent: null }, population, 2024)).toBe('974760673');
    expect(responsibleFor(unit({}), population, 2024)).toBe('4601');
  });
});
