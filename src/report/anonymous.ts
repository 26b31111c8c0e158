import type { ReportLabels } from './labels.ts';

/**
 * Respondents are shown as "3 - ASSS-kommune", numbered within their size group in the report's order,
 * as the note's appendix A.2 shows them: the published report names no municipality's answer.
 */
export function anonymousNames(
  rows: readonly { readonly municipality: string; readonly size_group: string }[],
  labels: ReportLabels,
): Map<string, string> {
  const names = new Map<string, string>();
  const counters = new Map<string, number>();
  for (const row of rows) {
    if (names.has(row.municipality)) continue;
    const n = (counters.get(row.size_group) ?? 0) + 1;
    counters.set(row.size_group, n);
    names.set(row.municipality, `${n} - ${labels.sizeGroup(row.size_group)}`);
  }
  return names;
}
