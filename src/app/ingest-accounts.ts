import { exitCodeFor } from '../domain/accounts/control-rules.ts';
import { DomainError } from '../domain/errors.ts';
import { saveAccountFigures } from '../store/accounts.ts';
import type { Db } from '../store/database.ts';
import { perform } from './action.ts';
import { controlAccountsFile, declaredByFile, type AccountsResult } from './control-accounts.ts';

/**
 * Ingests an accounting file: controlled first, and refused (nothing stored) when the control finds an
 * ERROR or FATAL, unless forced; then its key figures for every function are stored for the year and the
 * municipality (region 040200 is municipality 0402).
 */
export async function ingestAccountsFile(
  db: Db,
  path: string,
  by: string,
  options: { force?: boolean } = {},
): Promise<AccountsResult> {
  const declared = declaredByFile(path);
  const result = await controlAccountsFile(path, declared);
  const blocking = result.report.findings.filter((f) => f.severity === 'ERROR' || f.severity === 'FATAL');
  if (exitCodeFor(blocking.map((f) => f.severity)) === 2 && !options.force)
    throw new DomainError(
      `the control found ${blocking.length} errors (first: ${blocking[0]!.rule} ${blocking[0]!.title}); correct the file, or force with a reason`,
      [path],
    );
  const municipality = declared.region.slice(0, 4);
  return perform(db, by, async (trx) => {
    await saveAccountFigures(trx, {
      year: declared.year,
      municipality,
      file: path,
      by,
      figures: result.functions.flatMap((f) =>
        f.figures.map((k) => ({ function: f.function, measure: k.code, value: k.value })),
      ),
    });
    return {
      result,
      audit: {
        action: 'accounts.ingest',
        subject: `${declared.year}/${municipality}`,
        detail: {
          file: path,
          forced: options.force === true && blocking.length > 0,
          findings: result.report.findings.length,
        },
      },
    };
  });
}
