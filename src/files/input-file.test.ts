import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { readInputText, unreadable } from './input-file.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kostra-input-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

test('a file given as input is read as text', async () => {
  await writeFile(join(dir, 'population.csv'), 'region;befolkning\n3401;17 000\n');
  expect(await readInputText(join(dir, 'population.csv'))).toBe('region;befolkning\n3401;17 000\n');
});

test.each([
  ['a missing file', 'missing.csv', 'file not found'],
  ['a folder', '', 'a folder, not a file'],
])('%s: an error that names the path and the reason', async (_, name, reason) => {
  const path = join(dir, name);
  const read = readInputText(path);
  await expect(read).rejects.toBeInstanceOf(DomainError);
  await expect(read).rejects.toThrow(`${path}: ${reason}`);
});

test('an error that is no failed system call is left as it is', () => {
  const fault = new DomainError('"x" is no year', ['file.dat', 'line 1']);
  expect(unreadable('file.dat', fault)).toBe(fault);
});
