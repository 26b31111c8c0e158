import { combinations, type PublishedDataset } from '../domain/publication/dataset.ts';
import { render } from './figures.ts';

/**
 * A published table's chart: for one measure, each category of the first region (all respondents) as a bar
 * in 1000 NOK, the function total left out. A withheld cell has no bar and says ":" where the bar would be.
 */
export function publishedChart(dataset: PublishedDataset, measure: string): string {
  const sizes = dataset.dimensions.map((d) => d.categories.length);
  const metric = dataset.dimensions.findIndex((d) => d.role === 'metric');
  const measureIndex = dataset.dimensions[metric]?.categories.findIndex((c) => c.code === measure) ?? -1;
  // The newest period of a series.
  const time = dataset.dimensions.findIndex((d) => d.role === 'time');
  const newest = time < 0 ? 0 : sizes[time]! - 1;
  const bars: { label: string; value: number | null; symbol: string | null }[] = [];
  let i = 0;
  for (const picked of combinations(sizes)) {
    const at = i++;
    if (picked[0] !== 0 || picked[metric] !== measureIndex || (time >= 0 && picked[time] !== newest))
      continue;
    const category = dataset.dimensions[1]!.categories[picked[1]!]!;
    if (picked[1] === sizes[1]! - 1) continue; // the function total
    bars.push({
      label: category.label,
      value: dataset.values[at] ?? null,
      symbol: dataset.status[at] ?? null,
    });
  }
  const shown = [...bars].reverse();
  const region = dataset.dimensions[0]!.categories[0]!.label;
  const period = time < 0 ? '' : ` ${dataset.dimensions[time]!.categories[newest]!.label}`;
  return render(
    {
      title: {
        text: `${region}, ${measure} (1000 kr)${period}`,
        left: 0,
        textStyle: { fontSize: 14, fontWeight: 'bold' },
      },
      grid: { left: 260, right: 90, top: 40, bottom: 30 },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => new Intl.NumberFormat('nb-NO').format(v) },
      },
      yAxis: { type: 'category', data: shown.map((b) => b.label) },
      series: [
        {
          type: 'bar',
          data: shown.map((b) => b.value ?? 0),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => {
              const bar = shown[p.dataIndex]!;
              return bar.symbol ?? new Intl.NumberFormat('nb-NO').format(bar.value ?? 0);
            },
          },
        },
      ],
    },
    720,
    80 + 36 * bars.length,
  );
}
