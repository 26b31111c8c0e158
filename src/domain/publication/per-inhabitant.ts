import type { Population } from '../population.ts';
import { roundedRatio } from '../rounding.ts';
import type { DatasetCategory } from './dataset.ts';

/**
 * What KOSTRA divides an expense by: all inhabitants, those 67 and over, those 80 and over, at the end of
 * the year. Each gives a content code of its own: the measure's code and the suffix (AGD2_INNB, AGD2_67…).
 */
export const DIVISORS = [
  { suffix: 'INNB', nb: 'per innbygger', en: 'per inhabitant', of: (p: Population) => p.total },
  {
    suffix: '67',
    nb: 'per innbygger 67 år og over',
    en: 'per inhabitant aged 67 or over',
    of: (p: Population) => p.age67plus,
  },
  {
    suffix: '80',
    nb: 'per innbygger 80 år og over',
    en: 'per inhabitant aged 80 or over',
    of: (p: Population) => p.age80plus,
  },
] as const;

export type Divisor = (typeof DIVISORS)[number];

/** A measure in 1000 NOK (its own label), then the same per inhabitant, 67+ and 80+ in NOK: ratios, never summed. */
export function measureContents(measure: {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
}): (DatasetCategory & { readonly divisor?: Divisor })[] {
  return [
    {
      code: measure.code,
      label: measure.label,
      labelEn: measure.labelEn,
      unit: '1000 kr',
    },
    ...DIVISORS.map((d) => ({
      code: `${measure.code}_${d.suffix}`,
      label: `${measure.label}, ${d.nb} (kr)`,
      labelEn: `${measure.labelEn}, ${d.en} (NOK)`,
      unit: 'kr',
      ratio: true,
      divisor: d,
    })),
  ];
}

/** An amount in 1000 NOK as NOK per person, by the one rounding rule; null where there is nobody. */
export function perPerson(amountIn1000: number, people: number): number | null {
  return people === 0 ? null : roundedRatio(Math.round(amountIn1000 * 1000), people);
}
