import type { FormRoundReport } from '../../app/form-report.ts';
import type { FormDefinition } from '../../domain/forms/definition.ts';
import { ratesJson, type FormRates } from '../../domain/collection/response-rates.ts';
import type { WireFormReport, WireRates, WireShippedForm } from '../../wire/staff.ts';

export const presentShippedForm = (form: FormDefinition, survey: boolean): WireShippedForm => ({
  id: form.id,
  // The title as it reads in the latest year the form covers.
  title: Array.isArray(form.title) ? form.title.at(-1)!.nb : form.title.nb,
  years: { from: form.years.from, to: form.years.to },
  unit_kinds: [...form.unit_kinds],
  survey,
});

export const presentFormReport = (report: FormRoundReport): WireFormReport => ({
  round: report.round,
  form: report.form,
  year: report.year,
  invited: report.invited,
  submitted: report.submitted,
  groups: report.groups,
  items: report.items.map((i) => ({
    path: i.path,
    section: i.section ?? null,
    item: i.item ?? null,
    label: i.label,
    kind: i.kind,
    answered: i.answered,
    sum: i.sum ?? null,
    min: i.min ?? null,
    max: i.max ?? null,
    counts: i.counts ?? null,
    by_group: i.byGroup ?? null,
  })),
});

export const presentRates = (r: FormRates): WireRates => ratesJson(r);
