import type { SurveyDefinition } from '../survey/definition.ts';
import type { ResponseContent } from '../survey/response.ts';

export interface Change {
  /** `table/row/measure`, `table/row/fewer_than_5`, `table/methods` or `comments`. */
  readonly field: string;
  readonly old: string | number | boolean | null;
  readonly new: string | number | boolean | null;
}

/** What changed from one version of a response to the next, field by field, in the definition's order. */
export function diffVersions(
  definition: SurveyDefinition,
  before: ResponseContent | undefined,
  after: ResponseContent,
): Change[] {
  const changes: Change[] = [];
  const push = (field: string, old: Change['old'], next: Change['new']) => {
    if (old !== next) changes.push({ field, old, new: next });
  };
  for (const table of definition.tables) {
    const a = before?.tables[table.key];
    const b = after.tables[table.key];
    for (const row of table.rows) {
      const ra = a?.rows[row.key];
      const rb = b?.rows[row.key];
      push(`${table.key}/${row.key}/fewer_than_5`, ra?.fewerThan5 ?? false, rb?.fewerThan5 ?? false);
      for (const m of definition.measures) {
        push(`${table.key}/${row.key}/${m.code}`, ra?.amounts[m.code] ?? null, rb?.amounts[m.code] ?? null);
      }
    }
    push(
      `${table.key}/methods`,
      [...(a?.methods ?? [])].sort().join(';') || null,
      [...(b?.methods ?? [])].sort().join(';') || null,
    );
  }
  push('comments', before?.comments ?? '', after.comments);
  return changes;
}
