import { PDFDocument, StandardFonts } from 'pdf-lib';
import { answerPaths, COMMENTS, type Answers } from '../domain/forms/answers.ts';
import type { ResolvedForm } from '../domain/forms/resolve.ts';
import type { Language } from '../domain/language.ts';
import { formatNorwegian } from '../domain/number-format.ts';
import { osloTime, PdfWriter } from './pdf-writer.ts';

/** The receipt of a submitted version of a form of the forms engine: what was answered, when, by whom. */
export interface FormReceipt {
  readonly form: ResolvedForm;
  readonly roundId: string;
  readonly unit: { readonly code: string; readonly name: string };
  readonly version: number;
  readonly submittedAt: Date | null;
  readonly submittedBy: unknown;
  readonly answers: Answers;
}

const WORDS = {
  nb: {
    receipt: 'Kvittering',
    unit: 'Enhet',
    year: 'Årgang',
    version: 'Versjon',
    submitted: 'Sendt inn',
    by: 'Sendt inn av',
    yes: 'ja',
    no: 'nei',
    comments: 'Merknader',
    other: 'spesifisert',
    none: 'Ingen svar.',
    sum: 'Sum',
  },
  nn: {
    receipt: 'Kvittering',
    unit: 'Eining',
    year: 'Årgang',
    version: 'Versjon',
    submitted: 'Sendt inn',
    by: 'Sendt inn av',
    yes: 'ja',
    no: 'nei',
    comments: 'Merknader',
    other: 'spesifisert',
    none: 'Ingen svar.',
    sum: 'Sum',
  },
  en: {
    receipt: 'Receipt',
    unit: 'Unit',
    year: 'Reporting year',
    version: 'Version',
    submitted: 'Submitted',
    by: 'Submitted by',
    yes: 'yes',
    no: 'no',
    comments: 'Comments',
    other: 'specified',
    none: 'No answers.',
    sum: 'Total',
  },
} as const;

export async function formReceiptPdf(receipt: FormReceipt, language: Language): Promise<Uint8Array> {
  const w = WORDS[language];
  const { form, answers } = receipt;
  const doc = await PDFDocument.create();
  doc.setTitle(`${w.receipt}: ${form.title[language]} (${form.year})`);
  const out = new PdfWriter(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const contact = (receipt.submittedBy ?? {}) as { name?: string; email?: string; phone?: string };
  const number = (n: number) => (language === 'en' ? String(n) : formatNorwegian(n));

  out.wrapped(`${w.receipt}: ${form.title[language]}`, { size: 14, bold: true });
  out.line(`${w.unit}: ${receipt.unit.code} ${receipt.unit.name}`);
  out.line(`${w.year}: ${form.year}`);
  out.line(`${w.version}: ${receipt.version}`);
  out.line(`${w.submitted}: ${receipt.submittedAt ? osloTime(receipt.submittedAt) : ''}`);
  out.wrapped(`${w.by}: ${[contact.name, contact.email, contact.phone].filter(Boolean).join(', ')}`);
  const paths = answerPaths(form);
  let any = false;
  for (const section of form.sections) {
    const given = [...paths.values()].filter(
      (p) => p.item.section === section.key && answers[p.path] !== undefined,
    );
    if (given.length === 0) continue;
    any = true;
    out.gap();
    out.wrapped(`${section.number ? `${section.number} ` : ''}${section.labels[language]}`, { bold: true });
    let lastItem = '';
    // A grid with column totals ends with them, as the form shows them.
    let columnSums = new Map<string, number>();
    const endGrid = () => {
      const grid = form.items.get(lastItem);
      if (grid?.kind === 'grid' && grid.totals.columns)
        for (const column of grid.columns) {
          const sum = columnSums.get(column.code);
          if (sum !== undefined)
            out.wrapped(`${w.sum}, ${column.labels[language]}: ${number(sum)}`, { indent: 20, bold: true });
        }
      columnSums = new Map();
    };
    for (const p of given) {
      const item = p.item;
      const value = answers[p.path];
      if (lastItem !== item.key) endGrid();
      const label = `${item.number ? `${item.number} ` : ''}${item.labels[language]}`;
      const shown =
        typeof value === 'number'
          ? number(value)
          : typeof value === 'boolean'
            ? value
              ? w.yes
              : w.no
            : Array.isArray(value) || typeof value === 'string'
              ? (Array.isArray(value) ? (value as readonly string[]) : [value])
                  .map((code) =>
                    item.kind === 'single_choice' || item.kind === 'multiple_choice'
                      ? (item.options.find((o) => o.code === code)?.labels[language] ?? code)
                      : code,
                  )
                  .join('; ')
              : '';
      if (item.kind === 'grid') {
        if (lastItem !== item.key) out.wrapped(label, { indent: 10 });
        const row = item.rows.find((r) => r.code === p.row)?.labels[language] ?? '';
        const column =
          p.role === 'flag'
            ? (item.row_flag?.labels[language] ?? '')
            : (item.columns.find((c) => c.code === p.column)?.labels[language] ?? '');
        out.wrapped(`${row}, ${column}: ${shown}`, { indent: 20 });
        if (typeof value === 'number' && p.column !== undefined)
          columnSums.set(p.column, (columnSums.get(p.column) ?? 0) + value);
      } else
        out.wrapped(`${p.role === 'other' ? `${label} (${w.other})` : label}: ${shown}`, {
          indent: 10,
        });
      lastItem = item.key;
    }
    endGrid();
  }
  if (!any) out.line(w.none);
  const comments = answers[COMMENTS];
  if (typeof comments === 'string' && comments.trim() !== '') {
    out.gap();
    out.line(w.comments, { bold: true });
    for (const paragraph of comments.split(/\r?\n/)) out.wrapped(paragraph, { indent: 10 });
  }
  return doc.save();
}
