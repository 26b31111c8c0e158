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
