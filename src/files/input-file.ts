import { decodeUtf8 } from '../domain/text-encoding.ts';
import { readFile } from 'node:fs/promises';
import { DomainError } from '../domain/errors.ts';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'file not found',
  EACCES: 'not allowed to read the file',
  EISDIR: 'a folder, not a file',
};

/**
 * The error a user is shown for a file the system could not open or read: the path and the reason, not a
 * stack trace. Any other error (a fault in what the file holds, say) is returned as it is.
 */
export function unreadable(path: string, error: unknown): unknown {
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  if (typeof syscall !== 'string') return error;
  const reason = (typeof code === 'string' && REASONS[code]) || `cannot read the file (${String(code)})`;
  return new DomainError(reason, [path], { cause: error });
}

/** A file given as input, as UTF-8 text: another encoding is refused, never read mangled. */
export async function readInputText(path: string): Promise<string> {
  const bytes = await readFile(path).catch((error: unknown) => {
    throw unreadable(path, error);
  });
  return decodeUtf8(bytes, path);
}
