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
  line(raw: string, options: { size?: number; bold?: boolean; indent?: number; right?: string } = {}): void {
    const size = options.size ?? 10;
    if (this.y < 50) {
      this.page = this.doc.addPage([595, 842]);
      this.y = 800;
    }
    const font = options.bold ? this.bold : this.font;
    const text = this.safe(raw, font);
    this.page.drawText(text, {
      x: 50 + (options.indent ?? 0),
      y: this.y,
      size,
      font,
      color: rgb(0.09, 0.14, 0.15),
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
    const width = 495 - (options.indent ?? 0);
    let current = '';
    for (const word of this.safe(raw, font).split(/\s+/)) {
      const next = current === '' ? word : `${current} ${word}`;
      if (current !== '' && font.widthOfTextAtSize(next, size) > width) {
        this.line(current, options);
        current = word;
      } else current = next;
    }
    if (current !== '') this.line(current, options);
  }
  gap(): void {
    this.y -= 8;
  }
}
