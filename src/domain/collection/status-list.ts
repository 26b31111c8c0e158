import { osloDateTime, osloShortDate } from '../oslo-time.ts';
import { compareSortValues, type SortValue } from '../sorting.ts';

/** Where an invited unit stands in a round. */
export type ResponseStatus = 'not_started' | 'draft' | 'submitted' | 'resubmitted';

/**
 * Where a unit stands from its versions: none is not started, versions without a submission a draft, one
 * submission submitted, more resubmitted.
 */
export function responseStatus(versions: number, submissions: number): ResponseStatus {
  return versions === 0
    ? 'not_started'
    : submissions === 0
      ? 'draft'
      : submissions === 1
        ? 'submitted'
        : 'resubmitted';
}

/** Who submitted, as the submission stored it (JSON): each part a non-empty text or null. */
export function readSubmitter(stored: unknown): {
  name: string | null;
  email: string | null;
  phone: string | null;
} {
  const by = stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { name: text(by['name']), email: text(by['email']), phone: text(by['phone']) };
}

/** The state of the last mail sent to a unit (invitation or reminder), or none sent. */
export type MailState = 'none' | 'sent' | 'failed' | 'bounced';

/** One municipality (or district) of a round in the statistician's status list. */
export interface StatusListRow {
  readonly municipality: string;
  readonly name: string;
  readonly countyCode: string;
  readonly countyName: string;
  readonly sizeGroup: string;
  readonly status: ResponseStatus;
  readonly lastSaved: Date | null;
  readonly submittedAt: Date | null;
  readonly submitter: { readonly name: string; readonly email: string; readonly phone?: string } | null;
  readonly minutesSpent: number | null;
  readonly contactEmail: string | null;
  /** The written language to use with it (its språkvedtak), null where none is set. */
  readonly language: 'nb' | 'nn' | null;
  readonly extendedDeadline: Date | null;
  readonly mail: MailState;
  readonly mailKind: string | null;
  readonly pendingFlags: number;
  /** The largest absolute deviation among the pending flags (1000 NOK), null without one. */
  readonly largestDeviation: number | null;
}

/** What a statistician narrows the list to; every part is optional and they combine (and). */
export interface StatusFilter {
  /** Free text: part of the code, name, county or the submitter's name or e-mail (case-insensitive). */
  readonly q?: string;
  readonly status?: readonly ResponseStatus[];
  readonly county?: string;
  readonly sizeGroup?: string;
  /** Only those with (true) or without (false) pending control flags. */
  readonly flagged?: boolean;
  readonly mail?: MailState;
}

export const STATUS_SORT_KEYS = [
  'municipality',
  'name',
  'county',
  'size_group',
  'status',
  'last_saved',
  'submitted_at',
  'minutes',
  'mail',
  'flags',
  'deviation',
] as const;
export type StatusSortKey = (typeof STATUS_SORT_KEYS)[number];
export interface StatusSort {
  readonly key: StatusSortKey;
  readonly direction: 'asc' | 'desc';
}

/** The order of statuses when sorted: furthest from done first. */
const STATUS_ORDER: Record<ResponseStatus, number> = {
  not_started: 0,
  draft: 1,
  submitted: 2,
  resubmitted: 3,
};
const MAIL_ORDER: Record<MailState, number> = { bounced: 0, failed: 1, none: 2, sent: 3 };

export function filterStatusList(rows: readonly StatusListRow[], filter: StatusFilter): StatusListRow[] {
  const q = filter.q?.trim().toLocaleLowerCase('nb');
  return rows.filter(
    (r) =>
      (!q ||
        [r.municipality, r.name, r.countyName, r.submitter?.name ?? '', r.submitter?.email ?? ''].some((s) =>
          s.toLocaleLowerCase('nb').includes(q),
        )) &&
      (!filter.status?.length || filter.status.includes(r.status)) &&
      (!filter.county || r.countyCode === filter.county) &&
      (!filter.sizeGroup || r.sizeGroup === filter.sizeGroup) &&
      (filter.flagged === undefined || r.pendingFlags > 0 === filter.flagged) &&
      (!filter.mail || r.mail === filter.mail),
  );
}

/** What each column sorts by. */
export const STATUS_SORT_VALUE: Record<StatusSortKey, (r: StatusListRow) => SortValue> = {
  municipality: (r) => r.municipality,
  name: (r) => r.name,
  county: (r) => r.countyName,
  size_group: (r) => r.sizeGroup,
  status: (r) => STATUS_ORDER[r.status],
  last_saved: (r) => r.lastSaved?.getTime() ?? null,
  submitted_at: (r) => r.submittedAt?.getTime() ?? null,
  minutes: (r) => r.minutesSpent,
  mail: (r) => MAIL_ORDER[r.mail],
  flags: (r) => r.pendingFlags,
  deviation: (r) => r.largestDeviation,
};

/** Sorted by one column; empty values last in either direction, ties by municipality number. */
export function sortStatusList(rows: readonly StatusListRow[], sort: StatusSort): StatusListRow[] {
  const value = STATUS_SORT_VALUE[sort.key];
  return [...rows].sort(
    (a, b) =>
      compareSortValues(value(a), value(b), sort.direction) || a.municipality.localeCompare(b.municipality),
  );
}

export const STATUS_LABEL: Record<ResponseStatus, string> = {
  not_started: 'Ikke påbegynt',
  draft: 'Utkast',
  submitted: 'Sendt inn',
  resubmitted: 'Sendt inn på nytt',
};
export const MAIL_LABEL: Record<MailState, string> = {
  none: 'Ikke sendt',
  sent: 'Sendt',
  failed: 'Feilet',
  bounced: 'Avvist',
};

/** The list as a table for export (CSV and Excel): a header row, then one row per municipality. */
export function statusListTable(rows: readonly StatusListRow[]): (string | number | null)[][] {
  const when = (d: Date | null) => (d ? osloDateTime(d) : null);
  return [
    [
      'Kommunenummer',
      'Kommune',
      'Fylke',
      'Kommunestørrelse',
      'Status',
      'Sist lagret',
      'Sendt inn',
      'Innsender',
      'E-post innsender',
      'Telefon innsender',
      'Minutter brukt',
      'Kontaktadresse',
      'Målform',
      'Utvidet frist',
      'Siste e-post',
      'Ventende kontrollflagg',
      'Største avvik (1000 kr)',
    ],
    ...rows.map((r) => [
      r.municipality,
      r.name,
      r.countyName,
      r.sizeGroup,
      STATUS_LABEL[r.status],
      when(r.lastSaved),
      when(r.submittedAt),
      r.submitter?.name ?? null,
      r.submitter?.email ?? null,
      r.submitter?.phone ?? null,
      r.minutesSpent,
      r.contactEmail,
      r.language === 'nn' ? 'nynorsk' : r.language === 'nb' ? 'bokmål' : null,
      r.extendedDeadline ? osloShortDate(r.extendedDeadline) : null,
      MAIL_LABEL[r.mail],
      r.pendingFlags,
      r.largestDeviation,
    ]),
  ];
}
