import type { DayCount } from '../domain/collection/tracking.ts';
import { render } from './figures.ts';

/**
 * The response curve of a round: the share of invited municipalities that had submitted by the end of
 * each day, with the deadline and the last extension marked.
 */
export function trackingChart(days: readonly DayCount[]): string {
  const dates = days.map((d) => d.date.split('-').reverse().join('.'));
  const marks = days.flatMap((d, i) => [
    ...(d.deadline ? [{ xAxis: i, name: 'Frist' }] : []),
    ...(d.extendedDeadline ? [{ xAxis: i, name: 'Utvidet frist' }] : []),
  ]);
  return render(
    {
      grid: { left: 60, right: 30, top: 30, bottom: 40 },
      xAxis: { type: 'category', data: dates, boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: 100, name: 'Svart (%)', axisLabel: { formatter: '{value} %' } },
      series: [
        {
          type: 'line',
          name: 'Svart',
          showSymbol: false,
          data: days.map((d) => d.percent ?? 0),
          areaStyle: { opacity: 0.15 },
          markLine: {
            symbol: 'none',
            label: { formatter: '{b}', position: 'insideEndTop' },
            lineStyle: { type: 'dashed', color: '#c78800' },
            data: marks,
          },
        },
      ],
    },
    720,
    300,
  );
}
