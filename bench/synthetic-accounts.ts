import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../src/domain/collection/sample.ts';

/**
 * Functions and arts a municipality's operations and investment accounts use (valid 2022): municipal service
 * functions of 2022 but those with controls of their own (170–173, 290). A municipality's file has each
 * combination once, so a file of 3,000 records needs enough of them (69 × 54).
 */
const SERVICE = [
  '100',
  '110',
  '120',
  '121',
  '130',
  '180',
  '201',
  '202',
  '211',
  '213',
  '215',
  '221',
  '222',
  '223',
  '231',
  '232',
  '233',
  '234',
  '241',
  '242',
  '243',
  '244',
  '251',
  '252',
  '253',
  '254',
  '256',
  '261',
  '265',
  '273',
  '275',
  '276',
  '281',
  '283',
  '285',
  '301',
  '302',
  '303',
  '315',
  '320',
  '321',
  '322',
  '325',
  '329',
  '330',
  '332',
  '335',
  '338',
  '339',
  '340',
  '345',
  '350',
  '353',
  '354',
  '355',
  '360',
  '365',
  '370',
  '373',
  '375',
  '377',
  '380',
  '381',
  '383',
  '385',
  '386',
  '390',
  '392',
  '393',
];
const EXPENSE_ARTS = [
  '010',
  '020',
  '030',
  '040',
  '050',
  '075',
  '090',
  '099',
  '100',
  '105',
  '110',
  '115',
  '120',
  '130',
  '140',
  '150',
  '160',
  '165',
  '170',
  '180',
  '185',
  '190',
  '195',
  '200',
  '209',
  '210',
  '220',
  '230',
  '250',
  '260',
  '270',
  '300',
  '330',
  '350',
  '370',
  '400',
  '429',
  '470',
];
const INCOME_ARTS = [
  '600',
  '620',
  '630',
  '640',
  '650',
  '700',
  '710',
  '729',
  '730',
  '750',
  '770',
  '780',
  '810',
  '830',
  '850',
  '890',
];

/**
 * A synthetic accounting file that passes the controls: service functions with expenses and income, tax
 * income and the block grant, the operations balanced through function 880/art 530, depreciation with its
 * counter-entry, an investment account in balance. `records` is about the number of lines; seeded, so the same seed gives the same file.
 */
export async function writeSyntheticAccounts(
  path: string,
  region: string,
  records: number,
  seed: number,
): Promise<number> {
  const random = seededRandom(seed);
  const out = createWriteStream(path, { encoding: 'latin1', highWaterMark: 1 << 20 });
  let written = 0;
  let operations = 0;
  const lines: string[] = [];
  const flush = async (last = false) => {
    const text = lines.join('\n') + (last ? '' : '\n');
    lines.length = 0;
    if (!out.write(text)) await once(out, 'drain');
  };
  const line = (kontoklasse: string, fn: string, art: string, amount: number) => {
    lines.push(
      `0A2022 ${region}${' '.repeat(18)}${kontoklasse}${fn.padEnd(4)}${art}${String(amount).padStart(9)}`,
    );
    written++;
  };
  // A real file has one amount per combination (Kongsvinger 2019: 1,644 records, 1,644 combinations): a file
  // with room for them draws each once. Keys repeat in a file of millions of lines, which the duplicate
  // control counts (a WARNING), as it should.
  const unique = records - 8 <= SERVICE.length * (EXPENSE_ARTS.length + INCOME_ARTS.length);
  const combinations = unique ? shuffled(serviceCombinations(), random) : [];
  for (let i = 0; written < records - 8; i++) {
    const [fn, art, income] = unique ? combinations[i]! : randomCombination(random);
    const amount = Math.round(random() * 5000) * (income ? -1 : 1);
    line('1', fn, art, amount);
    operations += amount;
    if (lines.length >= 10_000) await flush();
  }
  line('1', '254', '590', 1000);
  line('1', '860', '990', -1000);
  line('1', '800', '870', -3000);
  line('1', '840', '800', -2000);
  operations -= 5000;
  // Balanced through financing on function 880, in amounts that fit the nine positions.
  for (let rest = operations; rest !== 0;) {
    const part = Math.sign(rest) * Math.min(Math.abs(rest), 99_999_999);
    line('1', '880', part > 0 ? '900' : '530', -part);
    rest -= part;
  }
  line('0', '254', '010', 5000);
  line('0', '254', '910', -5000);
  await flush(true);
  out.end();
  await once(out, 'finish');
  return written;
}

type Combination = readonly [fn: string, art: string, income: boolean];

/** A service function with an expense art (70 %) or an income art, drawn at random. */
function randomCombination(random: () => number): Combination {
  const fn = SERVICE[Math.floor(random() * SERVICE.length)]!;
  const income = random() < 0.3;
  const arts = income ? INCOME_ARTS : EXPENSE_ARTS;
  return [fn, arts[Math.floor(random() * arts.length)]!, income];
}

/** Every service function with every expense and income art. */
const serviceCombinations = (): Combination[] =>
  SERVICE.flatMap((fn) => [
    ...EXPENSE_ARTS.map((art): Combination => [fn, art, false]),
    ...INCOME_ARTS.map((art): Combination => [fn, art, true]),
  ]);

/** The items in a random order (Fisher–Yates). */
function shuffled<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
