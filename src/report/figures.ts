import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts the figures use: loading all of ECharts costs half a second at every start.
echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
]);
import type { DistributionRow } from '../domain/statistics/distribution.ts';
import type { LevelCount } from '../domain/statistics/split-tables.ts';
import type { TableDefinition } from '../domain/survey/definition.ts';
import type { ReportLabels } from './labels.ts';

/** Colours that stand apart from white and from each other, one per category in table order. */
const PALETTE = ['#1a9d49', '#1d6fb8', '#c78800', '#9272fc', '#d6402b', '#075745', '#00a2b8'];
/** The residual «øvrige» is grey: what could not be split. */
const RESIDUAL = '#a3aeb1';

const FONT = { fontFamily: 'Arial, Helvetica, sans-serif', fontSize: 12, color: '#162327' };

export function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, aria: { enabled: true }, textStyle: FONT, color: PALETTE, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Figure 4.1: respondents by how detailed their answer was. */
export function detailLevelFigure(rows: readonly LevelCount[], labels: ReportLabels, title: string): string {
  const shown = [...rows].reverse();
  return render(
    {
      title: { text: title, left: 0, textStyle: { ...FONT, fontSize: 14, fontWeight: 'bold' } },
      grid: { left: 290, right: 40, top: 40, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1, name: 'Antall kommuner', nameLocation: 'middle', nameGap: 22 },
      yAxis: { type: 'category', data: shown.map((r) => labels.level(r.level)) },
      series: [
        {
          type: 'bar',
          data: shown.map((r) => r.count),
          label: { show: true, position: 'right' },
          itemStyle: { color: PALETTE[0] },
        },
      ],
    },
    720,
    80 + 36 * rows.length,
  );
}

/**
 * Figures 4.2-4.4: one bar per respondent, stacked by category in percent, grouped by size group in
 * the report's order and named anonymously.
 */
export function distributionFigure(
  rows: readonly DistributionRow[],
  table: TableDefinition,
  names: ReadonlyMap<string, string>,
  title: string,
): string {
  const municipalities = [...new Set(rows.map((r) => r.municipality))];
  const shareOf = new Map(rows.map((r) => [`${r.municipality}/${r.category}`, r.share ?? 0]));
  const bars = [...municipalities].reverse();
  return render(
    {
      title: { text: title, left: 0, textStyle: { ...FONT, fontSize: 14, fontWeight: 'bold' } },
      legend: { bottom: 0, left: 0, textStyle: FONT },
      grid: { left: 230, right: 30, top: 40, bottom: 70 },
      xAxis: { type: 'value', max: 100, name: 'Prosent', nameLocation: 'middle', nameGap: 22 },
      yAxis: { type: 'category', data: bars.map((m) => names.get(m) ?? m), axisLabel: { fontSize: 11 } },
      series: table.rows.map((row, i) => ({
        type: 'bar',
        stack: 'share',
        name: row.labels.nb,
        itemStyle: { color: row.residual ? RESIDUAL : PALETTE[i % PALETTE.length] },
        data: bars.map((m) => shareOf.get(`${m}/${row.key}`) ?? 0),
      })),
    },
    760,
    150 + 20 * Math.max(municipalities.length, 1),
  );
}
