import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

/** Oslo time, the way the respondent reads it: 2022-05-20 14:03. */
export function osloTime(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

const INK = rgb(0.09, 0.14, 0.15);
/** The width of a column of amounts in a table row: room for «-12 345 678». */
const COLUMN_WIDTH = 68;

/** Writes lines top-down, starting a new page when one is full. */
export class PdfWriter {
  private page: PDFPage;
  private y = 800;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = doc.addPage([595, 842]);
  }
  /** The standard fonts encode WinAnsi only: a character outside it (Sámi ŋ, say) is shown as '?'. */
  private safe(text: string, font: PDFFont): string {
    return text.replace(/./gsu, (char) => {
      try {
        font.encodeText(char);
        return char;
      } catch {
        return '?';
      }
    });
  }
  /** A new page unless `below` points more still fit above the bottom margin. */
  private keepRoom(below: number): void {
    if (this.y - below >= 50) return;
    this.page = this.doc.addPage([595, 842]);
    this.y = 800;
  }
  line(raw: string, options: { size?: number; bold?: boolean; indent?: number; right?: string } = {}): void {
    const size = options.size ?? 10;
    this.keepRoom(0);
    const font = options.bold ? this.bold : this.font;
    const text = this.safe(raw, font);
    this.page.drawText(text, {
      x: 50 + (options.indent ?? 0),
      y: this.y,
      size,
      font,
      color: INK,
    });
    if (options.right !== undefined) {
      const width = this.font.widthOfTextAtSize(options.right, size);
      this.page.drawText(options.right, { x: 545 - width, y: this.y, size, font: this.font });
    }
    this.y -= size + 6;
  }
  /** A text that may be longer than a line, wrapped at words to the page's width. */
  wrapped(raw: string, options: { size?: number; bold?: boolean; indent?: number } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    for (const line of this.wrap(this.safe(raw, font), font, size, 495 - (options.indent ?? 0)))
      this.line(line, options);
  }
  /**
   * A row of a table: its label wrapped at the left, its values right-aligned in equal columns at the
   * right (a header row gives the columns' names the same way). A row is never split across pages.
   */
  row(label: string, values: readonly string[], options: { bold?: boolean; indent?: number } = {}): void {
    const size = 10;
    const font = options.bold ? this.bold : this.font;
    const left = 545 - values.length * COLUMN_WIDTH;
    const indent = options.indent ?? 0;
    const lines = this.wrap(this.safe(label, font), font, size, left - 60 - indent);
    this.keepRoom(Math.max(0, lines.length - 1) * (size + 6));
    values.forEach((value, i) => {
      const text = this.safe(value, font);
      const x = left + (i + 1) * COLUMN_WIDTH - font.widthOfTextAtSize(text, size);
      this.page.drawText(text, { x, y: this.y, size, font, color: INK });
    });
    for (const line of lines.length > 0 ? lines : ['']) this.line(line, options);
  }
  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let current = '';
    // Not at a no-break space: an amount («1 234») stays on one line.
    for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
      const next = current === '' ? word : `${current} ${word}`;
      if (current !== '' && font.widthOfTextAtSize(next, size) > width) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    if (current !== '') lines.push(current);
    return lines;
  }
  gap(): void {
    this.y -= 8;
  }
}
