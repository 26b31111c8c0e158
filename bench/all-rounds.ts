import { setFlagsFromString } from 'node:v8';

// As `kostra` sets it for the commands that open a database (src/cli/main.ts), before PGlite is loaded.
setFlagsFromString('--liftoff-only');
const { importRound } = await import('../src/app/import-round.ts');
const { reportRound } = await import('../src/app/report-round.ts');
const { loadReferenceData, loadSurveyDefinition } = await import('../src/files/product-data.ts');
const { reportFiles, writeReport } = await import('../src/report/write-report.ts');
const { openDatabase } = await import('../src/store/database.ts');

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
