import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCsv } from '../domain/csv.ts';
import { accessibilityViolations, browserAvailable, startHarness, type Harness } from './harness.ts';

describe.skipIf(!browserAvailable())('a reader finds the published tables in the browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 60_000);
  afterAll(async () => h.close());

  test('the list with a chart, the table with its symbols, and downloads; no WCAG violation', async () => {
    const page = await h.browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${h.base}/tabeller`);
    await page.getByRole('heading', { name: 'Publiserte tabeller' }).waitFor();
    const business = page.getByRole('region', { name: /etter virksomhetstype/ });
    await business.getByRole('table').waitFor();
    expect(await business.getByRole('img').getAttribute('alt')).toMatch(/^Søylediagram:/);
    // The chart is an SVG the server drew.
    const chart = await page.request.get(`${h.base}/api/published/F254VIRKSOMHET/chart.svg?measure=AGD10`);
    expect(chart.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    expect(await chart.text()).toContain('<svg');
    // Regions across: all respondents and the size groups; a withheld cell shows its symbol.
    const header = await business.getByRole('columnheader').allTextContents();
    expect(header.slice(1, 3)).toEqual(['Alle kommuner som svarte', 'ASSS-kommune']);
    expect(await business.getByRole('table').textContent()).toContain(':');
    const csv = await page.request.get(
      `${h.base}${await business.getByRole('link', { name: 'CSV' }).getAttribute('href')}`,
    );
    // The whole table of the latest year: regions and categories down, the four measures across, each
    // also per inhabitant, 67+ and 80+; the respondents, their size groups, the country without Oslo,
    // their counties and KOSTRA groups (57 regions).
    // For Norwegian Excel: a byte-order mark, semicolons, Windows line ends.
    expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await csv.text();
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .every((line) => line.endsWith('\r')),
    ).toBe(true);
    const [header0, ...rows] = readCsv(text, 'F254VIRKSOMHET.csv', { separator: ';' }).map((l) => l.fields);
    expect(header0!.slice(0, 3).join(',')).toMatch(
      /^region,virksomhetstyper,Brutto driftsutgifter på funksjon\/tjenesteområde \d{4}$/,
    );
    expect(header0).toHaveLength(2 + 16);
    expect(rows).toHaveLength(57 * 7);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
