import { PDFDocument, StandardFonts } from 'pdf-lib';
import { osloTime, PdfWriter } from './pdf-writer.ts';
import type { Language } from '../domain/language.ts';
import { formatNorwegian } from '../domain/number-format.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import type { ResponseContent } from '../domain/survey/response.ts';

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
    round: 'Undersøkelse',
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
    round: 'Undersøking',
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
    round: 'Survey',
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
  const doc = await PDFDocument.create();
  doc.setTitle(`${w.receipt} ${form.municipality.code} ${form.roundId} v${version.version}`);
  const out = new PdfWriter(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const definition = form.definition;
  const contact = (version.submittedBy ?? {}) as { name?: string; email?: string; phone?: string };

  out.wrapped(`${w.receipt}: ${definition.title[language]}`, { size: 14, bold: true });
  out.line(`${w.municipality}: ${form.municipality.code} ${form.municipality.name}`);
  out.line(`${w.round}: ${form.roundId} (${form.referenceYear})`);
  out.line(`${w.version}: ${version.version}`);
  out.line(`${w.submitted}: ${version.submittedAt ? osloTime(version.submittedAt) : ''}`);
  out.line(`${w.by}: ${[contact.name, contact.email, contact.phone].filter(Boolean).join(', ')}`);
  out.gap();
  out.line(`${w.prefilled} (${definition.unit})`, { bold: true });
  for (const m of definition.measures) {
    const value = form.prefilled[m.code];
    out.line(`${m.code} ${m.labels[language]}`, {
      indent: 10,
      right: value == null ? '' : formatNorwegian(value),
    });
  }
  const tables = definition.tables.filter((t) => version.content.tables[t.key] !== undefined);
  if (tables.length === 0) out.line(w.none!);
  for (const table of tables) {
    const answer = version.content.tables[table.key]!;
    out.gap();
    out.line(`${table.number}. ${table.labels[language]} (${definition.unit})`, { bold: true });
    for (const row of table.rows) {
      const given = answer.rows[row.key];
      if (!given) continue;
      if (given.fewerThan5) {
        out.line(`${row.labels[language]}: ${w.fewer}`, { indent: 10 });
        continue;
      }
      out.line(row.labels[language], { indent: 10 });
      for (const m of definition.measures) {
        const value = given.amounts[m.code];
        if (value != null) out.line(m.code, { indent: 20, right: formatNorwegian(value) });
      }
    }
    const methods = answer.methods.map(
      (code) => definition.methods.find((m) => m.code === code)?.labels[language] ?? code,
    );
    if (methods.length > 0) out.line(`${w.methods}: ${methods.join('; ')}`, { indent: 10 });
  }
  if (version.content.comments.trim() !== '') {
    out.gap();
    out.line(w.comments!, { bold: true });
    for (const paragraph of version.content.comments.split(/\r?\n/)) {
      for (let i = 0; i < paragraph.length; i += 95) out.line(paragraph.slice(i, i + 95), { indent: 10 });
    }
  }
  return doc.save();
}
