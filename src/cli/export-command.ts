import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configuredDatabase } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { roundDataset } from '../files/write-dataset.ts';
import { openDatabase } from '../store/database.ts';
import { loadRound } from '../store/rounds.ts';
import { UsageError } from './usage-error.ts';

/** `kostra export --round ID --out DIR`: a controlled round in the import format, latest versions. */
export async function exportCommand(options: {
  round?: string | undefined;
  out?: string | undefined;
}): Promise<void> {
  if (!options.round || !options.out) throw new UsageError('export needs --round ID and --out DIR');
  const existing = await readdir(options.out).catch(() => []);
  if (existing.some((f) => f !== 'invited.csv' && f !== 'responses.json'))
    throw new DomainError('the folder holds other files; choose an empty or new folder', [options.out]);
  const db = await openDatabase(configuredDatabase());
  try {
    const { definition, round } = await loadRound(db, options.round);
    const files = roundDataset(definition, round);
    await mkdir(options.out, { recursive: true });
    await writeFile(join(options.out, 'invited.csv'), files.invited);
    await writeFile(join(options.out, 'responses.json'), files.responses);
    console.log(
      `exported ${round.id}: ${round.invitations.length} invited, ${round.responses.length} responses to ${options.out}`,
    );
  } finally {
    await db.destroy();
  }
}
