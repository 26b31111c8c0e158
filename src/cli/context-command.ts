import { mkdir, writeFile } from 'node:fs/promises';
import { readInputText } from '../files/input-file.ts';
import { join } from 'node:path';
import { contextForYear } from '../app/context-tables.ts';
import { configuredDatabase } from '../config.ts';
import { openDatabase } from '../store/database.ts';
import { UsageError } from './usage-error.ts';

/**
 * `kostra context --year Y --population FILE.csv --out DIR`: the note's tables 2.1-2.3 from the ingested
 * accounts and the population (StatBank 07459 shape): DIR/context.json and DIR/table-2.x.csv.
 */
export async function contextCommand(options: {
  year?: string | undefined;
  population?: string | undefined;
  out?: string | undefined;
}): Promise<void> {
  if (!options.year || !options.population || !options.out)
    throw new UsageError('context needs --year YEAR, --population FILE.csv and --out DIR');
  const db = await openDatabase(configuredDatabase());
  try {
    const result = await contextForYear(
      db,
      Number(options.year),
      await readInputText(options.population),
      options.population,
    );
    await mkdir(options.out, { recursive: true });
    await writeFile(join(options.out, 'context.json'), JSON.stringify(result, null, 2));
    for (const [key, rows] of Object.entries(result.tables))
      await writeFile(
        join(options.out, `${key}.csv`),
        [
          'code,label,municipalities,amount_1000_nok,share_percent,nok_per_inhabitant',
          ...rows.map((r) =>
            [r.code, `"${r.label}"`, r.municipalities, r.amount, r.share ?? '', r.perInhabitant ?? ''].join(
              ',',
            ),
          ),
        ].join('\n') + '\n',
      );
    console.log(
      `${options.year}: functions ${result.functions.join(' + ')}; ${result.missing.length} municipalities without accounts or population`,
    );
  } finally {
    await db.destroy();
  }
}
