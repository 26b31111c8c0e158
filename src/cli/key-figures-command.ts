import { parseArgs } from 'node:util';
import { publishKeyFigures } from '../app/key-figures.ts';
import { writeSyntheticNationalYear } from '../app/synthetic-accounts.ts';
import { configuredDatabase } from '../config.ts';
import { openDatabase } from '../store/database.ts';
import { stageOption } from './publish-command.ts';
import { UsageError, wholeOption } from './usage-error.ts';

const USAGE =
  'key-figures takes accounts --year Y --seed N --out DIR, or publish --year Y [--stage preliminary|final] [--note TEXT]';

/**
 * `kostra key-figures …`: home care's key figures from the ingested accounts. `accounts` writes a
 * synthetic national year of accounting files to ingest (seeded); `publish` publishes a year's key figures
 * (per inhabitant, 67+ and 80+; municipalities, counties, KOSTRA groups, the country) as a period of KF254.
 */
export async function keyFiguresCommand(args: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      year: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      stage: { type: 'string' },
      note: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const year = wholeOption(values.year, '--year');
  switch (positionals[0]) {
    case 'accounts': {
      if (!values.out) throw new UsageError(`--out DIR is needed: ${USAGE}`);
      const files = await writeSyntheticNationalYear(year, wholeOption(values.seed, '--seed'), values.out);
      console.log(
        `${files.length} synthetic accounting files for ${year} in ${values.out} (kostra ingest ${values.out}/*.dat)`,
      );
      return;
    }
    case 'publish': {
      const db = await openDatabase(configuredDatabase());
      try {
        const t = await publishKeyFigures(db, year, `cli:${process.env['USER'] ?? 'unknown'}`, new Date(), {
          stage: stageOption(values.stage),
          ...(values.note ? { note: values.note } : {}),
        });
        console.log(`${t.id} ${t.period} (${t.stage}, revision ${t.revision}): ${t.label}`);
      } finally {
        await db.destroy();
      }
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}
