/**
 * KOSTRA's calendar for an årgang Y (ssb.no/innrapportering/kostra-innrapportering, the 2023 data: forms
 * 4, 5, 11, 11C and 15 are due 15 January of Y+1, the other service forms 15 February; the preliminary
 * publication is 15 March and the final 15 June; ../shared/docs/KOSTRA-FORMS.md sections 1.0 and 2.1).
 * Days in Oslo: a deadline lasts to the end of its day.
 */
const JANUARY_FORMS = new Set([
  'kostra-skjema-4',
  'kostra-skjema-5',
  'kostra-skjema-11',
  'kostra-skjema-11c',
  'kostra-skjema-15',
]);

/** The deadline day of a form for an årgang. */
export const kostraDeadlineDay = (form: string, year: number): string =>
  `${year + 1}-${JANUARY_FORMS.has(form) ? '01-15' : '02-15'}`;

export const PUBLICATION_CHECKPOINTS = ['preliminary', 'final'] as const;
export type PublicationCheckpoint = (typeof PUBLICATION_CHECKPOINTS)[number];

/** The days of the preliminary and the final publication of an årgang. */
export const kostraPublicationDay = (checkpoint: PublicationCheckpoint, year: number): string =>
  `${year + 1}-${checkpoint === 'preliminary' ? '03-15' : '06-15'}`;

/** The checkpoints of the working group's table: both deadlines and both publications. */
export const kostraCheckpoints = (year: number): string[] =>
  ['01-15', '02-15', '03-15', '06-15'].map((day) => `${year + 1}-${day}`);
