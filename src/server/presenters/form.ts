import type { RespondentForm } from '../../app/respondent-form.ts';
import type { SurveyDefinition } from '../../domain/survey/definition.ts';
import type { Finding } from '../../domain/validation/finding.ts';
import { presentContent } from '../../files/responses-json.ts';
import type { WireFinding, WireForm, WireSaved, WireSurvey } from '../../wire/respondent.ts';

export { presentContent };

/** The questionnaire as the form shows it: texts, measures, tables and rows (not the rules' internals). */
export function presentSurvey(d: SurveyDefinition): WireSurvey {
  return {
    id: d.id,
    version: d.version,
    title: d.title,
    unit: d.unit,
    function: d.function,
    headline_measure: d.headline_measure,
    measures: d.measures.map((m) => ({ code: m.code, labels: m.labels, guidance: m.guidance })),
    methods: d.methods.map((m) => ({ code: m.code, labels: m.labels })),
    fields: d.fields,
    tables: d.tables.map((t) => ({
      key: t.key,
      number: t.number,
      labels: t.labels,
      guidance: t.guidance,
      ...(t.part_of ? { part_of: { table: t.part_of.table, row: t.part_of.row } } : {}),
      rows: t.rows.map((r) => ({ key: r.key, labels: r.labels, guidance: r.guidance, residual: r.residual })),
    })),
  };
}

/** A validation finding as it is shown: what rule, how serious, where, and the message. */
export function presentFinding(f: Finding): WireFinding {
  return {
    rule_id: f.ruleId,
    severity: f.severity,
    ...(f.table !== undefined ? { table: f.table } : {}),
    ...(f.row !== undefined ? { row: f.row } : {}),
    ...(f.measure !== undefined ? { measure: f.measure } : {}),
    message: f.message,
  };
}

/** What leaves the server of a form: the questionnaire, the municipality's own data. */
export function presentForm(form: RespondentForm): WireForm {
  return {
    survey: presentSurvey(form.definition),
    round: { id: form.roundId, reference_year: form.referenceYear },
    municipality: { code: form.municipality.code, name: form.municipality.name },
    prefilled: form.prefilled,
    response: form.latest ? presentContent(form.latest.content) : null,
    version: form.latest?.version ?? 0,
    status: form.status,
    deadline: form.deadline?.toISOString() ?? null,
    open: form.open,
    submitted_at: form.latest?.submittedAt?.toISOString() ?? null,
    last_submission: form.lastSubmission
      ? { version: form.lastSubmission.version, at: form.lastSubmission.submittedAt.toISOString() }
      : null,
    written_language: form.writtenLanguage,
    findings: {
      errors: form.findings.errors.map(presentFinding),
      warnings: form.findings.warnings.map(presentFinding),
    },
  };
}

/** A saved version's number and what validation found in it. */
export function presentSaved(saved: {
  version: number;
  errors: readonly Finding[];
  warnings: readonly Finding[];
}): WireSaved {
  return {
    version: saved.version,
    errors: saved.errors.map(presentFinding),
    warnings: saved.warnings.map(presentFinding),
  };
}
