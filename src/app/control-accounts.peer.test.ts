import { beforeAll, describe, expect, test } from 'vitest';
import type { ChartOfAccounts } from '../domain/accounts/chart.ts';
import { AccountsControl, type Finding } from '../domain/accounts/control.ts';
import type { ControlRule, ControlSeverity } from '../domain/accounts/control-rules.ts';
import type { Declared } from '../domain/accounts/record.ts';
import { recordLine } from '../domain/accounts/testing.ts';
import { loadChartOfAccounts, loadControlRules } from '../files/accounts-data.ts';
import { controlAccountsFile } from './control-accounts.ts';

/**
 * SSB's control program (statisticsnorway/kostra-kontrollprogram, commit c1f58486) as the reference: each
 * case is a test of its own, of the rule named, for the municipal skjema 0A/0B/0M/0N, made a whole file as a
 * municipality sends it and declares it. The expected findings of that rule are what the program gives the
 * whole file: its rule tests call a rule on records alone, so where such a test's record has the amount 0,
 * the file here has records that sum to 0 (the program drops a record whose amount is a lone 0 before any
 * rule: the cases under "dropped" hold that). Cases of other skjema (0C, 0I, 0K, 0P, 0X, 0Y) are the
 * program's but not this product's, and are left out.
 */

type Fields = Parameters<typeof recordLine>[0];
interface PeerCase {
  /** The program's test class and its case. */
  readonly peer: string;
  readonly declared?: Partial<Declared>;
  /** The records, each as the declared skjema, year, quarter and region unless it says otherwise. */
  readonly records: readonly Fields[];
  readonly rule: string;
  /** The severities of the rule's findings (one per finding); none: the program reports nothing. */
  readonly expect: readonly ControlSeverity[];
}

const YEAR = 2025;
const DECLARED: Declared = { skjema: '0A', year: YEAR, quarter: ' ', region: '420400' };

/** A record of kontoklasse, function (chapter), art (sector) and amount, other fields as `more` says. */
const r = (
  kontoklasse: string,
  fn: string,
  art: string,
  amount: number | string,
  more: Partial<Fields> = {},
) => ({
  kontoklasse,
  function: fn,
  art,
  amount,
  ...more,
});
const ops = (fn: string, art: string, amount: number | string, more?: Partial<Fields>) =>
  r('1', fn, art, amount, more);
const inv = (fn: string, art: string, amount: number | string, more?: Partial<Fields>) =>
  r('0', fn, art, amount, more);
const bal = (chapter: string, sector: string, amount: number | string) => r('2', chapter, sector, amount);
const Q1 = { quarter: '1' };
const Q4 = { quarter: '4' };
const OSLO_DISTRICT = { region: '030101' };
const BALANCE = { skjema: '0B' };
const M = { skjema: '0M' };
const N = { skjema: '0N' };
const m = (fn: string, art: string, amount: number) => r('3', fn, art, amount);
const mi = (fn: string, art: string, amount: number) => r('4', fn, art, amount);

const E: ControlSeverity = 'ERROR';
const W: ControlSeverity = 'WARNING';
const I: ControlSeverity = 'INFO';

