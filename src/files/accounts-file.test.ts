import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { firstLine, readAccountChunks, type ChunkSink } from './accounts-file.ts';

/** A sink of two arrays of its own, which grow keeping what they hold, for `consume`. */
function arraySink(
  consume: (bytes: Uint8Array, start: number, end: number, last: boolean) => number,
): ChunkSink {
  const buffers = [new Uint8Array(0), new Uint8Array(0)];
  return {
    buffer(which, size) {
      const bytes = buffers[which]!;
      if (bytes.length >= size) return bytes;
      const larger = new Uint8Array(size);
      larger.set(bytes);
      buffers[which] = larger;
      return larger;
    },
    consume,
  };
}

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

describe('a file that cannot be read', () => {
  const consume = arraySink((_bytes, _start, end) => end);

  test.each([
    ['a missing file', () => join(dir, 'nowhere.dat'), 'file not found'],
    ['a folder', () => dir, 'a folder, not a file'],
  ])('%s is named, with the reason', async (_, path, reason) => {
    const error = new DomainError(reason, [path()]);
    await expect(readAccountChunks(path(), consume)).rejects.toThrow(error.message);
    expect(() => firstLine(path())).toThrow(error.message);
  });

  test('a consumer that fails stops the reading, with its own error', async () => {
    const path = join(dir, 'three-chunks.dat');
    await writeFile(path, 'x'.repeat(30), 'latin1');
    let calls = 0;
    const failing = arraySink(() => {
      calls++;
      throw new Error('the consumer failed');
    });
    await expect(readAccountChunks(path, failing, 10)).rejects.toThrow('the consumer failed');
    expect(calls).toBe(1);
    // A file smaller than a chunk is read at once: the same.
    await expect(readAccountChunks(path, failing)).rejects.toThrow('the consumer failed');
    expect(calls).toBe(2);
  });
});

describe('the first line', () => {
  test.each([
    ['', undefined],
    ['\n', ''],
    ['0A2022 340100\r\nnext', '0A2022 340100'],
    ['0A2022 340100\nnext', '0A2022 340100'],
    ['no line break', 'no line break'],
    ['Ærø\n', 'Ærø'],
  ])('of %j is %j', async (content, line) => {
    const path = join(dir, `first-${content.length}-${content.charCodeAt(0)}.dat`);
    await writeFile(path, content, 'latin1');
    expect(firstLine(path)).toBe(line);
  });

  test('of a line longer than it reads: its first bytes', async () => {
    const path = join(dir, 'long-first.dat');
    await writeFile(path, `${'x'.repeat(5000)}\nnext`, 'latin1');
    expect(firstLine(path, 100)).toBe('x'.repeat(100));
  });
});
