import type { WireRoundStatus } from '../../wire/staff.ts';

/** Where a unit stands in a round, as the staff pages say it. */
export const STATUS_TEXT: Readonly<Record<WireRoundStatus['status'], string>> = {
  not_started: 'Ikke påbegynt',
  draft: 'Utkast',
  submitted: 'Sendt inn',
  resubmitted: 'Sendt inn på nytt',
};