const cases: PeerCase[] = [
  // Rule003SkjemaTest, Rule004AargangTest, Rule005KvartalTest, Rule006RegionTest: a record as declared passes.
  { peer: 'Rule003SkjemaTest: valid', rule: '003', records: [ops('100', '010', 1)], expect: [] },
  {
    peer: 'Rule003SkjemaTest: invalid',
    rule: '003',
    records: [ops('100', '010', 1, { skjema: '0C' })],
    expect: [E],
  },
  {
    peer: 'Rule003SkjemaTest: kvartal, valid',
    rule: '003',
    declared: Q1,
    records: [ops('100', '010', 1)],
    expect: [],
  },
  {
    peer: 'Rule004AargangTest: invalid',
    rule: '004',
    records: [ops('100', '010', 1, { year: '2024' })],
    expect: [E],
  },
  {
    peer: 'Rule005KvartalTest: invalid',
    rule: '005',
    records: [ops('100', '010', 1, { quarter: '2' })],
    expect: [E],
  },
  {
    peer: 'Rule006RegionTest: invalid',
    rule: '006',
    records: [ops('100', '010', 1, { region: '123400' })],
    expect: [E],
  },
  // Rule007OrganisasjonsnummerTest, Rule008ForetaksnummerTest (orgnr 987654321 declared).
  {
    peer: 'Rule007OrganisasjonsnummerTest: valid',
    rule: '007',
    declared: { orgnr: '987654321' },
    records: [ops('100', '010', 1, { orgnr: '987654321' })],
    expect: [],
  },
  {
    peer: 'Rule007OrganisasjonsnummerTest: invalid',
    rule: '007',
    declared: { orgnr: '987654321' },
    records: [ops('100', '010', 1, { orgnr: '123456789' })],
    expect: [E],
  },
  {
    peer: 'KommuneKostraMainTest: 0A with a blank orgnr declared and in the records',
    rule: '007',
    records: [ops('100', '010', 1)],
    expect: [],
  },
  {
    peer: 'Rule008ForetaksnummerTest: valid (the organisation number)',
    rule: '008',
    declared: { orgnr: '987654321' },
    records: [ops('100', '010', 1, { orgnr: '987654321', foretaksnr: '987654321' })],
    expect: [],
  },
  {
    peer: 'Rule008ForetaksnummerTest: valid (blank)',
    rule: '008',
    declared: { orgnr: '987654321' },
    records: [ops('100', '010', 1, { orgnr: '987654321' })],
    expect: [],
  },
  {
    peer: 'Rule008ForetaksnummerTest: invalid',
    rule: '008',
    declared: { orgnr: '987654321' },
    records: [ops('100', '010', 1, { orgnr: '987654321', foretaksnr: '123456789' })],
    expect: [E],
  },
  // Rule009KontoklasseTest: 0 and 1 for 0A.
  {
    peer: 'Rule009KontoklasseTest: valid',
    rule: '009',
    records: [ops('100', '010', 1), inv('100', '010', 1)],
    expect: [],
  },
  { peer: 'Rule009KontoklasseTest: invalid', rule: '009', records: [r('3', '100', '010', 1)], expect: [E] },
  // Rule010FunksjonTest (its list made the year's: 100 valid, 999 not).
  {
    peer: 'Rule010FunksjonTest: 0B, function not checked',
    rule: '010',
    declared: BALANCE,
    records: [bal('10', '000', 1)],
    expect: [],
  },
  { peer: 'Rule010FunksjonTest: 0A, 999', rule: '010', records: [ops('999', '010', 1)], expect: [E] },
  { peer: 'Rule010FunksjonTest: 0A, 100', rule: '010', records: [ops('100', '010', 1)], expect: [] },
  {
    peer: 'Rule010FunksjonTest: 0A, quarter 1, 999',
    rule: '010',
    declared: Q1,
    records: [ops('999', '010', 1)],
    expect: [W],
  },
  {
    peer: 'Rule010FunksjonTest: 0A, quarter 1, 100',
    rule: '010',
    declared: Q1,
    records: [ops('100', '010', 1)],
    expect: [],
  },
  // KvartalKostraMain: 190 and 254 are expired but taken, with a warning (Rule010UtgattFunksjonTest).
  {
    peer: 'Rule010UtgattFunksjonTest: 0A, an expired function',
    rule: '010',
    declared: Q1,
    records: [ops('254', '010', 1)],
    expect: [W],
  },
  {
    peer: 'Rule010UtgattFunksjonTest: 0A, 999 (invalid, not expired)',
    rule: '010',
    declared: Q4,
    records: [ops('999', '010', 1)],
    expect: [E],
  },
  {
    peer: 'Rule010UtgattFunksjonTest: 0A, 100',
    rule: '010',
    declared: Q1,
    records: [ops('100', '010', 1)],
    expect: [],
  },
  {
    peer: 'KommuneKostraMain: no expired function in the annual program',
    rule: '010',
    records: [ops('254', '010', 1)],
    expect: [E],
  },
  // Rule011KapittelTest, Rule012ArtTest, Rule013SektorTest.
  { peer: 'Rule011KapittelTest: 0A, not checked', rule: '011', records: [ops('100', '010', 1)], expect: [] },
  {
    peer: 'Rule011KapittelTest: 0B, 999',
    rule: '011',
    declared: BALANCE,
    records: [bal('999', '000', 1)],
    expect: [E],
  },
  {
    peer: 'Rule011KapittelTest: 0B, 10',
    rule: '011',
    declared: BALANCE,
    records: [bal('10', '000', 1)],
    expect: [],
  },
  {
    peer: 'Rule011KapittelTest: 0B, quarter 1, 999',
    rule: '011',
    declared: { ...BALANCE, ...Q1 },
    records: [bal('999', '000', 1)],
    expect: [W],
  },
  {
    peer: 'Rule012ArtTest: 0B, not checked',
    rule: '012',
    declared: BALANCE,
    records: [bal('10', '999', 1)],
    expect: [],
  },
  { peer: 'Rule012ArtTest: 0A, 999', rule: '012', records: [ops('100', '999', 1)], expect: [E] },
  { peer: 'Rule012ArtTest: 0A, 010', rule: '012', records: [ops('100', '010', 1)], expect: [] },
  {
    peer: 'KvartalKostraMain: its art list is for the annual skjema only, so no art is checked in a quarter',
    rule: '012',
    declared: Q1,
    records: [ops('100', '999', 1)],
    expect: [],
  },
  { peer: 'Rule013SektorTest: 0A, not checked', rule: '013', records: [ops('100', '999', 1)], expect: [] },
  {
    peer: 'Rule013SektorTest: 0B, 999',
    rule: '013',
    declared: BALANCE,
    records: [bal('10', '999', 1)],
    expect: [E],
  },
  {
    peer: 'Rule013SektorTest: 0B, 890 (a sector of today)',
    rule: '013',
    declared: BALANCE,
    records: [bal('10', '890', 1)],
    expect: [],
  },
  {
    peer: 'Rule013SektorTest: 0B, quarter 1, 999',
    rule: '013',
    declared: { ...BALANCE, ...Q1 },
    records: [bal('10', '999', 1)],
    expect: [W],
  },
  // Rule014BelopTest.
  { peer: 'Rule014BelopTest: a number', rule: '014', records: [ops('100', '010', -12)], expect: [] },
  { peer: 'Rule014BelopTest: letters', rule: '014', records: [ops('100', '010', '12a')], expect: [E] },
  { peer: 'Rule014BelopTest: blank', rule: '014', records: [ops('100', '010', '')], expect: [E] },
  // Rule015DuplicatesTest: one finding per key with more than one amount.
  {
    peer: 'Rule015DuplicatesTest: no duplicates',
    rule: '015',
    records: [ops('100', '010', 1), ops('100', '020', 1)],
    expect: [],
  },
  {
    peer: 'Rule015DuplicatesTest: duplicates',
    rule: '015',
    records: [ops('100', '010', 1), ops('100', '010', 2)],
    expect: [W],
  },
  // Rule016KapittelFortegnTest.
  {
    peer: 'Rule016KapittelFortegnTest: 5900 positive',
    rule: '016',
    declared: BALANCE,
    records: [bal('5900', '000', 1)],
    expect: [],
  },
  {
    peer: 'Rule016KapittelFortegnTest: 5900 negative',
    rule: '016',
    declared: BALANCE,
    records: [bal('5900', '000', -1)],
    expect: [E],
  },
  {
    peer: 'Rule016KapittelFortegnTest: 5970 negative',
    rule: '016',
    declared: BALANCE,
    records: [bal('5970', '000', -1)],
    expect: [E],
  },
  {
    peer: 'Rule016KapittelFortegnTest: 5980 negative',
    rule: '016',
    declared: BALANCE,
    records: [bal('5990', '000', -1)],
    expect: [],
  },
  {
    peer: 'Rule016KapittelFortegnTest: 0A, not a balance',
    rule: '016',
    records: [ops('5900', '010', -1)],
    expect: [],
  },
  {
    peer: 'Rule016KapittelFortegnTest: every negative record of a chapter, not the first alone',
    rule: '016',
    declared: BALANCE,
    records: [bal('5900', '000', 5), bal('5900', '000', -1), bal('5900', '000', -2)],
    expect: [E],
  },
  // Rule020KombinasjonDriftKontoklasseFunksjonTest.
  {
    peer: 'Rule020…Test: annually, all conditions match',
    rule: '020',
    records: [ops('841', '010', 1)],
    expect: [E],
  },
  {
    peer: 'Rule020…Test: annually, isBevilgningDriftRegnskap = false',
    rule: '020',
    records: [inv('841', '010', 1)],
    expect: [],
  },
  {
    peer: 'Rule020…Test: annually, funksjon != 841',
    rule: '020',
    records: [ops('842', '010', 1)],
    expect: [],
  },
  { peer: 'Rule020…Test: annually, belop == 0', rule: '020', records: [ops('841', '010', '-0')], expect: [] },
  {
    peer: 'Rule020…Test: quarterly, all conditions match',
    rule: '020',
    declared: Q1,
    records: [ops('841', '010', 1)],
    expect: [W],
  },
  // Rule025KombinasjonDriftKontoklasseArtTest (0A and 0M; region 030101 in the test is Oslo's district).
  { peer: 'Rule025…Test: 0A, 010', rule: '025', records: [ops('100', '010', 1)], expect: [] },
  { peer: 'Rule025…Test: 0A, 280', rule: '025', records: [ops('100', '280', 1)], expect: [E] },
  { peer: 'Rule025…Test: 0A, 921', rule: '025', records: [ops('100', '921', 1)], expect: [E] },
  { peer: 'Rule025…Test: 0M, 280', rule: '025', declared: M, records: [m('100', '280', 1)], expect: [E] },
  { peer: 'Rule025…Test: 0M, 921', rule: '025', declared: M, records: [m('100', '921', 1)], expect: [E] },
  {
    peer: 'KommuneKostraMain: 0M of Oslo, Drammen, Bergen or Trøndelag may have art 921 in operations',
    rule: '025',
    declared: { ...M, region: '300500' },
    records: [m('100', '921', 1)],
    expect: [],
  },
  {
    peer: 'KommuneKostraMain: … but not 0A of them',
    rule: '025',
    declared: { region: '300500' },
    records: [ops('100', '921', 1)],
    expect: [E],
  },
  {
    peer: 'Rule025…Test: lånefond, art match, belop mismatch',
    rule: '025',
    records: [ops('100', '280', '-0')],
    expect: [],
  },
  {
    peer: 'KvartalKostraMain: its list, 910',
    rule: '025',
    declared: Q4,
    records: [ops('100', '910', 1)],
    expect: [E],
  },
  {
    peer: 'KvartalKostraMain: its list has no 280',
    rule: '025',
    declared: Q4,
    records: [ops('100', '280', 1)],
    expect: [],
  },
  // Rule030KombinasjonDriftKontoklasseArtTest.
  { peer: 'Rule030…Test: art match, belop match', rule: '030', records: [ops('100', '285', 1)], expect: [I] },
  { peer: 'Rule030…Test: not operations', rule: '030', records: [inv('100', '285', 1)], expect: [] },
  { peer: 'Rule030…Test: art mismatch', rule: '030', records: [ops('100', '284', 1)], expect: [] },
  { peer: 'Rule030…Test: belop mismatch', rule: '030', records: [ops('100', '285', '-0')], expect: [] },
  {
    peer: 'RegnskapValidator: 660 is illogical too',
    rule: '030',
    records: [ops('100', '660', -1)],
    expect: [I],
  },
  // Rule035KombinasjonDriftKontoklasseArtTest.
  {
    peer: 'Rule035…Test: isBevilgningDriftRegnskap = false',
    rule: '035',
    records: [inv('100', '520', 1)],
    expect: [],
  },
  { peer: 'Rule035…Test: belop = 0', rule: '035', records: [ops('100', '520', '-0')], expect: [] },
  { peer: 'Rule035…Test: art !in (520, 920)', rule: '035', records: [ops('281', '100', 1)], expect: [] },
  ...['281', '325', '701'].flatMap((fn) =>
    ['520', '920'].map((art) => ({
      peer: `Rule035…Test: art = ${art}, funksjon = ${fn}`,
      rule: '035',
      records: [ops(fn, art, 1)],
      expect: [],
    })),
  ),
  {
    peer: 'Rule035…Test: all conditions match, 520',
    rule: '035',
    records: [ops('100', '520', 1)],
    expect: [W],
  },
  {
    peer: 'Rule035…Test: all conditions match, 920',
    rule: '035',
    records: [ops('100', '920', -1)],
    expect: [W],
  },
  // Rule040KombinasjonInvesteringKontoklasseFunksjonTest.
  {
    peer: 'Rule040…Test: annually, funksjon match, belop match',
    rule: '040',
    records: [inv('800', '010', 1)],
    expect: [E],
  },
  {
    peer: 'Rule040…Test: annually, not investment',
    rule: '040',
    records: [ops('800', '010', 1)],
    expect: [],
  },
  {
    peer: 'Rule040…Test: annually, funksjon mismatch',
    rule: '040',
    records: [inv('801', '010', 1)],
    expect: [],
  },
  {
    peer: 'Rule040…Test: annually, belop mismatch',
    rule: '040',
    records: [inv('800', '010', '-0')],
    expect: [],
  },
  {
    peer: 'Rule040…Test: quarterly, funksjon match, belop match',
    rule: '040',
    declared: Q1,
    records: [inv('800', '010', 1)],
    expect: [W],
  },
  {
    peer: 'KvartalKostraMain: 850 is not in its list',
    rule: '040',
    declared: Q4,
    records: [inv('850', '010', 1)],
    expect: [],
  },
  {
    peer: 'KommuneKostraMain: 850 is in its list',
    rule: '040',
    records: [inv('850', '010', 1)],
    expect: [E],
  },
  // Rule045KombinasjonInvesteringKontoklasseFunksjonTest.
  {
    peer: 'Rule045…Test: funksjon match, belop match',
    rule: '045',
    records: [inv('100', '010', 1)],
    expect: [I],
  },
  { peer: 'Rule045…Test: not investment', rule: '045', records: [ops('100', '010', 1)], expect: [] },
  { peer: 'Rule045…Test: funksjon mismatch', rule: '045', records: [inv('101', '010', 1)], expect: [] },
  { peer: 'Rule045…Test: belop mismatch', rule: '045', records: [inv('100', '010', '-0')], expect: [] },
  // Rule050KombinasjonInvesteringKontoklasseArtTest.
  { peer: 'Rule050…Test: all conditions match', rule: '050', records: [inv('100', '990', -1)], expect: [E] },
  { peer: 'Rule050…Test: not investment', rule: '050', records: [ops('860', '990', -1)], expect: [] },
  { peer: 'Rule050…Test: art != 990', rule: '050', records: [inv('100', '991', -1)], expect: [] },
  { peer: 'Rule050…Test: belop == 0', rule: '050', records: [inv('100', '990', '-0')], expect: [] },
  {
    peer: 'KvartalKostraMain: 070 is not in its list',
    rule: '050',
    declared: Q4,
    records: [inv('100', '070', 1)],
    expect: [],
  },
  // Rule055KombinasjonInvesteringKontoklasseArtTest.
  { peer: 'Rule055…Test: all conditions match', rule: '055', records: [inv('100', '620', -1)], expect: [I] },
  { peer: 'Rule055…Test: not investment', rule: '055', records: [ops('100', '620', -1)], expect: [] },
  { peer: 'Rule055…Test: art != 620', rule: '055', records: [inv('100', '621', -1)], expect: [] },
  { peer: 'Rule055…Test: belop = 0', rule: '055', records: [inv('100', '620', '-0')], expect: [] },
  // Rule060KombinasjonInvesteringKontoklasseFunksjonArtTest.
  {
    peer: 'Rule060…Test: art, funksjon, belop matches',
    rule: '060',
    records: [inv('100', '729', -1)],
    expect: [E],
  },
  { peer: 'Rule060…Test: not investment', rule: '060', records: [ops('100', '729', -1)], expect: [] },
  { peer: 'Rule060…Test: art mismatch', rule: '060', records: [inv('100', '728', -1)], expect: [] },
  { peer: 'Rule060…Test: funksjon mismatch', rule: '060', records: [inv('841', '729', -1)], expect: [] },
  { peer: 'Rule060…Test: belop mismatch', rule: '060', records: [inv('100', '729', '-0')], expect: [] },
  // Rule065KombinasjonBevilgningFunksjonArtTest.
  { peer: 'Rule065…Test: 899 with art 010', rule: '065', records: [ops('899', '010', 1)], expect: [E] },
  { peer: 'Rule065…Test: belop mismatch', rule: '065', records: [ops('899', '010', '-0')], expect: [] },
  { peer: 'Rule065…Test: 899 with 589', rule: '065', records: [ops('899', '589', 1)], expect: [] },
  { peer: 'Rule065…Test: 898 with 588', rule: '065', records: [ops('898', '588', 1)], expect: [] },
  { peer: 'Rule065…Test: 589 off 899', rule: '065', records: [ops('100', '589', 1)], expect: [E] },
  // Rule070KombinasjonBevilgningFunksjonArtTest.
  {
    peer: 'Rule070…Test: funksjon, art og beløp matcher',
    rule: '070',
    records: [ops('899', '530', 1)],
    expect: [E],
  },
  { peer: 'Rule070…Test: funksjon matches 880', rule: '070', records: [ops('880', '530', 1)], expect: [] },
  { peer: 'Rule070…Test: art mismatch 530', rule: '070', records: [ops('899', '529', 1)], expect: [] },
  { peer: 'Rule070…Test: belop mismatch', rule: '070', records: [ops('899', '530', '-0')], expect: [] },
  // Rule075KombinasjonBevilgningFunksjonArtTest.
  ...['870', '871', '872', '873', '876', '878', '879'].map((art) => ({
    peer: `Rule075…Test: art, funksjon, belop matcher, art = ${art}`,
    rule: '075',
    records: [ops('100', art, -1)],
    expect: [E],
  })),
  { peer: 'Rule075…Test: art mismatch (877)', rule: '075', records: [ops('100', '877', -1)], expect: [] },
  {
    peer: 'Rule075…Test: funksjon mismatch (800)',
    rule: '075',
    records: [ops('800', '870', -1)],
    expect: [],
  },
  { peer: 'Rule075…Test: belop mismatch', rule: '075', records: [ops('100', '870', '-0')], expect: [] },
  // Rule080KombinasjonBevilgningFunksjonArtTest.
  {
    peer: 'Rule080…Test: matches art, funksjon, belop',
    rule: '080',
    records: [ops('100', '800', -1)],
    expect: [E],
  },
  { peer: 'Rule080…Test: does not match art', rule: '080', records: [ops('100', '801', -1)], expect: [] },
  {
    peer: 'Rule080…Test: does not match funksjon',
    rule: '080',
    records: [ops('840', '800', -1)],
    expect: [],
  },
  { peer: 'Rule080…Test: does not match belop', rule: '080', records: [ops('100', '800', '-0')], expect: [] },
  // Rule081KombinasjonBevilgningFunksjonArtTest (from 2025).
  {
    peer: 'Rule081…Test: annually, isBevilgningRegnskap = false',
    rule: '081',
    declared: BALANCE,
    records: [bal('850', '450', 1)],
    expect: [],
  },
  {
    peer: 'Rule081…Test: annually, funksjon != 850',
    rule: '081',
    records: [ops('100', '450', 1)],
    expect: [],
  },
  { peer: 'Rule081…Test: annually, belop = 0', rule: '081', records: [ops('850', '100', '-0')], expect: [] },
  { peer: 'Rule081…Test: annually, all good', rule: '081', records: [ops('850', '450', 1)], expect: [] },
  {
    peer: 'Rule081…Test: annually, all conditions match, 0A',
    rule: '081',
    records: [ops('850', '100', 1)],
    expect: [W],
  },
  {
    peer: 'Rule081…Test: annually, all conditions match, 0M',
    rule: '081',
    declared: M,
    records: [m('850', '100', 1)],
    expect: [W],
  },
  {
    peer: 'Rule081…Test: 1. quarter, all conditions match',
    rule: '081',
    declared: Q1,
    records: [ops('850', '100', 1)],
    expect: [W],
  },
  {
    peer: 'Rule081…Test: 4. quarter, all conditions match',
    rule: '081',
    declared: Q4,
    records: [ops('850', '100', 1)],
    expect: [E],
  },
  {
    peer: 'Rule081: not before 2025',
    rule: '081',
    declared: { year: 2024 },
    records: [ops('850', '100', 1)],
    expect: [],
  },
  // Rule085SummeringInvesteringUtgiftsposteringerTest (the test's record of amount 0: records that sum to 0).
  {
    peer: 'Rule085…Test: all conditions match',
    rule: '085',
    records: [inv('100', '590', 5), inv('100', '590', -5)],
    expect: [E],
  },
  {
    peer: 'Rule085…Test: isOsloBydel = true',
    rule: '085',
    declared: OSLO_DISTRICT,
    records: [inv('100', '590', 5), inv('100', '590', -5)],
    expect: [],
  },
  {
    peer: 'Rule085…Test: not investment',
    rule: '085',
    records: [ops('100', '590', 5), ops('100', '590', -5)],
    expect: [],
  },
  { peer: 'Rule085…Test: isUtgift = false', rule: '085', records: [inv('100', '600', -5)], expect: [E] },
  { peer: 'Rule085…Test: belop > 0', rule: '085', records: [inv('100', '590', 1)], expect: [] },
  {
    peer: 'KvartalKostraMain: no sum rule 085 in a quarter',
    rule: '085',
    declared: Q4,
    records: [inv('100', '600', -5)],
    expect: [],
  },
  // Rule090SummeringInvesteringInntektsposteringerTest.
  {
    peer: 'Rule090…Test: all conditions match',
    rule: '090',
    records: [inv('100', '990', 5), inv('100', '990', -5)],
    expect: [E],
  },
  {
    peer: 'Rule090…Test: isOsloBydel = true',
    rule: '090',
    declared: OSLO_DISTRICT,
    records: [inv('100', '990', 5), inv('100', '990', -5)],
    expect: [],
  },
  {
    peer: 'Rule090…Test: not investment',
    rule: '090',
    records: [ops('100', '990', 5), ops('100', '990', -5)],
    expect: [],
  },
  { peer: 'Rule090…Test: isInntekt = false', rule: '090', records: [inv('100', '599', -1)], expect: [E] },
  { peer: 'Rule090…Test: belop < 0', rule: '090', records: [inv('100', '990', -1)], expect: [] },
  // Rule095SummeringInvesteringDifferanseTest (no signs: within 30 passes).
  {
    peer: 'Rule095…Test: All good',
    rule: '095',
    declared: { region: '030100' },
    records: [inv('100', '100', 100), inv('100', '710', -100)],
    expect: [],
  },
  {
    peer: 'Rule095…Test: region is Oslo bydel 01',
    rule: '095',
    declared: OSLO_DISTRICT,
    records: [inv('100', '100', 1000), inv('100', '710', -100)],
    expect: [],
  },
  {
    peer: 'Rule095…Test: kontoklasse is not Investering',
    rule: '095',
    records: [ops('100', '100', 1000), ops('100', '710', -100)],
    expect: [],
  },
  {
    peer: 'Rule095…Test: sum of belop is -10',
    rule: '095',
    records: [inv('100', '100', 100), inv('100', '710', -110)],
    expect: [],
  },
  {
    peer: 'Rule095…Test: sum of belop is 10',
    rule: '095',
    records: [inv('100', '100', 110), inv('100', '710', -100)],
    expect: [],
  },
  {
    peer: 'Rule095…Test: sum of belop is -31',
    rule: '095',
    records: [inv('100', '100', 100), inv('100', '710', -131)],
    expect: [E],
  },
  {
    peer: 'Rule095…Test: sum of belop is 31',
    rule: '095',
    records: [inv('100', '100', 131), inv('100', '710', -100)],
    expect: [E],
  },
  {
    peer: 'Rule095: expenses alone, within 30, pass (no sign required)',
    rule: '095',
    records: [inv('100', '100', 20)],
    expect: [],
  },
  // Rule100SummeringDriftUtgiftsposteringerTest.
  {
    peer: 'Rule100…Test: all conditions match',
    rule: '100',
    records: [ops('100', '590', 5), ops('100', '590', -5)],
    expect: [E],
  },
  {
    peer: 'Rule100…Test: isOsloBydel() = true',
    rule: '100',
    declared: { region: '030114' },
    records: [ops('100', '590', 5), ops('100', '590', -5)],
    expect: [],
  },
  {
    peer: 'Rule100…Test: not operations',
    rule: '100',
    records: [inv('100', '590', 5), inv('100', '590', -5)],
    expect: [],
  },
  { peer: 'Rule100…Test: isUtgift = false', rule: '100', records: [ops('100', '600', -5)], expect: [E] },
  { peer: 'Rule100…Test: belop > 0', rule: '100', records: [ops('100', '590', 1)], expect: [] },
  {
    peer: 'Rule100…Test: isUtgift = false for quarterly reporting',
    rule: '100',
    declared: Q1,
    records: [ops('100', '600', -5)],
    expect: [W],
  },
  // Rule105SummeringDriftInntektsposteringerTest.
  {
    peer: 'Rule105…Test: all conditions match',
    rule: '105',
    records: [ops('100', '600', 5), ops('100', '600', -5)],
    expect: [E],
  },
  {
    peer: 'Rule105…Test: isOsloBydel() = true',
    rule: '105',
    declared: { region: '030114' },
    records: [ops('100', '600', 5), ops('100', '600', -5)],
    expect: [],
  },
  {
    peer: 'Rule105…Test: not operations',
    rule: '105',
    records: [inv('100', '600', 5), inv('100', '600', -5)],
    expect: [],
  },
  { peer: 'Rule105…Test: isInntekt = false', rule: '105', records: [ops('100', '590', 5)], expect: [E] },
  { peer: 'Rule105…Test: belop < 0', rule: '105', records: [ops('100', '600', -1)], expect: [] },
  {
    peer: 'Rule105…Test: isInntekt = false for quarterly reporting',
    rule: '105',
    declared: Q1,
    records: [ops('100', '590', 5)],
    expect: [W],
  },
  // Rule110SummeringDriftDifferanseTest.
  {
    peer: 'Rule110…Test: all conditions match, negative amount',
    rule: '110',
    records: [ops('100', '590', 1), ops('100', '600', -32)],
    expect: [E],
  },
  {
    peer: 'Rule110…Test: all conditions match, positive amount',
    rule: '110',
    records: [ops('100', '590', 32), ops('100', '600', -1)],
    expect: [E],
  },
  {
    peer: 'Rule110…Test: isOsloBydel = true',
    rule: '110',
    declared: { region: '030102' },
    records: [ops('100', '590', 1), ops('100', '600', -32)],
    expect: [],
  },
  {
    peer: 'Rule110…Test: not operations',
    rule: '110',
    records: [inv('100', '590', 1), inv('100', '600', -32)],
    expect: [],
  },
  {
    peer: 'Rule110…Test: driftUtgifter < 0',
    rule: '110',
    records: [ops('100', '590', -1), ops('100', '600', -1)],
    expect: [E],
  },
  {
    peer: 'Rule110…Test: driftInntekter > 0',
    rule: '110',
    records: [ops('100', '590', 1), ops('100', '600', 1)],
    expect: [E],
  },
  {
    peer: 'Rule110…Test: within range, lower bound',
    rule: '110',
    records: [ops('100', '590', 1), ops('100', '600', -31)],
    expect: [],
  },
  {
    peer: 'Rule110…Test: within range, upper bound',
    rule: '110',
    records: [ops('100', '590', 31), ops('100', '600', -1)],
    expect: [],
  },
  {
    peer: 'KvartalKostraMain: no sum rule 110 in a quarter',
    rule: '110',
    declared: Q4,
    records: [ops('100', '590', 1), ops('100', '600', -32)],
    expect: [],
  },
  // Rule115SummeringBalanseAktivaTest, Rule120SummeringBalansePassivaTest.
  {
    peer: 'Rule115…Test: all conditions match',
    rule: '115',
    declared: BALANCE,
    records: [bal('10', '000', 5), bal('10', '000', -5)],
    expect: [E],
  },
  {
    peer: 'Rule115…Test: isBalanseRegnskap = false',
    rule: '115',
    records: [r('2', '10', '000', 5), r('2', '10', '000', -5)],
    expect: [],
  },
  {
    peer: 'Rule115…Test: isAktiva = false',
    rule: '115',
    declared: BALANCE,
    records: [bal('30', '000', 5), bal('30', '000', -5)],
    expect: [],
  },
  {
    peer: 'Rule115…Test: 0 < belop',
    rule: '115',
    declared: BALANCE,
    records: [bal('10', '000', 1)],
    expect: [],
  },
  {
    peer: 'Rule120…Test: all conditions match',
    rule: '120',
    declared: BALANCE,
    records: [bal('31', '000', 5), bal('31', '000', -5)],
    expect: [E],
  },
  {
    peer: 'Rule120…Test: isPassiva = false',
    rule: '120',
    declared: BALANCE,
    records: [bal('10', '000', 5), bal('10', '000', -5)],
    expect: [],
  },
  {
    peer: 'Rule120…Test: belop < 0',
    rule: '120',
    declared: BALANCE,
    records: [bal('31', '000', -1)],
    expect: [],
  },
  { peer: 'Rule120: 0N', rule: '120', declared: N, records: [r('5', '31', '000', 1)], expect: [E] },
  // Rule125SummeringBalanseDifferanseTest.
  {
    peer: 'Rule125…Test: aktiva + passiva negative',
    rule: '125',
    declared: BALANCE,
    records: [bal('10', '000', 10), bal('31', '000', -21), bal('9100', '000', -1000)],
    expect: [E],
  },
  {
    peer: 'Rule125…Test: aktiva + passiva positive',
    rule: '125',
    declared: BALANCE,
    records: [bal('10', '000', 21), bal('31', '000', -10), bal('9100', '000', -1000)],
    expect: [E],
  },
  {
    peer: 'Rule125…Test: negative aktiva',
    rule: '125',
    declared: BALANCE,
    records: [bal('10', '000', -1), bal('31', '000', -1), bal('9100', '000', -1000)],
    expect: [E],
  },
  {
    peer: 'Rule125…Test: positive gjeld',
    rule: '125',
    declared: BALANCE,
    records: [bal('10', '000', 1), bal('31', '000', 2), bal('9100', '000', -21)],
    expect: [E],
  },
  {
    peer: 'Rule125…Test: isBalanseRegnskap = false',
    rule: '125',
    records: [r('2', '10', '000', 10), r('2', '31', '000', -21)],
    expect: [],
  },
  {
    peer: 'Rule125…Test: within limit, lower limit',
    rule: '125',
    declared: BALANCE,
    records: [bal('10', '000', 1), bal('31', '000', -11), bal('9100', '000', -1000)],
    expect: [],
  },
  {
    peer: 'Rule125…Test: within limit, upper limit',
    rule: '125',
    declared: BALANCE,
    records: [bal('10', '000', 11), bal('31', '000', -1), bal('9100', '000', -1000)],
    expect: [],
  },
  // Rule126/127SummeringDrift/InvesteringOsloInternDifferanseTest.
  ...(
    [
      ['126', ops],
      ['127', inv],
    ] as const
  ).flatMap(([rule, account]) => [
    {
      peer: `Rule${rule}…Test: All good`,
      rule,
      declared: OSLO_DISTRICT,
      records: [account('100', '298', 100), account('100', '798', -100)],
      expect: [],
    },
    {
      peer: `Rule${rule}…Test: region is not Oslo`,
      rule,
      records: [account('100', '298', 100), account('100', '798', -111)],
      expect: [],
    },
    {
      peer: `Rule${rule}…Test: Oslo itself`,
      rule,
      declared: { region: '030100' },
      records: [account('100', '298', 100), account('100', '798', -111)],
      expect: [],
    },
    {
      peer: `Rule${rule}…Test: kontoklasse of the other account`,
      rule,
      declared: OSLO_DISTRICT,
      records: [
        (account === ops ? inv : ops)('100', '298', 100),
        (account === ops ? inv : ops)('100', '798', -111),
      ],
      expect: [],
    },
    {
      peer: `Rule${rule}…Test: art not in 298 or 798`,
      rule,
      declared: OSLO_DISTRICT,
      records: [account('100', '100', 100), account('100', '100', -111)],
      expect: [],
    },
    {
      peer: `Rule${rule}…Test: sum of belop is -10`,
      rule,
      declared: OSLO_DISTRICT,
      records: [account('100', '298', 100), account('100', '798', -110)],
      expect: [],
    },
    {
      peer: `Rule${rule}…Test: sum of belop is 10`,
      rule,
      declared: OSLO_DISTRICT,
      records: [account('100', '298', 110), account('100', '798', -100)],
      expect: [],
    },
    {
      peer: `Rule${rule}…Test: sum of belop is -11`,
      rule,
      declared: OSLO_DISTRICT,
      records: [account('100', '298', 100), account('100', '798', -111)],
      expect: [W],
    },
    {
      peer: `Rule${rule}…Test: sum of belop is 11`,
      rule,
      declared: OSLO_DISTRICT,
      records: [account('100', '298', 111), account('100', '798', -100)],
      expect: [W],
    },
  ]),
  // Rule130SkatteInntekterTest, Rule135RammetilskuddTest.
  {
    peer: 'Rule130…Test: all conditions match',
    rule: '130',
    records: [ops('800', '870', 5), ops('800', '870', -5)],
    expect: [E],
  },
  {
    peer: 'Rule130…Test: isOsloBydel() = true',
    rule: '130',
    declared: { region: '030114' },
    records: [ops('800', '870', 5), ops('800', '870', -5)],
    expect: [],
  },
  {
    peer: 'Rule130…Test: isLongyearbyen() = true',
    rule: '130',
    declared: { region: '211100' },
    records: [ops('800', '870', 5), ops('800', '870', -5)],
    expect: [],
  },
  {
    peer: 'Rule130…Test: not operations',
    rule: '130',
    records: [inv('800', '870', 5), inv('800', '870', -5)],
    expect: [],
  },
  { peer: 'Rule130…Test: belop < 0', rule: '130', records: [ops('800', '870', -1)], expect: [] },
  {
    peer: 'Rule130…Test: belop = 0 for quarterly reporting',
    rule: '130',
    declared: Q1,
    records: [ops('800', '870', 5), ops('800', '870', -5)],
    expect: [W],
  },
  {
    peer: 'Rule130: an account without tax income',
    rule: '130',
    records: [ops('100', '010', 5)],
    expect: [E],
  },
  {
    peer: 'Rule135…Test: all conditions match',
    rule: '135',
    records: [ops('840', '800', 5), ops('840', '800', -5)],
    expect: [E],
  },
  {
    peer: 'Rule135…Test: isOsloBydel() = true',
    rule: '135',
    declared: { region: '030114' },
    records: [ops('840', '800', 5), ops('840', '800', -5)],
    expect: [],
  },
  {
    peer: 'Rule135…Test: isLongyearbyen() = true',
    rule: '135',
    declared: { region: '211100' },
    records: [ops('840', '800', 5), ops('840', '800', -5)],
    expect: [],
  },
  {
    peer: 'Rule135…Test: exception for Frøya municipality',
    rule: '135',
    declared: { region: '501400' },
    records: [ops('840', '800', 5), ops('840', '800', -5)],
    expect: [],
  },
  {
    peer: 'Rule135…Test: not operations',
    rule: '135',
    records: [inv('840', '800', 5), inv('840', '800', -5)],
    expect: [],
  },
  { peer: 'Rule135…Test: belop < 0', rule: '135', records: [ops('840', '800', -1)], expect: [] },
  {
    peer: 'Rule135…Test: isInntekt = false for quarterly reporting',
    rule: '135',
    declared: Q1,
    records: [ops('840', '800', 5), ops('840', '800', -5)],
    expect: [W],
  },
  // Rule140OverforingerDriftInvesteringTest.
  {
    peer: 'Rule140…Test: All good',
    rule: '140',
    records: [ops('100', '570', 100), inv('100', '970', -100)],
    expect: [],
  },
  {
    peer: 'Rule140…Test: region is Oslo Bydel 01',
    rule: '140',
    declared: OSLO_DISTRICT,
    records: [ops('100', '570', 100), inv('100', '970', -131)],
    expect: [],
  },
  {
    peer: 'Rule140…Test: art not in 1.570 or 0.970',
    rule: '140',
    records: [ops('100', '100', 100), inv('100', '100', -100)],
    expect: [],
  },
  {
    peer: 'Rule140…Test: sum of belop is 30',
    rule: '140',
    records: [ops('100', '570', 130), inv('100', '970', -100)],
    expect: [],
  },
  {
    peer: 'Rule140…Test: sum of belop is -31',
    rule: '140',
    records: [ops('100', '570', 100), inv('100', '970', -131)],
    expect: [E],
  },
  {
    peer: 'Rule140…Test: sum of belop is 31',
    rule: '140',
    records: [ops('100', '570', 131), inv('100', '970', -100)],
    expect: [E],
  },
  // Rule145AvskrivningerMotpostAvskrivningerTest, Rule150AvskrivningerTest.
  {
    peer: 'Rule145…Test: all conditions match, Severity.ERROR',
    rule: '145',
    records: [ops('860', '990', 5), ops('860', '990', -5)],
    expect: [E],
  },
  {
    peer: 'Rule145…Test: isOsloBydel',
    rule: '145',
    declared: OSLO_DISTRICT,
    records: [ops('860', '990', 5), ops('860', '990', -5)],
    expect: [],
  },
  {
    peer: 'Rule145…Test: not operations',
    rule: '145',
    records: [inv('860', '990', 5), inv('860', '990', -5)],
    expect: [],
  },
  {
    peer: 'Rule145…Test: funksjon 861',
    rule: '145',
    records: [ops('861', '990', 5), ops('861', '990', -5)],
    expect: [],
  },
  {
    peer: 'Rule145…Test: art 991',
    rule: '145',
    records: [ops('860', '991', 5), ops('860', '991', -5)],
    expect: [],
  },
  { peer: 'Rule145…Test: belop 1', rule: '145', records: [ops('860', '990', 1)], expect: [] },
  { peer: 'Rule145: no counter-entry at all', rule: '145', records: [ops('100', '010', 1)], expect: [] },
  {
    peer: 'Rule150…Test: funksjon matches #1',
    rule: '150',
    records: [ops('100', '590', 5), ops('100', '590', -5)],
    expect: [E],
  },
  {
    peer: 'Rule150…Test: funksjon matches #2',
    rule: '150',
    records: [ops('799', '590', 5), ops('799', '590', -5)],
    expect: [E],
  },
  {
    peer: 'Rule150…Test: isOsloBydel = true',
    rule: '150',
    declared: OSLO_DISTRICT,
    records: [ops('100', '590', 5), ops('100', '590', -5)],
    expect: [],
  },
  {
    peer: 'Rule150…Test: not operations',
    rule: '150',
    records: [inv('100', '590', 5), inv('100', '590', -5)],
    expect: [],
  },
  {
    peer: 'Rule150…Test: funksjon mismatch #1 (099)',
    rule: '150',
    records: [ops('099', '590', 5), ops('099', '590', -5)],
    expect: [],
  },
  {
    peer: 'Rule150…Test: funksjon mismatch #2 (800)',
    rule: '150',
    records: [ops('800', '590', 5), ops('800', '590', -5)],
    expect: [],
  },
  {
    peer: 'Rule150…Test: art mismatch',
    rule: '150',
    records: [ops('100', '591', 5), ops('100', '591', -5)],
    expect: [],
  },
  { peer: 'Rule150…Test: belop mismatch', rule: '150', records: [ops('100', '590', 1)], expect: [] },
  // Rule155AvskrivningerDifferanseTest.
  {
    peer: 'Rule155…Test: all conditions match, negative amount',
    rule: '155',
    records: [ops('100', '590', 1), ops('860', '990', -32)],
    expect: [E],
  },
  {
    peer: 'Rule155…Test: all conditions match, positive amount',
    rule: '155',
    records: [ops('100', '590', 32), ops('860', '990', -1)],
    expect: [E],
  },
  {
    peer: 'Rule155…Test: isOsloBydel',
    rule: '155',
    declared: OSLO_DISTRICT,
    records: [ops('100', '590', 1), ops('860', '990', -32)],
    expect: [],
  },
  {
    peer: 'Rule155…Test: not operations',
    rule: '155',
    records: [inv('100', '590', 1), inv('860', '990', -32)],
    expect: [],
  },
  {
    peer: 'Rule155…Test: funksjon #1 mismatch',
    rule: '155',
    records: [ops('099', '590', 1), ops('860', '990', -30)],
    expect: [],
  },
  {
    peer: 'Rule155…Test: art #1 mismatch',
    rule: '155',
    records: [ops('100', '591', 1), ops('860', '990', -30)],
    expect: [],
  },
  {
    peer: 'Rule155…Test: funksjon #2 mismatch',
    rule: '155',
    records: [ops('100', '590', 1), ops('861', '990', -30)],
    expect: [],
  },
  {
    peer: 'Rule155…Test: art #2 mismatch',
    rule: '155',
    records: [ops('100', '590', 1), ops('860', '991', -30)],
    expect: [],
  },
  {
    peer: 'Rule155…Test: sum within margin #1',
    rule: '155',
    records: [ops('100', '590', 31), ops('860', '990', -1)],
    expect: [],
  },
  {
    peer: 'Rule155…Test: sum within margin #2',
    rule: '155',
    records: [ops('100', '590', 1), ops('860', '990', -31)],
    expect: [],
  },
  // Rule160AvskrivningerAndreFunksjonerTest.
  { peer: 'Rule160…Test: funksjon match #1', rule: '160', records: [ops('800', '590', 1)], expect: [E] },
  { peer: 'Rule160…Test: funksjon match #2', rule: '160', records: [ops('899', '590', 1)], expect: [E] },
  {
    peer: 'Rule160…Test: region = Oslo',
    rule: '160',
    declared: OSLO_DISTRICT,
    records: [ops('800', '590', 1)],
    expect: [],
  },
  { peer: 'Rule160…Test: not operations', rule: '160', records: [inv('800', '590', 1)], expect: [] },
  { peer: 'Rule160…Test: funksjon mismatch #1', rule: '160', records: [ops('799', '590', 1)], expect: [] },
  { peer: 'Rule160…Test: funksjon mismatch #2', rule: '160', records: [ops('900', '590', 1)], expect: [] },
  { peer: 'Rule160…Test: art mismatch', rule: '160', records: [ops('800', '591', 1)], expect: [] },
  { peer: 'Rule160…Test: belop mismatch', rule: '160', records: [ops('800', '590', '-0')], expect: [] },
  {
    peer: 'Rule160: records that sum to 0 pass',
    rule: '160',
    records: [ops('800', '590', 1), ops('850', '590', -1)],
    expect: [],
  },
  // Rule165AvskrivningerMotpostAvskrivningerAndreFunksjonerTest.
  { peer: 'Rule165…Test: matches', rule: '165', records: [ops('100', '990', 1)], expect: [E] },
  {
    peer: 'Rule165…Test: isOsloBydel',
    rule: '165',
    declared: OSLO_DISTRICT,
    records: [ops('100', '990', 1)],
    expect: [],
  },
  { peer: 'Rule165…Test: not operations', rule: '165', records: [inv('100', '990', 1)], expect: [] },
  { peer: 'Rule165…Test: funksjon 860', rule: '165', records: [ops('860', '990', 1)], expect: [] },
  { peer: 'Rule165…Test: art 991', rule: '165', records: [ops('100', '991', 1)], expect: [] },
  { peer: 'Rule165…Test: belop 0', rule: '165', records: [ops('100', '990', '-0')], expect: [] },
  {
    peer: 'Rule165…Test: two records that balance to zero: -1, 1',
    rule: '165',
    records: [ops('100', '990', -1), ops('100', '990', 1)],
    expect: [],
  },
  {
    peer: 'Rule165…Test: two records: -2, 1',
    rule: '165',
    records: [ops('100', '990', -2), ops('100', '990', 1)],
    expect: [E],
  },
  {
    peer: 'Rule165…Test: two records: -1, 2',
    rule: '165',
    records: [ops('100', '990', -1), ops('100', '990', 2)],
    expect: [E],
  },
  // Rule170Funksjon290InvesteringTest, Rule175Funksjon290DriftTest.
  ...(
    [
      ['170', inv, ops],
      ['175', ops, inv],
    ] as const
  ).flatMap(([rule, account, other]) => [
    { peer: `Rule${rule}…Test: 31`, rule, records: [account('290', '010', 31)], expect: [E] },
    { peer: `Rule${rule}…Test: -31`, rule, records: [account('290', '010', -31)], expect: [E] },
    {
      peer: `Rule${rule}…Test: isOsloBydel`,
      rule,
      declared: OSLO_DISTRICT,
      records: [account('290', '010', 31)],
      expect: [],
    },
    { peer: `Rule${rule}…Test: other account`, rule, records: [other('290', '010', 31)], expect: [] },
    { peer: `Rule${rule}…Test: funksjon 291`, rule, records: [account('291', '010', 31)], expect: [] },
    { peer: `Rule${rule}…Test: 30`, rule, records: [account('290', '010', 30)], expect: [] },
    { peer: `Rule${rule}…Test: -30`, rule, records: [account('290', '010', -30)], expect: [] },
    {
      peer: `Rule${rule}: 0M`,
      rule,
      declared: M,
      records: [(account === ops ? m : mi)('290', '010', 31)],
      expect: [E],
    },
  ]),
  // Rule190MemoriakontiTest.
  {
    peer: 'Rule190…Test: sum belop match #1',
    rule: '190',
    declared: BALANCE,
    records: [
      bal('10', '000', 1000),
      bal('31', '000', 1000),
      bal('9100', '000', 100),
      bal('9999', '990', -131),
    ],
    expect: [E],
  },
  {
    peer: 'Rule190…Test: sum belop match #2',
    rule: '190',
    declared: BALANCE,
    records: [
      bal('10', '000', 1000),
      bal('31', '000', 1000),
      bal('9100', '000', -100),
      bal('9999', '990', 131),
    ],
    expect: [E],
  },
  {
    peer: 'Rule190…Test: isBalanseRegnskap = false, control is skipped',
    rule: '190',
    records: [r('2', '9100', '000', 100), r('2', '9999', '990', -1000)],
    expect: [],
  },
  {
    peer: 'Rule190…Test: kapittel mismatch #1',
    rule: '190',
    declared: BALANCE,
    records: [
      bal('10', '000', 1000),
      bal('31', '000', 1000),
      bal('9099', '000', 100),
      bal('10000', '990', -10),
    ],
    expect: [],
  },
  {
    peer: 'Rule190…Test: sum belop mismatch #1',
    rule: '190',
    declared: BALANCE,
    records: [
      bal('10', '000', 1000),
      bal('31', '000', 1000),
      bal('9100', '000', 110),
      bal('9999', '990', -100),
    ],
    expect: [],
  },
  {
    peer: 'Rule190…Test: sum belop mismatch #2',
    rule: '190',
    declared: BALANCE,
    records: [
      bal('10', '000', 1000),
      bal('31', '000', 1000),
      bal('9100', '000', -110),
      bal('9999', '990', 100),
    ],
    expect: [],
  },
  {
    peer: 'Rule190: 0N',
    rule: '190',
    declared: N,
    records: [r('5', '9100', '000', 100), r('5', '9999', '990', -131)],
    expect: [E],
  },
  // RegnskapValidator.getRecordsList: a record whose amount is a lone 0 is dropped before any rule.
  {
    peer: 'dropped: a wrong region on a record of 0',
    rule: '006',
    records: [ops('100', '010', 0, { region: '123400' })],
    expect: [],
  },
  {
    peer: 'dropped: … of -0 is a record',
    rule: '006',
    records: [ops('100', '010', '-0', { region: '123400' })],
    expect: [E],
  },
  {
    peer: 'dropped: an invalid function on a record of 0',
    rule: '010',
    records: [ops('999', '010', 0)],
    expect: [],
  },
  {
    peer: 'dropped: a key twice, once with 0',
    rule: '015',
    records: [ops('100', '010', 1), ops('100', '010', 0)],
    expect: [],
  },
  {
    peer: 'dropped: an investment account of zeros only has no sums',
    rule: '090',
    records: [inv('100', '010', 0)],
    expect: [],
  },
  { peer: 'dropped: … of "00" has', rule: '090', records: [inv('100', '010', '00')], expect: [E] },
];

