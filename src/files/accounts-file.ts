import { createReadStream } from 'node:fs';

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
 * Calls `visit` with each line of an accounting file as a range of bytes of a chunk (line break excluded),
 * without making a string of it: the fast path of the control. Chunks of 1 MiB; a line across two chunks is
 * joined. A national year is never held as one string.
 */
export async function forEachAccountLine(
  path: string,
  visit: (buffer: Buffer, start: number, end: number, line: number) => void,
): Promise<number> {
  let carry: Buffer | null = null;
  let line = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let buffer = chunk as Buffer;
    if (carry) buffer = Buffer.concat([carry, buffer]);
    let start = 0;
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      const stop = end > start && buffer[end - 1] === 13 ? end - 1 : end;
      visit(buffer, start, stop, ++line);
      start = end + 1;
    }
    carry = start < buffer.length ? buffer.subarray(start) : null;
  }
  if (carry && carry.length > 0) {
    const stop = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    visit(carry, 0, stop, ++line);
  }
  return line;
}

/** The same as `forEachAccountLine` for a file already in memory (an upload). */
export function forEachLineInBuffer(
  buffer: Buffer,
  visit: (buffer: Buffer, start: number, end: number, line: number) => void,
): number {
  let line = 0;
  let start = 0;
  for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
    visit(buffer, start, end > start && buffer[end - 1] === 13 ? end - 1 : end, ++line);
    start = end + 1;
  }
  if (start < buffer.length)
    visit(buffer, start, buffer[buffer.length - 1] === 13 ? buffer.length - 1 : buffer.length, ++line);
  return line;
}
