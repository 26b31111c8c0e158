import type { roundOverview } from '../../app/round-overview.ts';
import type { FlagWithOutcome, TrailEntry } from '../../app/control-round.ts';
import type { publishRoundWithLoadFiles } from '../../app/publish-round.ts';
import type { StatusRow } from '../../app/round-status.ts';
import type { roundThresholds } from '../../app/control-thresholds.ts';
import { readSubmitter, type StatusListRow } from '../../domain/collection/status-list.ts';
import type {
  listRounds,
  municipalityRecords,
  recentAuditEntries,
  roundOutbox,
} from '../../app/staff-views.ts';
import type { DayCount } from '../../domain/collection/tracking.ts';
import type { ResponseTable } from '../../domain/survey/response.ts';
import type { Statistician } from '../../store/statisticians.ts';
import type {
  WireAuditEntry,
  WireDay,
  WireFlag,
  WireMe,
  WireMunicipalityRecord,
  WireOutboxEntry,
  WirePublished,
  WireRoundRow,
  WireRoundStatus,
  WireRoundOverview,
  WireStatusListRow,
  WireThresholds,
} from '../../wire/staff.ts';
import { presentContent, presentSurvey } from './form.ts';

/** What leaves the server of the staff's resources, field by field (the shapes are in src/wire/staff.ts). */

export const presentMe = (user: Statistician): WireMe => ({
  username: user.username,
  display_name: user.displayName,
  role: user.role,
});

export const presentRoundRow = (r: Awaited<ReturnType<typeof listRounds>>[number]): WireRoundRow => ({
  id: r.id,
  reference_year: r.reference_year,
  kind: r.form_id === null ? 'survey' : 'form',
  form: r.form_id ?? r.definition_id ?? '',
  deadline: r.deadline?.toISOString() ?? null,
  extended_deadline: r.extended_deadline?.toISOString() ?? null,
  invited: Number(r.invited ?? 0),
  responded: Number(r.responded ?? 0),
});

export const presentStatus = (r: StatusRow): WireRoundStatus => ({
  municipality: r.municipality,
  name: r.name,
  status: r.status,
  extended_deadline: r.extendedDeadline?.toISOString() ?? null,
  last_saved: r.lastSaved?.toISOString() ?? null,
});

export const presentDay = (d: DayCount): WireDay => ({
  date: d.date,
  responded: d.responded,
  percent: d.percent,
  deadline: d.deadline,
  extended_deadline: d.extendedDeadline,
});

export const presentFlag = (f: FlagWithOutcome): WireFlag => ({
  municipality: f.municipality,
  kind: f.kind,
  table: f.table,
  ...(f.row !== undefined ? { row: f.row } : {}),
  measure: f.measure,
  reported: f.reported,
  reference: f.reference,
  deviation: f.deviation,
  key: f.key,
  outcome: f.outcome,
  note: f.note,
  label: f.label,
});

export const presentStatusListRow = (r: StatusListRow): WireStatusListRow => ({
  municipality: r.municipality,
  name: r.name,
  county_code: r.countyCode,
  county_name: r.countyName,
  size_group: r.sizeGroup,
  status: r.status,
  last_saved: r.lastSaved?.toISOString() ?? null,
  submitted_at: r.submittedAt?.toISOString() ?? null,
  submitter: r.submitter
    ? {
        name: r.submitter.name,
        email: r.submitter.email,
        ...(r.submitter.phone ? { phone: r.submitter.phone } : {}),
      }
    : null,
  minutes_spent: r.minutesSpent,
  contact_email: r.contactEmail,
  language: r.language,
  extended_deadline: r.extendedDeadline?.toISOString() ?? null,
  mail: r.mail,
  mail_kind: r.mailKind,
  pending_flags: r.pendingFlags,
  largest_deviation: r.largestDeviation,
});

export const presentThresholds = (t: Awaited<ReturnType<typeof roundThresholds>>): WireThresholds => ({
  relative: t.relative,
  absolute: t.absolute,
  set_by: t.setBy,
  set_at: t.setAt?.toISOString() ?? null,
});

function presentSubmission(
  s: NonNullable<Awaited<ReturnType<typeof municipalityRecords>>['submission']>,
): WireMunicipalityRecord['submission'] {
  return {
    version: s.version,
    at: s.submitted_at?.toISOString() ?? null,
    ...readSubmitter(s.submitted_by),
    minutes_spent: s.minutes_spent,
  };
}

