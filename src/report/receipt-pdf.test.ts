import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { definition } from '../domain/testing/rounds.ts';
import type { ResponseContent } from '../domain/survey/response.ts';
import { receiptPdf } from './receipt-pdf.ts';
import { pdfLines, pdfTextRuns } from './testing/pdf-text.ts';

const amounts = (agd10: number, agd4: number, agd16: number, agd2: number) => ({
  AGD10: agd10,
  AGD4: agd4,
  AGD16: agd16,
  AGD2: agd2,
});
const content: ResponseContent = {
  comments: `${'Boligbasene er ført på funksjon 254 etter KOSTRA-rapporteringen, '.repeat(6)}slutt.`,
  tables: {
    business_types: {
      methods: ['RESPONSIBILITY'],
      rows: {
        AMBULANT: { fewerThan5: false, amounts: amounts(4000, 3800, 3000, 3900) },
        BPA: { fewerThan5: true, amounts: { AGD10: null, AGD4: null, AGD16: null, AGD2: null } },
        OTHER: { fewerThan5: false, amounts: amounts(1234, 1000, 900, 1100) },
      },
    },
  },
};
const form = {
  definition,
  municipality: { code: '4640', name: 'Sogndal' },
  roundId: 'f254-internal-round-7',
  referenceYear: 2021,
  prefilled: amounts(8023, 7238, 6537, 7413),
};
const version = {
  version: 3,
  submittedAt: new Date('2022-05-20T12:03:00Z'),
  submittedBy: { name: 'Kari Nordmann', email: 'kari@sogndal.kommune.no' },
  content,
};

/** Amounts as the receipt writes them: thousands apart by a no-break space. */
const amountsAsShown = (text: string) => text.replace(/(\d) (\d{3})/g, '$1\u00a0$2');

describe('the receipt of a submitted f254 form', () => {
  for (const [language, expected] of [
    ['nb', { year: 'Tall for året: 2021', sum: 'Sum', unit: '1000 kroner', fewer: 'færre enn fem brukere' }],
    ['nn', { year: 'Tal for året: 2021', sum: 'Sum', unit: '1000 kroner', fewer: 'færre enn fem brukarar' }],
    [
      'en',
      { year: 'Figures for the year: 2021', sum: 'Total', unit: 'NOK 1000', fewer: 'fewer than five users' },
    ],
  ] as const)
    test(`in ${language}: names the form, the period and the unit, shows the sums, and keeps to the page`, async () => {
      const pdf = await receiptPdf(form, version, language);
      const runs = await pdfTextRuns(pdf);
      const lines = pdfLines(runs);
      const text = lines.join(' ');
      expect(text).toContain(definition.title[language]);
      expect(lines).toContain(expected.year);
      expect(lines).toContain(language === 'en' ? 'Version: 3' : 'Versjon: 3');
      expect(text).toContain('4640 Sogndal');
      expect(text).toContain('Kari Nordmann, kari@sogndal.kommune.no');
      // The round's internal id is nowhere.
      expect(text).not.toContain('f254-internal-round-7');
      // Each row on one line with its four amounts; the sum leaves out the row with fewer than five users.
      expect(lines).toContain(
        `${definition.tables[0]!.rows[0]!.labels[language]} ${amountsAsShown('4 000 3 800 3 000 3 900')}`,
      );
      expect(lines).toContain(`${expected.sum} ${amountsAsShown('5 234 4 800 3 900 5 000')}`);
      expect(lines).toContain(`${definition.tables[0]!.rows[1]!.labels[language]}: ${expected.fewer}`);
      expect(text).toContain(`(${expected.unit})`);
      expect(text).toContain('slutt.');
      // Nothing runs past the right margin (the title and the comments wrap).
      const measure = await PDFDocument.create();
      const regular = await measure.embedFont(StandardFonts.Helvetica);
      const bold = await measure.embedFont(StandardFonts.HelveticaBold);
      for (const run of runs) {
        const font = run.font.startsWith('Helvetica-Bold') ? bold : regular;
        expect(run.x).toBeGreaterThanOrEqual(50);
        expect(run.x + font.widthOfTextAtSize(run.text, run.size), run.text).toBeLessThanOrEqual(545.5);
      }
    });
});
