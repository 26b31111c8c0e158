import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publishRound } from '../app/publish-round.ts';
import type { PublicationStage } from '../domain/publication/series.ts';
import { statbankFilesFor } from '../app/statbank-files.ts';
import { configuredDatabase } from '../config.ts';
import { openDatabase } from '../store/database.ts';
import { UsageError } from './usage-error.ts';

/** `--stage preliminary|final`: final unless told. */
export function stageOption(text: string | undefined): PublicationStage {
  if (text === undefined || text === 'final') return 'final';
  if (text === 'preliminary') return 'preliminary';
  throw new UsageError(`--stage ${text}: preliminary or final`);
}

/**
 * `kostra publish --round ID [--statbank DIR]`: the round's split suppressed, audited and published, or
 * nothing; with --statbank, each published table's StatBank load files written to DIR, all made and
 * checked before the first is written.
 */
export async function publishCommand(options: {
  round?: string | undefined;
  statbank?: string | undefined;
  stage?: string | undefined;
  note?: string | undefined;
}): Promise<void> {
  if (!options.round) throw new UsageError('publish needs --round ID');
  const db = await openDatabase(configuredDatabase());
  try {
    const published = await publishRound(
      db,
      options.round,
      `cli:${process.env['USER'] ?? 'unknown'}`,
      new Date(),
      { stage: stageOption(options.stage), ...(options.note ? { note: options.note } : {}) },
    );
    for (const t of published)
      console.log(
        `${t.id} ${t.period} (${t.stage}, revision ${t.revision}): ${t.label} (${t.primary} primary, ${t.secondary} secondary suppressed; audit: ${t.checked.join(', ')})`,
      );
    if (options.statbank) {
      const files = [];
      for (const t of published) files.push(...(await statbankFilesFor(db, t.id)));
      await mkdir(options.statbank, { recursive: true });
      for (const f of files) {
        await writeFile(join(options.statbank, f.filename), f.content);
        console.log(`${f.table}: StatBank load file ${join(options.statbank, f.filename)}`);
      }
    }
  } finally {
    await db.destroy();
  }
}
