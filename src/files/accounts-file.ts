import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * The lines of an accounting file, one at a time, read in chunks: a national year is never held as one
 * string. Lines end at LF (a CR before it is dropped); the last line needs none. Latin-1 is how the
 * files are written; the control only looks at digits, signs and spaces.
 */
export async function* accountLines(
  path: string,
): AsyncGenerator<{ readonly text: string; readonly line: number }> {
  let rest = '';
  let line = 0;
  for await (const chunk of createReadStream(path, { encoding: 'latin1', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      yield { text: text.slice(start, stop), line: ++line };
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest.length > 0) yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, line: line + 1 };
}

/**
 * Reads an accounting file in chunks into one buffer, reused: `consume` gets the bytes from `start` to `end`
 * and returns where the first line it could not finish begins; that rest is carried to the front, and the
 * next read fills in behind it. `last` marks the final chunk (its rest is the last line). A line longer than
 * the buffer doubles it. A national year is never held as one string, nor a large file as one buffer.
 */
export async function readAccountChunks(
  path: string,
  consume: (bytes: Uint8Array, start: number, end: number, last: boolean) => number,
  chunkBytes = 1 << 22,
): Promise<void> {
  const file = await open(path, 'r');
  try {
    // A small file gets a buffer of its size (a national year is 356 of them), a large one chunks.
    const { size } = await file.stat();
    let buffer = new Uint8Array(Math.max(Math.min(chunkBytes, size + 1), 1));
    let carried = 0;
    for (;;) {
      if (carried === buffer.length) {
        const larger = new Uint8Array(buffer.length * 2);
        larger.set(buffer);
        buffer = larger;
      }
      const { bytesRead } = await file.read(buffer, carried, buffer.length - carried, null);
      const end = carried + bytesRead;
      const last = bytesRead === 0;
      const rest = consume(buffer, 0, end, last);
      if (last) return;
      buffer.copyWithin(0, rest, end);
      carried = end - rest;
    }
  } finally {
    await file.close();
  }
}
