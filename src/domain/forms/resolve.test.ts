import { describe, expect, test } from 'vitest';
import lists from '../../../data/forms/code-lists.json' with { type: 'json' };
import skjema1 from '../../../data/forms/kostra-skjema-1.json' with { type: 'json' };
import { parseCodeLists, parseFormDefinition } from './check.ts';
import { bandLabels, resolveForm, type ResolvedItem } from './resolve.ts';
import { whatsNew } from './whats-new.ts';

const shared = parseCodeLists(lists, 'code-lists.json');
const definition = parseFormDefinition(skjema1, 'kostra-skjema-1.json', shared);
const resolved = (year: number) => resolveForm(definition, year, shared);
const grid = (item: ResolvedItem | undefined) => {
  if (item?.kind !== 'grid') throw new Error('not a grid');
  return item;
};

describe('skjema 1 resolved by årgang', () => {
  test('«Leger uten avtale» is asked in 2019, gone in 2020, back in 2021 with its narrower scope', () => {
    const rows = (year: number) => grid(resolved(year).items.get('p2_1')).rows;
    expect(rows(2019).map((r) => r.code)).toEqual(['LIS1', 'UTEN_AVTALE']);
    expect(rows(2020).map((r) => r.code)).toEqual(['LIS1']);
    const back = rows(2021).find((r) => r.code === 'UTEN_AVTALE')!;
    expect(back.note?.nb).toBe('bare leger uten avtale som kommunen finansierer, ikke helprivate');
    expect(back.guidance?.nb).toContain('Helprivate leger');
    expect(rows(2019).find((r) => r.code === 'UTEN_AVTALE')!.note?.nb).toBe('alle leger uten avtale');
  });

  test('«Turnuslege» until 2020, both names in 2021', () => {
    const lis1 = (year: number) => grid(resolved(year).items.get('p2_1')).rows[0]!.labels;
    expect(lis1(2020)).toEqual({ nb: 'Turnuslege', nn: 'Turnuslege', en: 'Intern (turnuslege)' });
    expect(lis1(2021).nb).toBe('Lege i spesialisering 1 (LIS1) / turnuslege');
  });

  test('the slot bands move from 40 to 50 % in 2021, written from their numbers in each language', () => {
    const bands = (year: number) => grid(resolved(year).items.get('p3_2')).rows.map((r) => r.labels);
    expect(bands(2020)).toEqual([
      {
        nb: 'f.o.m. 20 % opptil 40 % (deltidshjemler)',
        nn: 'f.o.m. 20 % opp til 40 % (deltidsheimlar)',
        en: 'from 20 % up to 40 % (part-time slots)',
      },
    ]);
    expect(bands(2021).map((b) => b.nb)).toEqual([
      'f.o.m. 20 % opptil 50 % (deltidshjemler)',
      'f.o.m. 50 % opptil 100 % (deltidshjemler)',
      '100 % (fulltidshjemler)',
    ]);
    expect(bands(2021).map((b) => b.nn)).toEqual([
      'f.o.m. 20 % opp til 50 % (deltidsheimlar)',
      'f.o.m. 50 % opp til 100 % (deltidsheimlar)',
      '100 % (fulltidsheimlar)',
    ]);
  });

  test('the frisklivssentral question is reworded in 2020; psychologists and COVID-19 are new in 2020', () => {
    expect(resolved(2019).items.get('p5_friskliv')!.labels.nb).toBe('Har kommunen frisklivssentral?');
    expect(resolved(2020).items.get('p5_friskliv')!.labels.nb).toBe(
      'Har kommunens innbyggere tilgang til frisklivssentral i egen eller annen kommune?',
    );
    for (const key of ['p7_psykolog', 'p7_malgrupper', 'p4_covid', 'p3_covid']) {
      expect(resolved(2019).items.has(key)).toBe(false);
      expect(resolved(2020).items.has(key)).toBe(true);
    }
    expect(resolved(2019).sections.map((s) => s.key)).not.toContain('del7');
  });

  test('the legevakt mapping is a module of 2021 only, opened by its entry question', () => {
    expect(resolved(2020).sections.map((s) => s.key)).not.toContain('legevakt');
    const section = resolved(2021).sections.find((s) => s.key === 'legevakt')!;
    expect(section.items.map((i) => i.key)).toEqual([
      'lv_kan_rapportere',
      'lv_timer',
      'lv_interkommunal',
      'lv_fordeling',
      'lv_rontgen',
    ]);
    expect(section.items[1]!.shown_if).toEqual({ item: 'lv_kan_rapportere', equals: true });
  });

  test('the partners of punkt 4-4 change in 2021', () => {
    const options = (year: number) => {
      const item = resolved(year).items.get('p4_4');
      return item?.kind === 'multiple_choice' ? item.options.map((o) => o.code) : [];
    };
    expect(options(2020)).toEqual(['ANDRE_SYKEHUSAVDELINGER', 'ANNET']);
    expect(options(2021)).toEqual(['FODE_BARSEL']);
  });

  test('a year outside the definition is refused, naming the form and year', () => {
    expect(() => resolved(2022)).toThrow(
      'form kostra-skjema-1 for 2022, years: the form covers 2019–2021, not 2022',
    );
  });
});

