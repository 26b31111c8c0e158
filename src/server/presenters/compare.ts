import type { Comparison } from '../../domain/publication/comparison.ts';
import type { TableLanguage } from '../../domain/publication/language.ts';
import type { WireComparison } from '../../wire/compare.ts';

/**
 * A comparison as it goes out: each figure with the address of its chart, and the same numbers as a PxWeb
 * query of the table (the municipality, every group and county code it was compared with, the country and
 * the country without Oslo; the figures per inhabitant; every year) in CSV, XLSX and JSON-stat.
 */
export function presentComparison(
  comparison: Comparison,
  language: TableLanguage,
  ui: string,
): WireComparison {
  const { table, municipality } = comparison;
  const fixed = Object.entries(comparison.fixed);
  const query = [
    `lang=${language}`,
    `valuecodes[Region]=${comparison.regionCodes.join(',')}`,
    ...fixed.map(([variable, code]) => `valuecodes[${variable}]=${code}`),
    `valuecodes[ContentsCode]=${comparison.figures.map((f) => f.code).join(',')}`,
    'valuecodes[Tid]=*',
    'stub=Region,Tid',
    'heading=ContentsCode',
  ].join('&');
  const data = `/api/v2/tables/${table.id}/data?${query}`;
  const chartQuery = [`lang=${ui}`, ...fixed.map(([variable, code]) => `${variable}=${code}`)].join('&');
  return {
    table: { id: table.id, label: table.label, updated: table.updated },
    municipality: { code: municipality.code, label: municipality.label, note: [...municipality.note] },
    periods: comparison.periods.map((p) => ({ code: p.code, note: [...p.note] })),
    fixed: { ...comparison.fixed },
    figures: comparison.figures.map((f) => ({
      code: f.code,
      label: f.label,
      unit: f.unit,
      chart: `/api/compare/${municipality.code}/${f.code}.svg?${chartQuery}`,
      series: f.series.map((s) => ({
        compared: s.compared,
        label: s.label,
        values: s.values.map((v) => ({
          period: v.period,
          region: v.region,
          value: v.value,
          status: v.status,
        })),
      })),
    })),
    notes: [...comparison.notes],
    downloads: {
      csv: `${data}&outputFormat=csv&outputFormatParams=SeparatorSemicolon,UseCodesAndTexts`,
      xlsx: `${data}&outputFormat=xlsx&outputFormatParams=UseCodesAndTexts`,
      json_stat: `${data}&outputFormat=json-stat2`,
    },
  };
}
