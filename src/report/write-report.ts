import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DomainError } from '../domain/errors.ts';
import type { ReferenceData } from '../domain/reference.ts';
import type { PilotReport } from '../domain/statistics/pilot-report.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import { anonymousNames } from './anonymous.ts';
import { toCsv } from './csv.ts';
import { detailLevelFigure, distributionFigure } from './figures.ts';
import { renderHtml } from './html.ts';
import { reportLabels } from './labels.ts';

/** The files of a report, by path relative to the output folder. */
export function reportFiles(
  report: PilotReport,
  definition: SurveyDefinition,
  reference: ReferenceData,
): Map<string, string> {
  const labels = reportLabels(definition, reference);
  const names = anonymousNames(report.tables['table-A.2'], labels);
  const svgs: Record<string, string> = {
    'figure-4.1': detailLevelFigure(
      report.tables['figure-4.1'],
      labels,
      'Kommunenes besvarelse, etter hvor detaljert besvarelsene var',
    ),
  };
  for (const section of report.sections) {
    const table = definition.tables.find((t) => t.key === section.table)!;
    svgs[section.figure] = distributionFigure(
      section.rows.figure,
      table,
      names,
      `Fordeling etter ${table.labels.nb.toLowerCase()}, prosent av ${definition.headline_measure}`,
    );
  }
  const files = new Map<string, string>();
  files.set('report.json', `${JSON.stringify(report.tables, null, 2)}\n`);
  for (const [key, rows] of Object.entries(report.tables)) {
    files.set(`tables/${key}.csv`, toCsv(report.columns[key] ?? [], rows));
  }
  for (const [key, svg] of Object.entries(svgs)) files.set(`figures/${key}.svg`, `${svg}\n`);
  files.set('index.html', renderHtml({ report, definition, reference, labels, names, svgs }));
  return files;
}

const OWN_ENTRIES = ['report.json', 'tables', 'figures', 'index.html'];

/**
 * Writes the report into `out`: first into a sibling folder, then moved into place, so a failed run
 * leaves no half-written report behind. A folder that holds anything but an earlier report is refused,
 * never emptied.
 */
export async function writeReport(out: string, files: ReadonlyMap<string, string>): Promise<void> {
  const target = resolve(out);
  const existing = await readdir(target).catch(() => null);
  if (existing && existing.some((entry) => !OWN_ENTRIES.includes(entry))) {
    throw new DomainError('the folder holds other files than a report; choose an empty or new folder', [
      target,
    ]);
  }
  const staging = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  try {
    for (const [path, content] of files) {
      await mkdir(dirname(join(staging, path)), { recursive: true });
      await writeFile(join(staging, path), content);
    }
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
