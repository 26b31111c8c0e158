import { decodePDFRawStream, PDFArray, PDFDocument, type PDFRawStream } from 'pdf-lib';

/** One piece of text a PDF draws: on which page, where, in which font and size. */
export interface PdfTextRun {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  /** The font's resource name, e.g. `Helvetica-Bold-123`. */
  readonly font: string;
  readonly text: string;
}

const WIN_ANSI = new TextDecoder('windows-1252');

/**
 * The text runs of a PDF written by pdf-lib with its standard fonts (`Tf`, `Tm`, hex `Tj`), so a test can
 * read what a receipt says and where it stands. Not a general PDF reader.
 */
export async function pdfTextRuns(pdf: Uint8Array): Promise<PdfTextRun[]> {
  const doc = await PDFDocument.load(pdf);
  const runs: PdfTextRun[] = [];
  doc.getPages().forEach((page, index) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    for (const stream of streams) {
      const ops = Buffer.from(decodePDFRawStream(stream as PDFRawStream).decode()).toString('latin1');
      let font = '';
      let size = 0;
      let x = 0;
      let y = 0;
      for (const [, fontName, fontSize, tx, ty, hex] of ops.matchAll(
        /\/(\S+) ([\d.]+) Tf|1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm|<([0-9A-Fa-f]*)> Tj/g,
      )) {
        if (fontName !== undefined) {
          font = fontName;
          size = Number(fontSize);
        } else if (tx !== undefined) {
          x = Number(tx);
          y = Number(ty);
        } else if (hex !== undefined)
          runs.push({ page: index + 1, x, y, size, font, text: WIN_ANSI.decode(Buffer.from(hex, 'hex')) });
      }
    }
  });
  return runs;
}

/** The text of a PDF line by line, top to bottom, page by page: runs on one baseline joined by a space. */
export function pdfLines(runs: readonly PdfTextRun[]): string[] {
  const lines = new Map<string, PdfTextRun[]>();
  for (const run of runs) {
    const key = `${run.page}/${run.y}`;
    lines.set(key, [...(lines.get(key) ?? []), run]);
  }
  return [...lines.values()]
    .sort((a, b) => a[0]!.page - b[0]!.page || b[0]!.y - a[0]!.y)
    .map((line) =>
      [...line]
        .sort((a, b) => a.x - b.x)
        .map((r) => r.text)
        .join(' '),
    );
}
