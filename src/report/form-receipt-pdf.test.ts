import { describe, expect, test } from 'vitest';
import { resolveForm } from '../domain/forms/resolve.ts';
import { oneSectionForm, sameLabels, testCodeList } from '../domain/testing/forms.ts';
import { formReceiptPdf } from './form-receipt-pdf.ts';
import { pdfLines, pdfTextRuns } from './testing/pdf-text.ts';

const form = resolveForm(
  oneSectionForm({
    id: 'receipt-case',
    years: { from: 2021, to: null },
    codeLists: [testCodeList('rader', 'Rad', ['A', 'B']), testCodeList('kolonner', 'Kolonne', ['X', 'Y'])],
    items: [
      {
        key: 'tabell',
        kind: 'grid',
        labels: sameLabels('Årsverk'),
        rows: { code_list: 'rader' },
        columns: { code_list: 'kolonner' },
        cell: { kind: 'integer' },
        totals: { rows: false, columns: true },
      },
    ],
  }),
  2021,
);

describe('the receipt of a form of the forms engine', () => {
  test('a grid with column totals ends with them; a column without answers has none', async () => {
    const pdf = await formReceiptPdf(
      {
        form,
        roundId: 'internal-round',
        unit: { code: '4640', name: 'Sogndal' },
        version: 2,
        submittedAt: new Date('2022-05-20T12:03:00Z'),
        submittedBy: { name: 'Kari Nordmann' },
        answers: { 'tabell/A/X': 1200, 'tabell/B/X': 34 },
      },
      'nb',
    );
    const lines = pdfLines(await pdfTextRuns(pdf));
    expect(lines).toContain('Rad A, Kolonne X: 1\u00a0200');
    expect(lines).toContain('Sum, Kolonne X: 1\u00a0234');
    expect(lines.some((line) => line.startsWith('Sum, Kolonne Y'))).toBe(false);
    expect(lines.join(' ')).not.toContain('internal-round');
  });
});
