import { fileURLToPath } from 'node:url';
import { importRound } from '../app/import-round.ts';
import { reportRound } from '../app/report-round.ts';
import { configuredDatabase } from '../config.ts';
import { DEMO_ROUND_DIR, loadReferenceData, loadSurveyDefinition } from '../files/product-data.ts';
import { reportFiles, writeReport } from '../report/write-report.ts';
import { openDatabase } from '../store/database.ts';
import { UsageError } from './usage-error.ts';

export interface ReportOptions {
  readonly data?: string | undefined;
  readonly out?: string | undefined;
  readonly round?: string | undefined;
  readonly definition?: string | undefined;
  readonly demo?: boolean;
}

export async function reportCommand(options: ReportOptions): Promise<void> {
  const data = options.demo ? fileURLToPath(DEMO_ROUND_DIR) : options.data;
  if (!options.out) throw new UsageError('report needs --out OUT');
  if ((data === undefined) === (options.round === undefined))
    throw new UsageError('report needs either --data DIR or --round ID');
  const reference = await loadReferenceData();
  // A dataset is reported from a fresh in-memory database; a stored round from the configured one.
  const db = data ? await openDatabase() : await openDatabase(configuredDatabase());
  try {
    let roundId = options.round;
    if (data) {
      const definition = await loadSurveyDefinition(options.definition ?? 'f254');
      roundId = (await importRound(db, data, definition, reference)).id;
    }
    const { report, definition } = await reportRound(db, roundId!, reference);
    await writeReport(options.out, reportFiles(report, definition, reference));
    const f = report.facts;
    console.log(
      `${f.roundId}: ${f.respondents} of ${f.invited} responded, ${f.splitters} could split. Report in ${options.out}/index.html`,
    );
  } finally {
    await db.destroy();
  }
}
