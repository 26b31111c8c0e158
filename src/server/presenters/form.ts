import type { RespondentForm } from '../../app/respondent-form.ts';
import { presentContent } from '../../files/responses-json.ts';

export { presentContent };

/** What leaves the server of a form: the questionnaire (without the rules' internals), the municipality's own data. */
export function presentForm(form: RespondentForm) {
  const { rules: _rules, source: _source, ...survey } = form.definition;
  return {
    survey,
    round: { id: form.roundId, reference_year: form.referenceYear },
    municipality: form.municipality,
    prefilled: form.prefilled,
    response: form.latest ? presentContent(form.latest.content) : null,
    version: form.latest?.version ?? 0,
    status: form.status,
    deadline: form.deadline?.toISOString() ?? null,
    open: form.open,
    submitted_at: form.latest?.submittedAt?.toISOString() ?? null,
  };
}
