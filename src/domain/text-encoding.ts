import { DomainError } from './errors.ts';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Bytes of a text file as UTF-8, refused when they are not: a file saved in Latin-1 or Windows-1252 (what
 * Excel on a Norwegian Windows calls "CSV" without "UTF-8") would otherwise be read with its æ, ø and å
 * replaced, and those names stored and published. The refusal names the line of the first byte that is not
 * UTF-8 and says how to save the file. NUL bytes are refused too: no text the product reads has them.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch (error) {
    const line = lineOf(bytes, firstInvalidByte(bytes));
    throw new DomainError(
      'the file is not UTF-8 text (saved in Latin-1 or Windows-1252?): save it as "CSV UTF-8" or another UTF-8 text',
      [file, `line ${line}`],
      { cause: error },
    );
  }
  const nul = text.indexOf('\0');
  if (nul >= 0)
    throw new DomainError('the file holds a NUL byte: it is not a text file', [
      file,
      `line ${text.slice(0, nul).split('\n').length}`,
    ]);
  return text;
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    try {
      strict.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

const lineOf = (bytes: Uint8Array, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 10) line += 1;
  return line;
};
