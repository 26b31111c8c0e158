import { ingestAccountsFile } from '../app/ingest-accounts.ts';
import { prefillFromAccounts } from '../app/prefill-from-accounts.ts';
import { configuredDatabase } from '../config.ts';
import { openDatabase } from '../store/database.ts';
import { UsageError } from './usage-error.ts';

const actor = () => `cli:${process.env['USER'] ?? 'unknown'}`;

/** `kostra ingest FILE... [--force]`: control each file and store its key figures; an erroneous file is refused. */
export async function ingestCommand(
  files: readonly string[],
  options: { force?: boolean | undefined },
): Promise<void> {
  if (files.length === 0) throw new UsageError('ingest needs one or more FILE');
  const db = await openDatabase(configuredDatabase());
  try {
    for (const file of files) {
      const result = await ingestAccountsFile(db, file, actor(), { force: options.force === true });
      const d = result.report.declared;
      console.log(
        `${file}: ${d.year} ${d.region.slice(0, 4)}, ${result.functions.length} functions stored (${result.report.findings.length} findings)`,
      );
    }
  } finally {
    await db.destroy();
  }
}

/** `kostra prefill --round ID`: the round's prefilled totals from the ingested accounts of its year. */
export async function prefillCommand(options: { round?: string | undefined }): Promise<void> {
  if (!options.round) throw new UsageError('prefill needs --round ID');
  const db = await openDatabase(configuredDatabase());
  try {
    const summary = await prefillFromAccounts(db, actor(), options.round);
    console.log(
      `${options.round}: functions ${summary.functions.join(' + ')}, ${summary.filled} municipalities prefilled` +
        (summary.missing.length ? `; no accounts for ${summary.missing.join(', ')}` : ''),
    );
  } finally {
    await db.destroy();
  }
}
