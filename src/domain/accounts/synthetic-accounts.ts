import { seededRandom } from '../collection/sample.ts';
import type { Population } from '../population.ts';
import { homeCareFunctionsOf } from '../publication/key-figures-publication.ts';

/**
 * Synthetic municipal accounts (skjema 0A) for a whole country and year, to test and demonstrate what is
 * computed from ingested accounts: a file per municipality that passes SSB's controls, its home-care
 * expenses in proportion to its inhabitants (more for the old), its income and financing balancing it.
 * Nothing in them is a municipality's real accounts.
 */

/** One 48-character record of the operations (kontoklasse 1) or investment (0) account, in 1000 NOK. */
function record(
  year: number,
  region: string,
  kontoklasse: '0' | '1',
  fn: string,
  art: string,
  amount: number,
) {
  return `0A${year} ${region}${' '.repeat(18)}${kontoklasse}${fn.padEnd(4)}${art}${String(amount).padStart(9)}`;
}

/**
 * A municipality's synthetic file: home care (wages, purchases, services; sick-pay refunds and user fees as
 * income), administration, depreciation with its counter-entry, tax income and the block grant, and the
 * rest financed on function 880, so the operations balance. Amounts in 1000 NOK, seeded: the same
 * municipality, year and seed give the same file.
 */
export function syntheticAccountsFile(
  year: number,
  municipality: string,
  population: Population,
  seed: number,
): string {
  const random = seededRandom(seed * 100_003 + Number(municipality) * 31 + year);
  const level = 0.8 + 0.4 * random();
  // About 14 000 NOK per inhabitant nationally (76 billion in 2021), more where more are old.
  const homeCare = Math.round(
    level * (population.total * 3.5 + population.age67plus * 35 + population.age80plus * 60),
  );
  const region = `${municipality}00`;
  const lines: string[] = [];
  let operations = 0;
  const add = (fn: string, art: string, amount: number) => {
    if (amount === 0) return;
    lines.push(record(year, region, '1', fn, art, amount));
    operations += amount;
  };
  const functions = homeCareFunctionsOf(year)[0]!.parts;
  // From 2024 the ambulant services (257) take a little over half, the housing bases (258) the rest.
  const first = functions.length === 1 ? homeCare : Math.round(homeCare * (0.55 + 0.1 * random()));
  functions.forEach((fn, i) => {
    const expense = i === 0 ? first : homeCare - first;
    add(fn, '010', Math.round(expense * 0.78));
    add(fn, '100', Math.round(expense * 0.12));
    add(fn, '270', expense - Math.round(expense * 0.78) - Math.round(expense * 0.12));
    add(fn, '710', -Math.round(expense * 0.05));
    add(fn, '600', -Math.round(expense * 0.03));
  });
  add('120', '010', Math.round(population.total * 2.5 * level));
  add('120', '590', 50);
  add('860', '990', -50);
  const expenses = operations;
  add('800', '870', -Math.round(expenses * 0.55));
  add('840', '800', -Math.round(expenses * 0.4));
  // Financed on function 880, in amounts that fit the record's nine positions.
  for (let rest = operations; rest !== 0;) {
    const part = Math.sign(rest) * Math.min(Math.abs(rest), 99_999_999);
    lines.push(record(year, region, '1', '880', part > 0 ? '900' : '530', -part));
    rest -= part;
  }
  lines.push(
    record(year, region, '0', functions[0]!, '010', 5000),
    record(year, region, '0', functions[0]!, '910', -5000),
  );
  return lines.join('\n') + '\n';
}
