import { readFile } from 'node:fs/promises';
import { DomainError } from '../domain/errors.ts';

/** The reference data and survey definitions shipped with the product, in `data/`. */
export const DATA_DIR = new URL('../../data/', import.meta.url);

/** A JSON file of `data/`; a file that cannot be read or parsed is named in the error. */
export async function readJson(relative: string): Promise<unknown> {
  const url = new URL(relative, DATA_DIR);
  try {
    return JSON.parse(await readFile(url, 'utf8')) as unknown;
  } catch (error) {
    throw new DomainError(error instanceof Error ? error.message : 'unreadable', [`data/${relative}`], {
      cause: error,
    });
  }
}
