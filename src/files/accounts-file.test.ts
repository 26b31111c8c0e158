import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { arraySink, readAccountChunks } from './accounts-file.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kostra-chunks-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** The lines `readAccountChunks` hands over, a consumer taking whole lines only, as the control does. */
async function linesOf(content: string, chunkBytes: number) {
  const path = join(dir, `f${chunkBytes}-${content.length}.dat`);
  await writeFile(path, content, 'latin1');
  const lines: string[] = [];
  await readAccountChunks(
    path,
    arraySink((bytes, start, end, last) => {
      let s = start;
      for (let nl = bytes.indexOf(10, s); nl >= 0 && nl < end; nl = bytes.indexOf(10, s)) {
        lines.push(Buffer.from(bytes.subarray(s, nl)).toString('latin1'));
        s = nl + 1;
      }
      if (last && s < end) {
        lines.push(Buffer.from(bytes.subarray(s, end)).toString('latin1'));
        return end;
      }
      return s;
    }),
    chunkBytes,
  );
  return lines;
}

test.each([4, 7, 64, 1 << 20])('every line whole, in order, with chunks of %i bytes', async (chunkBytes) => {
  const lines = ['a', '', 'x'.repeat(100), 'Ærø', 'last without a break'];
  expect(await linesOf(lines.join('\n'), chunkBytes)).toEqual(lines);
  expect(await linesOf(`${lines.join('\n')}\n`, chunkBytes)).toEqual(lines);
  expect(await linesOf('', chunkBytes)).toEqual([]);
});
