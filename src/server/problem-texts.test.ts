import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROBLEM_TITLES, problemLanguage } from './problem-texts.ts';

describe('problems in the user’s language', () => {
  test('the language asked for: nb for no and nb-NO, nn, en; English for programs that ask for none', () => {
    expect(problemLanguage('nb-NO,nb;q=0.9,en;q=0.8')).toBe('nb');
    expect(problemLanguage('no')).toBe('nb');
    expect(problemLanguage('nn-NO')).toBe('nn');
    expect(problemLanguage('en-GB,nb;q=0.5')).toBe('en');
    expect(problemLanguage('de-DE,nn;q=0.7,nb;q=0.6')).toBe('nn');
    expect(problemLanguage('nb;q=0,en')).toBe('en');
    expect(problemLanguage('fr')).toBe('en');
    expect(problemLanguage(undefined)).toBe('en');
  });

  test('every title the server gives is said in bokmål and nynorsk', async () => {
    const dir = new URL('./', import.meta.url).pathname;
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    const titles = new Set<string>();
    for (const e of entries.filter(
      (f) => f.isFile() && f.name.endsWith('.ts') && !f.name.includes('.test.'),
    )) {
      const text = await readFile(join(e.parentPath, e.name), 'utf8');
      for (const m of text.matchAll(/problem\(\s*\d{3},\s*'[a-z-]+',\s*'([^']+)'/g)) titles.add(m[1]!);
    }
    expect(titles.size).toBeGreaterThan(25);
    expect([...titles].filter((t) => !PROBLEM_TITLES[t])).toEqual([]);
    for (const said of Object.values(PROBLEM_TITLES)) {
      expect(said.nb).not.toBe(said.en);
      expect(said.nn).not.toBe('');
    }
  });
});
