import type { FormAnswersView } from '../../app/form-answers.ts';
import type { UnitKind } from '../../domain/forms/definition.ts';
import { toPlainForm } from '../../domain/forms/resolve.ts';
import type { FormFinding, FormValidation } from '../../domain/forms/validate.ts';
import type { WireFormFinding, WireFormRound, WireFormSaved } from '../../wire/form-answers.ts';

export function presentFormFinding(f: FormFinding): WireFormFinding {
  return {
    rule_id: f.ruleId,
    kind: f.kind,
    severity: f.severity,
    path: f.path,
    ...(f.section !== undefined ? { section: f.section } : {}),
    ...(f.item !== undefined ? { item: f.item } : {}),
    ...(f.row !== undefined ? { row: f.row } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
    message: f.message,
    detail: f.detail,
  };
}

/** What leaves the server of a unit's form in a form round: the form of the year, its answers, its findings. */
export function presentFormRound(view: FormAnswersView, unitKind: UnitKind): WireFormRound {
  return {
    kind: 'form',
    form: toPlainForm(view.form),
    new_this_year: view.newThisYear.map((n) => ({ kind: n.kind, path: n.path, text: n.text })),
    round: { id: view.roundId, year: view.form.year },
    unit: { code: view.unit.code, name: view.unit.name, kind: unitKind },
    answers: view.answers as WireFormRound['answers'],
    version: view.latest?.version ?? 0,
    status: view.status,
    deadline: view.deadline?.toISOString() ?? null,
    open: view.open,
    submitted_at: view.latest?.submittedAt?.toISOString() ?? null,
    last_submission: view.lastSubmission
      ? { version: view.lastSubmission.version, at: view.lastSubmission.submittedAt.toISOString() }
      : null,
    written_language: view.writtenLanguage,
    findings: presentValidation(view.findings),
  };
}

const presentValidation = (v: FormValidation) => ({
  errors: v.errors.map(presentFormFinding),
  warnings: v.warnings.map(presentFormFinding),
});

export const presentFormSaved = (saved: { version: number } & FormValidation): WireFormSaved => ({
  version: saved.version,
  ...presentValidation(saved),
});
