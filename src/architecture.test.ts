import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/** The rules docs/ARCHITECTURE.md states, held to by reading the source. */
const SRC = new URL('.', import.meta.url).pathname;

function sources(folder: string): { path: string; text: string }[] {
  const dir = join(SRC, folder);
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(relative(SRC, path));
    if (!/\.tsx?$/.test(name) || /\.test\.tsx?$/.test(name)) return [];
    return [{ path: relative(SRC, path), text: readFileSync(path, 'utf8') }];
  });
}

const offenders = (folder: string, pattern: RegExp) =>
  sources(folder)
    .filter((f) => pattern.test(f.text))
    .map((f) => f.path);

describe('the layers', () => {
  test('routes run no query of their own: they call app/', () => {
    expect(
      offenders('server/routes', /\.(selectFrom|insertInto|updateTable|deleteFrom|transaction)\(/),
    ).toEqual([]);
  });

  test('the audit log is written in one place, inside the action’s transaction', () => {
    expect(offenders('.', /insertInto\('audit_log'\)/)).toEqual(['store/audit.ts']);
    expect(offenders('.', /writeAuditEntry\(/).sort()).toEqual(['app/action.ts', 'store/audit.ts']);
  });

  test('report/ takes its own input: nothing from app/ or store/', () => {
    expect(offenders('report', /from '\.\.\/(app|store)\//)).toEqual([]);
  });

  test('domain/ does no I/O and knows no layer above it', () => {
    expect(
      offenders(
        'domain',
        /from '(node:fs|node:net|node:http|fastify|kysely|pg)'|from '(\.\.\/)+(app|store|server|files|cli|web|report)\//,
      ),
    ).toEqual([]);
  });

  test('one CSV module: csv-parse is read through domain/csv.ts, and no reader splits lines on commas', () => {
    expect(offenders('.', /from 'csv-parse/)).toEqual(['domain/csv.ts']);
    // invited.csv's criteria are a list within one field ("ASSS;KOSTRA_AG"), split after reading.
    expect(offenders('files', /\.split\(['"][,;]['"]\)/)).toEqual(['files/invited-csv.ts']);
  });

  test('one rounding rule: no Math.round outside rounding.ts in the product’s figures', () => {
    expect(offenders('app', /Math\.round\(/)).toEqual([]);
    expect(offenders('domain/statistics', /Math\.round\(/)).toEqual([]);
  });
});
