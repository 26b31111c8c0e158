import type { StatusListRow } from '../../domain/collection/status-list.ts';
import type { WireStatusListRow } from '../../wire/staff.ts';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/** A row of the status list as the domain's filter and sort take it. */
export const fromWire = (r: WireStatusListRow): StatusListRow => ({
  municipality: r.municipality,
  name: r.name,
  countyCode: r.county_code,
  countyName: r.county_name,
  sizeGroup: r.size_group,
  status: r.status,
  lastSaved: date(r.last_saved),
  submittedAt: date(r.submitted_at),
  submitter: r.submitter
    ? {
        name: r.submitter.name,
        email: r.submitter.email,
        ...(r.submitter.phone ? { phone: r.submitter.phone } : {}),
      }
    : null,
  minutesSpent: r.minutes_spent,
  contactEmail: r.contact_email,
  language: r.language,
  extendedDeadline: date(r.extended_deadline),
  mail: r.mail,
  mailKind: r.mail_kind,
  pendingFlags: r.pending_flags,
  largestDeviation: r.largest_deviation,
});