/**
 * KommuneKostraMainTest and KvartalKostraMainTest: one record, every rule of the program, the number of
 * report entries (each finding of a one-record file is one entry). Its regions 123400, 030100 and 040000.
 */
const BLANK = ' '.repeat(48);
const mainRecord =
  (skjema: string, kontoklasse: string, quarter: string, fn: string, year = String(YEAR)) =>
  (region: string) =>
    recordLine({ skjema, year, quarter, region, kontoklasse, function: fn, art: '200', amount: 1 });
const programCases: {
  peer: string;
  skjema: string;
  quarter: string;
  line: (region: string) => string;
  entries: number;
}[] = [
  ...['0A', '0B', '0M', '0N'].flatMap((skjema) => [
    {
      peer: 'KommuneKostraMainTest: an empty record string',
      skjema,
      quarter: ' ',
      line: () => BLANK,
      entries: 5,
    },
    {
      peer: 'KommuneKostraMainTest: an invalid record string',
      skjema,
      quarter: ' ',
      line: () => `${BLANK}${' '.repeat(10)}`,
      entries: 1,
    },
  ]),
  // Function 041 of kontoklasse 0 (4 but for 0A), art 200, amount 1.
  ...(
    [
      ['0A', '0', 2],
      ['0B', '4', 4],
      ['0M', '4', 2],
      ['0N', '4', 4],
    ] as const
  ).map(([skjema, kontoklasse, entries]) => ({
    peer: 'KommuneKostraMainTest: a valid record string',
    skjema,
    quarter: ' ',
    line: mainRecord(skjema, kontoklasse, ' ', '041'),
    entries,
  })),
  {
    peer: 'KommuneKostraMainTest: a valid record string with invalid data (year XXXX)',
    skjema: '0A',
    quarter: ' ',
    line: mainRecord('0A', '0', ' ', '041', 'XXXX'),
    entries: 3,
  },
  ...['0A', '0B'].flatMap((skjema) => [
    {
      // The test's arguments leave the quarter blank, as the record has it; declared as quarter 1 here, the
      // blank quarter is a finding (005) besides its five.
      peer: `KvartalKostraMainTest: ${skjema}K1, an empty record string`,
      skjema,
      quarter: '1',
      line: () => BLANK,
      entries: 6,
    },
    {
      peer: `KvartalKostraMainTest: ${skjema}K1, an invalid record string`,
      skjema,
      quarter: '1',
      line: () => `${BLANK}${' '.repeat(10)}`,
      entries: 1,
    },
  ]),
  // Function 100 of kontoklasse 0, art 200, amount 1, quarter 1.
  ...(
    [
      ['0A', 1, 2],
      ['0B', 2, 3],
    ] as const
  ).flatMap(([skjema, valid, invalid]) => [
    {
      peer: `KvartalKostraMainTest: ${skjema}K1, a valid record string`,
      skjema,
      quarter: '1',
      line: mainRecord(skjema, '0', '1', '100'),
      entries: valid,
    },
    {
      peer: `KvartalKostraMainTest: ${skjema}K1, a valid record string with invalid data (year XXXX)`,
      skjema,
      quarter: '1',
      line: mainRecord(skjema, '0', '1', '100', 'XXXX'),
      entries: invalid,
    },
  ]),
];

