import { DomainError, NotFoundError } from '../domain/errors.ts';
import { statbankFaults } from '../domain/publication/statbank-check.ts';
import { loadFileText, statbankLoadFiles } from '../domain/publication/statbank-load.ts';
import { loadStatbankDescription } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { findPublication, listPublications } from '../store/publications.ts';

/** A load file ready to send: its name in the file description and its bytes (UTF-8, CRLF). */
export interface StatbankFile {
  readonly table: string;
  readonly filename: string;
  readonly content: Buffer;
}

/**
 * A published table's StatBank load files, laid out by its file description and checked as StatBank's
 * client checks a transfer before it is sent; a fault stops them, named (nothing half-made goes out).
 * The text is UTF-8, as the client's HTTP library sends it (the files hold only codes and numbers).
 */
export async function statbankFilesFor(db: Db, table: string): Promise<StatbankFile[]> {
  const stored = await findPublication(db, table);
  if (!stored) throw new NotFoundError(`no published table ${table}`);
  const description = await loadStatbankDescription(table);
  const files = statbankLoadFiles(stored.dataset, description);
  const faults = statbankFaults(description, files);
  if (faults.length > 0)
    throw new DomainError(`StatBank's client would refuse the load files: ${faults.join('; ')}`, [table]);
  return files.map((f) => ({ table, filename: f.filename, content: Buffer.from(loadFileText(f), 'utf8') }));
}

/** The load files of every published table, all of them or, if one fails, none. */
export async function allStatbankFiles(db: Db): Promise<StatbankFile[]> {
  const files: StatbankFile[] = [];
  for (const t of await listPublications(db)) files.push(...(await statbankFilesFor(db, t.dataset.id)));
  return files;
}

/**
 * Where each table's load files are served, or, for a table without a file description (or whose files the
 * client would refuse), why it has none: what the staff page lists after publishing.
 */
export async function loadFileLinks(
  db: Db,
  table: string,
): Promise<{ files: { filename: string; href: string }[]; problem?: string }> {
  try {
    const files = await statbankFilesFor(db, table);
    return {
      files: files.map((f) => ({
        filename: f.filename,
        href: `/api/staff/publications/${table}/statbank/${f.filename}`,
      })),
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { files: [], problem: error.message };
  }
}