export function presentMunicipalityRecord(
  trail: readonly TrailEntry[],
  records: Awaited<ReturnType<typeof municipalityRecords>>,
): WireMunicipalityRecord {
  const latest = records.versions[0];
  return {
    trail: trail.map((t) => ({
      version: t.version,
      status: t.status,
      saved_by: t.savedBy,
      saved_at: t.savedAt.toISOString(),
      reason: t.reason,
      changes: t.changes.map((c) => ({ field: c.field, old: c.old, new: c.new })),
    })),
    // A form round's versions hold answers by path; a survey round's, tables.
    answers: latest?.answers ? (latest.answers as WireMunicipalityRecord['answers']) : null,
    latest:
      latest && !latest.answers
        ? presentContent({
            tables: latest.tables as Record<string, ResponseTable>,
            comments: latest.comments,
          })
        : null,
    contacts: records.contacts.map((c) => ({
      at: c.at.toISOString(),
      statistician: c.statistician,
      channel: c.channel,
      question: c.question,
      answer: c.answer,
    })),
    unit: {
      name: records.unit.name,
      county_code: records.unit.county?.code ?? null,
      county_name: records.unit.county?.name ?? null,
      size_group: records.unit.size_group,
      contact_email: records.unit.contact_email,
      language: records.unit.language,
      extended_deadline: records.unit.extended_deadline?.toISOString() ?? null,
    },
    submission: records.submission && presentSubmission(records.submission),
    survey: records.survey && presentSurvey(records.survey.definition),
    prefilled: records.survey ? { ...records.survey.prefilled } : null,
    mail: records.mail.map((m) => ({
      kind: m.kind,
      to: m.to_address,
      subject: m.subject,
      status: m.status,
      error: m.error,
      at: m.created_at.toISOString(),
      by: m.sent_by,
    })),
  };
}

export const presentOutboxEntry = (r: Awaited<ReturnType<typeof roundOutbox>>[number]): WireOutboxEntry => ({
  municipality: r.municipality,
  kind: r.kind,
  to: r.to_address,
  subject: r.subject,
  status: r.status,
  error: r.error,
  message_id: r.message_id,
  at: r.created_at.toISOString(),
  by: r.sent_by,
});

export const presentAuditEntry = (
  r: Awaited<ReturnType<typeof recentAuditEntries>>[number],
): WireAuditEntry => ({
  at: r.at.toISOString(),
  actor: r.actor,
  action: r.action,
  subject: r.subject,
  detail: r.detail,
});

export const presentPublished = (
  tables: Awaited<ReturnType<typeof publishRoundWithLoadFiles>>,
): WirePublished => ({
  tables: tables.map((t) => ({
    id: t.id,
    label: t.label,
    period: t.period,
    stage: t.stage,
    revision: t.revision,
    primary: t.primary,
    secondary: t.secondary,
    checked: [...t.checked],
    statbank: t.loadFiles.files,
    ...(t.loadFiles.problem !== undefined ? { statbank_problem: t.loadFiles.problem } : {}),
  })),
});

export const presentOverview = (o: Awaited<ReturnType<typeof roundOverview>>): WireRoundOverview => ({
  invited: o.invited,
  responded: o.responded,
  response_rate: o.responseRate,
  by_status: { ...o.byStatus },
  pending_flags: o.pendingFlags,
  top_flags: o.topFlags.map((f) => ({ ...presentFlag(f), name: f.name })),
  mail_problems: o.mailProblems.map((m) => ({
    municipality: m.municipality,
    name: m.name,
    kind: m.kind,
    status: m.status === 'bounced' ? 'bounced' : 'failed',
    error: m.error,
    at: m.created_at.toISOString(),
  })),
  deadline: o.deadline?.toISOString() ?? null,
  extended_deadline: o.extendedDeadline?.toISOString() ?? null,
  last_own_extension: o.lastOwnExtension?.toISOString() ?? null,
  next_reminder: o.nextReminder ? { key: o.nextReminder.key, at: o.nextReminder.at.toISOString() } : null,
  closed_at: o.closedAt?.toISOString() ?? null,
});
