import { importRound } from '../src/app/import-round.ts';
import { reportRound } from '../src/app/report-round.ts';
import { loadReferenceData, loadSurveyDefinition } from '../src/files/product-data.ts';
import { reportFiles, writeReport } from '../src/report/write-report.ts';
import { openDatabase } from '../src/store/database.ts';

/** Imports every round folder given and writes each one's report, in one process and one database. */
const [out, ...dirs] = process.argv.slice(2);
const reference = await loadReferenceData();
const definition = await loadSurveyDefinition('f254');
const db = await openDatabase();
for (const dir of dirs) {
  const round = await importRound(db, dir, definition, reference);
  const { report } = await reportRound(db, round.id, reference);
  await writeReport(`${out}/${round.id}`, reportFiles(report, definition, reference));
}
await db.destroy();
