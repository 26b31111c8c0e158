import type { ComparedFigure } from '../domain/publication/comparison.ts';
import { render } from './figures.ts';

/**
 * One figure of a comparison as SVG: a group of bars per year, one bar for the municipality, its KOSTRA
 * group, its county, the country and the country without Oslo, in that order. A missing or withheld value
 * has no bar; the table beside the chart says why.
 */
export function comparisonChart(figure: ComparedFigure, locale: 'nb-NO' | 'nn-NO' | 'en-GB'): string {
  const periods = figure.series[0]?.values.map((v) => v.period) ?? [];
  const format = new Intl.NumberFormat(locale === 'en-GB' ? 'en-GB' : 'nb-NO');
  return render(
    {
      // The page heads the chart with the figure's name; the chart names its unit.
      legend: { bottom: 0, data: figure.series.map((s) => s.label) },
      grid: { left: 80, right: 20, top: 40, bottom: 70 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', name: figure.unit, axisLabel: { formatter: (v: number) => format.format(v) } },
      series: figure.series.map((s) => ({
        type: 'bar',
        name: s.label,
        data: s.values.map((v) => v.value),
      })),
    },
    720,
    360,
  );
}