let rules: ControlRule[];
let chart: ChartOfAccounts;
beforeAll(async () => {
  [rules, chart] = await Promise.all([loadControlRules(), loadChartOfAccounts()]);
});

const fileOf = (c: PeerCase, declared: Declared) =>
  c.records
    .map((f) =>
      recordLine({
        skjema: declared.skjema,
        year: String(declared.year),
        quarter: declared.quarter,
        region: declared.region,
        orgnr: declared.orgnr,
        ...f,
      }),
    )
    .join('\r\n');

/** The findings as a finding's rule and severity: what the program's report entries are compared by. */
const entries = (findings: readonly Finding[], rule: string) =>
  findings.filter((f) => f.rule === rule).map((f) => f.severity);

describe("SSB's control program, case by case", () => {
  test.each(cases.map((c) => [`${c.rule} ${c.peer}`, c] as const))('%s', async (_, c) => {
    const declared = { ...DECLARED, ...c.declared };
    const file = fileOf(c, declared);
    // As a municipality sends it (the whole file, through the fast path) and line by line as text.
    const sent = await controlAccountsFile(Buffer.from(file, 'latin1'), declared);
    expect(entries(sent.report.findings, c.rule)).toEqual(c.expect);
    const control = new AccountsControl(rules, declared, chart.codeList(declared.year));
    file.split('\r\n').forEach((line, i) => control.accept(line, i + 1));
    expect(control.finish().findings).toEqual(sent.report.findings);
  });
});

describe("SSB's control program, a whole program on one record", () => {
  test.each(
    programCases.flatMap((c) =>
      ['123400', '030100', '040000'].map(
        (region) => [`${c.peer}, ${c.skjema}, region ${region}`, c, region] as const,
      ),
    ),
  )('%s', async (_, c, region) => {
    const declared: Declared = { skjema: c.skjema, year: YEAR, quarter: c.quarter, region };
    const line = c.line(region);
    const { report } = await controlAccountsFile(Buffer.from(line, 'latin1'), declared);
    expect(report.findings.map((f) => `${f.rule} ${f.severity}`)).toHaveLength(c.entries);
  });
});
