import { SYMBOL_LABELS, type PublishedDataset } from './dataset.ts';

/**
 * A dataset as JSON-stat 2.0: suppressed and missing cells have value null and their symbol in `status`
 * (":" confidential, "." not applicable, ".." not available), explained in `extension.symbols`.
 * `withValues: false` gives the metadata alone (no value and status), as PxWeb's metadata endpoint does.
 */
export function toJsonStat(dataset: PublishedDataset, withValues = true): Record<string, unknown> {
  const role: Record<string, string[]> = {};
  for (const d of dataset.dimensions) if (d.role) (role[d.role] ??= []).push(d.id);
  const status: Record<string, string> = {};
  dataset.status.forEach((s, i) => {
    if (s !== null) status[String(i)] = s;
  });
  return {
    version: '2.0',
    class: 'dataset',
    label: dataset.label,
    source: dataset.source,
    updated: dataset.updated,
    note: dataset.notes,
    id: dataset.dimensions.map((d) => d.id),
    size: dataset.dimensions.map((d) => d.categories.length),
    role,
    dimension: Object.fromEntries(
      dataset.dimensions.map((d) => [
        d.id,
        {
          label: d.label,
          category: {
            index: d.categories.map((c) => c.code),
            label: Object.fromEntries(d.categories.map((c) => [c.code, c.label])),
            ...(d.role === 'metric'
              ? {
                  unit: Object.fromEntries(
                    d.categories.map((c) => [c.code, { label: c.unit ?? '', decimals: dataset.decimals }]),
                  ),
                }
              : {}),
          },
        },
      ]),
    ),
    ...(withValues ? { value: dataset.values, status } : {}),
    extension: {
      px: { tableid: dataset.id, decimals: dataset.decimals, description: dataset.description },
      symbols: Object.fromEntries(Object.entries(SYMBOL_LABELS).map(([s, l]) => [s, l.nb])),
      protection: dataset.protection,
    },
  };
}
