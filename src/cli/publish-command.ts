import { publishRound } from '../app/publish-round.ts';
import { configuredDatabase } from '../config.ts';
import { openDatabase } from '../store/database.ts';
import { UsageError } from './usage-error.ts';

/** `kostra publish --round ID`: the round's split suppressed, audited and published, or nothing. */
export async function publishCommand(options: { round?: string | undefined }): Promise<void> {
  if (!options.round) throw new UsageError('publish needs --round ID');
  const db = await openDatabase(configuredDatabase());
  try {
    for (const t of await publishRound(
      db,
      options.round,
      `cli:${process.env['USER'] ?? 'unknown'}`,
      new Date(),
    ))
      console.log(
        `${t.id}: ${t.label} (${t.primary} primary, ${t.secondary} secondary suppressed; audit: ${t.checked.join(', ')})`,
      );
  } finally {
    await db.destroy();
  }
}
