import { writeCsv } from '../domain/csv.ts';
import { answerPaths, COMMENTS, type Answers } from '../domain/forms/answers.ts';
import type { ResolvedForm } from '../domain/forms/resolve.ts';

/**
 * A form round's submitted answers as one long CSV, a line per unit and answer: `unit,name,path,value`, in
 * the form's order (choices as codes joined by semicolons, yes/no as true/false). What statisticians load
 * into their own tools; the paths are the form's (docs/FORMS.md).
 */
export function formAnswersCsv(
  form: ResolvedForm,
  units: readonly { unit: string; name: string; answers: Answers }[],
): string {
  const order = [...answerPaths(form).keys(), COMMENTS];
  const lines: unknown[][] = [['unit', 'name', 'path', 'value']];
  for (const { unit, name, answers } of [...units].sort((a, b) => a.unit.localeCompare(b.unit)))
    for (const path of order) {
      const value = answers[path];
      if (value === undefined || value === null) continue;
      lines.push([unit, name, path, Array.isArray(value) ? value.join(';') : value]);
    }
  return writeCsv(lines, { lineEnd: '\r\n' });
}
