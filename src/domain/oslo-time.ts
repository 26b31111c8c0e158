/**
 * Dates and times as they are read in Norway: every deadline, submission and log entry is shown in Oslo
 * time, whatever zone the server or browser runs in.
 */
const ZONE = 'Europe/Oslo';

// Formatters are made once: making one costs far more than formatting with it (a list of 356 rows).
const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const TIME = new Intl.DateTimeFormat('nb-NO', {
  timeZone: ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The day in Oslo as YYYY-MM-DD. */
export const osloDay = (date: Date): string => DAY.format(date);

/** The day in Oslo in words: "20. mai 2024". */
export const osloLongDate = (date: Date): string =>
  new Intl.DateTimeFormat('nb-NO', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' }).format(
    date,
  );

/** The day in Oslo, short, as Norwegian forms write it (dd.mm.åååå) whatever the browser's locale: "20.05.2024". */
export const osloShortDate = (date: Date): string => norwegianDay(osloDay(date));

/** Date and time in Oslo, Norwegian: "20.05.2024 kl. 14:03". */
export const osloDateTime = (date: Date): string => `${osloShortDate(date)} kl. ${TIME.format(date)}`;

/** Date and time in Oslo in the respondent's language: "20. mai 2024 kl. 14:03". */
export const osloDateTimeIn = (date: Date, language: 'nb' | 'nn' | 'en'): string =>
  date.toLocaleString(language === 'en' ? 'en-GB' : 'nb-NO', {
    timeZone: ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  });

/** Minutes Oslo is ahead of UTC at an instant (60 in winter, 120 in summer). */
export function osloOffsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** A day (YYYY-MM-DD) as Norwegians write it: 15.01.2022. */
export const norwegianDay = (day: string): string => day.split('-').reverse().join('.');
