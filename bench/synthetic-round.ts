import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from '../src/domain/collection/sample.ts';
import { loadMunicipalityRows } from '../src/files/product-data.ts';

const ASSS = new Set(['0301', '4601', '5001', '1103', '3024', '4204', '3004', '1108', '3005', '5401']);
const MEASURES = ['AGD10', 'AGD4', 'AGD16', 'AGD2'] as const;
const METHODS = ['RESPONSIBILITY', 'KOSTRA_4_DIGIT', 'COST_STRUCTURE', 'OTHER'];
const TABLES = {
  business_types: ['AMBULANT', 'BPA', 'CARE_ALLOWANCE', 'HOUSING_BASE', 'OTHER'],
  target_groups: ['INTELLECTUAL_DISABILITY', 'MENTAL_HEALTH_SUBSTANCE', 'ELDERLY', 'OTHER'],
  housing_base_target_groups: ['INTELLECTUAL_DISABILITY', 'MENTAL_HEALTH_SUBSTANCE', 'ELDERLY', 'OTHER'],
};

function sizeGroup(code: string, population: number): string {
  if (ASSS.has(code)) return 'ASSS';
  if (population >= 20000) return '20000+';
  if (population >= 10000) return '10000-19999';
  if (population >= 5000) return '5000-9999';
  return '<5000';
}

/** Splits `total` into parts of the given weights, in whole numbers that never exceed it. */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => Math.floor((total * w) / sum));
}

function amounts(agd10: number) {
  return {
    AGD10: agd10,
    AGD4: Math.floor(agd10 * 0.91),
    AGD16: Math.floor(agd10 * 0.8),
    AGD2: Math.floor(agd10 * 0.95),
  };
}

/**
 * Writes a synthetic survey round in the exchange format: every municipality of the year's structure (of
 * 2020-2023 for a year before the product's lists) invited, about 80 % responding, with all three tables at random levels of detail.
 */
export async function writeSyntheticRound(dir: string, referenceYear: number): Promise<void> {
  // Seeded, so that every run benchmarks the same data.
  const rng = seededRandom(referenceYear);
  // The municipalities of the reference year where the product has their list (2019 on), else those of
  // 2020-2023: an import checks the codes of a year it knows.
  const municipalities = (await loadMunicipalityRows(referenceYear)) ?? (await loadMunicipalityRows(2022))!;
  const header = `code,name,size_group,asss,criteria,attended_meeting,meeting_participants,population_approx,${MEASURES.map((m) => `kostra_${referenceYear}_${m.toLowerCase()}`).join(',')}`;
  const lines = [header];
  const responses: unknown[] = [];
  for (const { code, name } of municipalities) {
    const population = Math.floor(800 + rng() ** 3 * 200000);
    const total = Math.floor((population * (12 + rng() * 8)) / 1);
    const attended = rng() < 0.8;
    const totals = amounts(total);
    lines.push(
      [
        code,
        name.includes(',') ? `"${name}"` : name,
        sizeGroup(code, population),
        ASSS.has(code),
        'RANDOM',
        attended,
        attended ? 1 + Math.floor(rng() * 4) : 0,
        population,
        ...MEASURES.map((m) => totals[m]),
      ].join(','),
    );
    if (rng() > 0.8) continue;
    const tables: Record<string, unknown> = {};
    const detail = rng();
    const tableKeys = detail < 0.25 ? [] : detail < 0.4 ? ['business_types'] : Object.keys(TABLES);
    let housing = 0;
    for (const key of tableKeys) {
      const rows = TABLES[key as keyof typeof TABLES];
      const whole = key === 'housing_base_target_groups' ? housing : Math.floor(total * (0.7 + rng() * 0.3));
      const parts = split(
        whole,
        rows.map(() => 0.2 + rng()),
      );
      const ticked = rows.map(() => rng() < 0.1);
      if (key === 'business_types') housing = ticked[3] ? 0 : parts[3]!;
      tables[key] = {
        methods: [METHODS[Math.floor(rng() * METHODS.length)]],
        rows: Object.fromEntries(
          rows.map((row, i) => [
            row,
            ticked[i]
              ? { fewer_than_5: true, amounts: { AGD10: null, AGD4: null, AGD16: null, AGD2: null } }
              : { fewer_than_5: false, amounts: amounts(parts[i]!) },
          ]),
        ),
      };
    }
    responses.push({
      municipality: code,
      submitted_at: `${referenceYear + 1}-05-${String(10 + Math.floor(rng() * 18)).padStart(2, '0')}T10:00:00+02:00`,
      comments: '',
      tables,
    });
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'invited.csv'), `${lines.join('\n')}\n`);
  await writeFile(
    join(dir, 'responses.json'),
    JSON.stringify({
      survey: `f254-synthetic-${referenceYear}`,
      reference_year: referenceYear,
      unit: '1000 NOK',
      responses,
    }),
  );
}
