import { describe, expect, test } from 'vitest';
import { parseInvitedCsv, type InvitedContext } from './invited-csv.ts';

const context: InvitedContext = {
  file: 'invited.csv',
  referenceYear: 2021,
  sizeGroups: ['ASSS', '20000+', '10000-19999', '5000-9999', '<5000'],
  criteria: ['ASSS', 'SIO', 'KOSTRA_AG', 'OSLO_ECONOMICS', 'RANDOM'],
  measures: ['AGD10', 'AGD4', 'AGD16', 'AGD2'],
};
const HEADER =
  'code,name,size_group,asss,criteria,attended_meeting,meeting_participants,population_approx,kostra_2021_agd10,kostra_2021_agd4,kostra_2021_agd16,kostra_2021_agd2';
const OSLO =
  '0301,Oslo,ASSS,true,ASSS;KOSTRA_AG;OSLO_ECONOMICS,false,0,699800,8023718,7238724,6537274,7413305';
const SNASA = '5041,Snåase - Snåsa,<5000,false,RANDOM,true,2,,43018,,,';

describe('parseInvitedCsv', () => {
  test('reads invitations with their prefilled totals by measure', () => {
    expect(parseInvitedCsv([HEADER, OSLO, SNASA].join('\n'), context)).toEqual([
      {
        municipality: '0301',
        name: 'Oslo',
        sizeGroup: 'ASSS',
        asss: true,
        criteria: ['ASSS', 'KOSTRA_AG', 'OSLO_ECONOMICS'],
        attendedMeeting: false,
        meetingParticipants: 0,
        populationApprox: 699800,
        prefilled: { AGD10: 8023718, AGD4: 7238724, AGD16: 6537274, AGD2: 7413305 },
      },
      {
        municipality: '5041',
        name: 'Snåase - Snåsa',
        sizeGroup: '<5000',
        asss: false,
        criteria: ['RANDOM'],
        attendedMeeting: true,
        meetingParticipants: 2,
        populationApprox: null,
        prefilled: { AGD10: 43018, AGD4: null, AGD16: null, AGD2: null },
      },
    ]);
  });

  test('accepts a byte order mark and Windows line ends', () => {
    expect(parseInvitedCsv(`\uFEFF${HEADER}\r\n${OSLO}\r\n`, context)).toHaveLength(1);
  });

  test.each([
    [
      'a code that is not 4 digits',
      OSLO.replace('0301', '301'),
      'invited.csv, line 2, code: "301" is not a 4-digit municipality code',
    ],
    [
      'an unknown size group',
      OSLO.replace(',ASSS,true', ',Huge,true'),
      'invited.csv, line 2, size_group: "Huge" is not one of',
    ],
    [
      'an unknown criterion',
      OSLO.replace('ASSS;KOSTRA_AG', 'ASSS;FRIENDS'),
      'invited.csv, line 2, criteria: "FRIENDS" is not one of',
    ],
    [
      'a flag that is not true or false',
      OSLO.replace(',true,', ',yes,'),
      'invited.csv, line 2, asss: "yes" is not true or false',
    ],
    [
      'text in an amount',
      OSLO.replace('8023718', '8 023 718 kr'),
      'invited.csv, line 2, kostra_2021_agd10: "8 023 718 kr" is not a whole number',
    ],
    [
      'a negative amount',
      OSLO.replace('8023718', '-5'),
      'invited.csv, line 2, kostra_2021_agd10: "-5" is not a whole number',
    ],
    [
      'participants without attending',
      OSLO.replace(',false,0,', ',false,3,'),
      'invited.csv, line 2, meeting_participants: 3 participants, but attended_meeting is false',
    ],
    ['an empty name', OSLO.replace(',Oslo,', ',,'), 'invited.csv, line 2, name: name is empty'],
  ])('refuses %s, naming file, line and column', (_name, line, message) => {
    expect(() => parseInvitedCsv([HEADER, line].join('\n'), context)).toThrow(message);
  });

  test('refuses a code that is no municipality in the reference year', () => {
    const municipalities = new Map([
      ['0301', 'Oslo'],
      ['5041', 'Snåase - Snåsa'],
    ]);
    expect(() =>
      parseInvitedCsv([HEADER, OSLO, SNASA.replace('5041', '1624')].join('\n'), {
        ...context,
        municipalities,
      }),
    ).toThrow('invited.csv, line 3, code: 1624 is no municipality in 2021');
  });

  test('names the line of a duplicate municipality and of its first occurrence', () => {
    expect(() => parseInvitedCsv([HEADER, OSLO, SNASA, OSLO].join('\n'), context)).toThrow(
      'invited.csv, line 4, code: municipality 0301 is already on line 2',
    );
  });

  test('refuses a missing column', () => {
    expect(() => parseInvitedCsv(`code,name\n0301,Oslo`, context)).toThrow(
      'invited.csv, line 1: missing column size_group',
    );
  });

  test("refuses totals for another year than the round's", () => {
    expect(() => parseInvitedCsv([HEADER.replace(/2021/g, '2020'), OSLO].join('\n'), { ...context })).toThrow(
      "invited.csv, line 1, kostra_2020_agd10: prefilled totals are for 2020, the round's reference year is 2021",
    );
  });

  test('refuses a total for an unknown measure', () => {
    expect(() => parseInvitedCsv([`${HEADER},kostra_2021_agd99`, `${OSLO},1`].join('\n'), context)).toThrow(
      'invited.csv, line 1, kostra_2021_agd99: unknown measure AGD99',
    );
  });

  test('refuses a row with too many fields', () => {
    expect(() => parseInvitedCsv([HEADER, `${OSLO},extra`].join('\n'), context)).toThrow(/invited\.csv/);
  });
});