describe('Nytt i årets skjema', () => {
  test('2021 against 2020: each dated change of the form, derived, and the decided ones', () => {
    const lines = whatsNew(definition, 2021, shared);
    const at = (path: string) => lines.filter((l) => l.path === path).map((l) => `${l.kind}: ${l.text.nb}`);
    expect(at('p2_1/rows/LIS1')).toEqual([
      'reworded: Antall avtalte timeverk av leger. Antall timer per uke.: Ny tekst: «Lege i spesialisering 1 (LIS1) / turnuslege» (var «Turnuslege»)',
    ]);
    expect(at('p2_1/rows/UTEN_AVTALE')).toEqual([
      'added: Antall avtalte timeverk av leger. Antall timer per uke.: Nytt: Leger uten avtale (bare leger uten avtale som kommunen finansierer, ikke helprivate)',
    ]);
    expect(lines.filter((l) => l.path.startsWith('p3_2/rows/')).map((l) => `${l.kind} ${l.path}`)).toEqual([
      'added p3_2/rows/P20_50',
      'added p3_2/rows/P50_100',
      'added p3_2/rows/P100',
      'removed p3_2/rows/P20_40',
    ]);
    expect(lines.filter((l) => l.kind === 'added' && !l.path.includes('/')).map((l) => l.path)).toEqual([
      'lv_kan_rapportere',
      'lv_timer',
      'lv_interkommunal',
      'lv_fordeling',
      'lv_rontgen',
    ]);
    // Decided changes are told; proposals are not news to a respondent.
    expect(lines.filter((l) => l.kind === 'decided').map((l) => l.text.nb)).toEqual([
      '«Turnuslege» heter nå «Lege i spesialisering 1 (LIS1)»; i 2021 brukes begge betegnelsene.',
      '«Leger uten avtale» er tilbake i punkt 2-1, men bare for leger kommunen finansierer.',
    ]);
  });

  test('2020 against 2019: the reworded question, the removed row and the new ones', () => {
    const lines = whatsNew(definition, 2020, shared);
    expect(lines.filter((l) => l.kind !== 'decided').map((l) => `${l.kind} ${l.path}`)).toEqual([
      'removed p2_1/rows/UTEN_AVTALE',
      'added p3_covid',
      'added p4_covid',
      'added p4_covid_arsverk',
      'reworded p5_friskliv',
      'added p7_psykolog',
      'added p7_malgrupper',
    ]);
    expect(lines.find((l) => l.path === 'p5_friskliv')!.text.nn).toBe(
      'Ny tekst: «Har innbyggjarane i kommunen tilgang til frisklivssentral i eigen eller annan kommune?» (var «Har kommunen frisklivssentral?»)',
    );
  });

  test('the first year of a definition has nothing to compare with', () => {
    expect(whatsNew(definition, 2019, shared)).toEqual([]);
  });
});

test('a band of one value, and an open band, read right in each language', () => {
  expect(bandLabels({ min: 100, max: 100, max_inclusive: true, unit: 'percent' })).toEqual({
    nb: '100 %',
    nn: '100 %',
    en: '100 %',
  });
  expect(bandLabels({ min: 12.5, max: null, max_inclusive: false, unit: 'percent' })).toEqual({
    nb: 'f.o.m. 12,5 %',
    nn: 'f.o.m. 12,5 %',
    en: '12.5 % or more',
  });
});
