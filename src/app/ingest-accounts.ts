import { exitCodeFor } from '../domain/accounts/control-rules.ts';
import { parseRecord } from '../domain/accounts/record.ts';
import { DomainError } from '../domain/errors.ts';
import { accountLines } from '../files/accounts-file.ts';
import { saveAccountFigures } from '../store/accounts.ts';
import type { Db } from '../store/database.ts';
import { logAction } from '../store/statisticians.ts';
import { controlAccountsFile, type AccountsResult } from './control-accounts.ts';

/** Skjema, year, quarter and region as a file's first record gives them. */
export async function declaredByFile(path: string) {
  for await (const { text } of accountLines(path)) {
    const head = parseRecord(text, 1);
    if (!/^\d{4}$/.test(head.year)) throw new DomainError(`"${head.year}" is no year`, [path, 'line 1']);
    if (!/^\d{6}$/.test(head.region))
      throw new DomainError(`"${head.region}" is no region`, [path, 'line 1']);
    return { skjema: head.skjema, year: Number(head.year), quarter: head.quarter, region: head.region };
  }
  throw new DomainError('the file is empty', [path]);
}

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
  const declared = await declaredByFile(path);
  const result = await controlAccountsFile(path, declared);
  const blocking = result.report.findings.filter((f) => f.severity === 'ERROR' || f.severity === 'FATAL');
  if (exitCodeFor(blocking.map((f) => f.severity)) === 2 && !options.force)
    throw new DomainError(
      `the control found ${blocking.length} errors (first: ${blocking[0]!.rule} ${blocking[0]!.title}); correct the file, or force with a reason`,
      [path],
    );
  const municipality = declared.region.slice(0, 4);
  await saveAccountFigures(db, {
    year: declared.year,
    municipality,
    file: path,
    by,
    figures: result.functions.flatMap((f) =>
      f.figures.map((k) => ({ function: f.function, measure: k.code, value: k.value })),
    ),
  });
  await logAction(db, by, 'accounts.ingest', `${declared.year}/${municipality}`, {
    file: path,
    forced: options.force === true && blocking.length > 0,
    findings: result.report.findings.length,
  });
  return result;
}
