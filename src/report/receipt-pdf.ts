import { PDFDocument, StandardFonts } from 'pdf-lib';
import { osloTime, PdfWriter } from './pdf-writer.ts';
import type { Language } from '../domain/language.ts';
import { formatNorwegian } from '../domain/number-format.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import { tableSum, type ResponseContent } from '../domain/survey/response.ts';

/** What a receipt shows of the form: the questionnaire, whose it is, and the prefilled totals. */
export interface ReceiptForm {
  readonly definition: SurveyDefinition;
  readonly municipality: { readonly code: string; readonly name: string };
  readonly roundId: string;
  readonly referenceYear: number;
  readonly prefilled: Readonly<Record<string, number | null>>;
}

/** The submitted version it is a receipt for. */
export interface ReceiptVersion {
  readonly version: number;
  readonly submittedAt: Date | null;
  readonly submittedBy: unknown;
  readonly content: ResponseContent;
}

const WORDS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  nb: {
    receipt: 'Kvittering',
    municipality: 'Kommune',
    year: 'Tall for året',
    unit: '1000 kroner',
    sum: 'Sum',
    version: 'Versjon',
    submitted: 'Sendt inn',
    by: 'Sendt inn av',
    prefilled: 'Forhåndsutfylt KOSTRA-total',
    fewer: 'færre enn fem brukere',
    comments: 'Merknader',
    methods: 'Beregningsmetode',
    none: 'Ingen tabeller fylt ut.',
  },
  nn: {
    receipt: 'Kvittering',
    municipality: 'Kommune',
    year: 'Tal for året',
    unit: '1000 kroner',
    sum: 'Sum',
    version: 'Versjon',
    submitted: 'Sendt inn',
    by: 'Sendt inn av',
    prefilled: 'Førehandsutfylt KOSTRA-total',
    fewer: 'færre enn fem brukarar',
    comments: 'Merknader',
    methods: 'Utrekningsmetode',
    none: 'Ingen tabellar fylte ut.',
  },
  en: {
    receipt: 'Receipt',
    municipality: 'Municipality',
    year: 'Figures for the year',
    unit: 'NOK 1000',
    sum: 'Total',
    version: 'Version',
    submitted: 'Submitted',
    by: 'Submitted by',
    prefilled: 'Prefilled KOSTRA total',
    fewer: 'fewer than five users',
    comments: 'Comments',
    methods: 'Method',
    none: 'No tables filled in.',
  },
};

/** The receipt of a submitted version: what was submitted, when and by whom. */
export async function receiptPdf(
  form: ReceiptForm,
  version: ReceiptVersion,
  language: Language,
): Promise<Uint8Array> {
  const w = WORDS[language];
  const definition = form.definition;
  const doc = await PDFDocument.create();
  doc.setTitle(
    `${w.receipt}: ${definition.title[language]}, ${form.municipality.code} ${form.municipality.name}, ${w.version!.toLowerCase()} ${version.version}`,
  );
  const out = new PdfWriter(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const contact = (version.submittedBy ?? {}) as { name?: string; email?: string; phone?: string };
  const codes = definition.measures.map((m) => m.code);
  const shown = (value: number | null | undefined) => (value == null ? '' : formatNorwegian(value));

  // Which form and period, whose, which version, when and by whom: no internal ids.
  out.wrapped(`${w.receipt}: ${definition.title[language]}`, { size: 14, bold: true });
  out.wrapped(`${w.municipality}: ${form.municipality.code} ${form.municipality.name}`);
  out.line(`${w.year}: ${form.referenceYear}`);
  out.line(`${w.version}: ${version.version}`);
  out.line(`${w.submitted}: ${version.submittedAt ? osloTime(version.submittedAt) : ''}`);
  out.wrapped(`${w.by}: ${[contact.name, contact.email, contact.phone].filter(Boolean).join(', ')}`);
  out.gap();
  out.row(`${w.prefilled} (${w.unit})`, codes, { bold: true });
  out.row(
    '',
    codes.map((code) => shown(form.prefilled[code])),
  );
  const tables = definition.tables.filter((t) => version.content.tables[t.key] !== undefined);
  if (tables.length === 0) out.line(w.none!);
  for (const table of tables) {
    const answer = version.content.tables[table.key]!;
    out.gap();
    out.row(`${table.number}. ${table.labels[language]} (${w.unit})`, codes, { bold: true });
    for (const row of table.rows) {
      const given = answer.rows[row.key];
      if (!given) continue;
      if (given.fewerThan5) out.row(`${row.labels[language]}: ${w.fewer}`, [], { indent: 10 });
      else
        out.row(
          row.labels[language],
          codes.map((code) => shown(given.amounts[code])),
          { indent: 10 },
        );
    }
    // The table's sums, as the form showed them (a row with fewer than five users has no amounts).
    out.row(
      w.sum!,
      codes.map((code) => shown(tableSum(answer, code))),
      { bold: true, indent: 10 },
    );
    const methods = answer.methods.map(
      (code) => definition.methods.find((m) => m.code === code)?.labels[language] ?? code,
    );
    if (methods.length > 0) out.wrapped(`${w.methods}: ${methods.join('; ')}`, { indent: 10 });
  }
  if (version.content.comments.trim() !== '') {
    out.gap();
    out.line(w.comments!, { bold: true });
    for (const paragraph of version.content.comments.split(/\r?\n/)) out.wrapped(paragraph, { indent: 10 });
  }
  return doc.save();
}
