import { importRound } from '../app/import-round.ts';
import { loadReferenceData, loadSurveyDefinition } from '../files/product-data.ts';
import { openDatabase } from '../store/database.ts';
import { UsageError } from './usage-error.ts';
import { configuredDatabase } from '../config.ts';

export async function importCommand(options: { data?: string | undefined; definition?: string | undefined }) {
  if (!options.data) throw new UsageError('import needs --data DIR');
  const reference = await loadReferenceData();
  const definition = await loadSurveyDefinition(options.definition ?? 'f254');
  const db = await openDatabase(configuredDatabase());
  try {
    const round = await importRound(db, options.data, definition, reference);
    console.log(
      `imported ${round.id}: ${round.invitations.length} invited, ${round.responses.length} responses`,
    );
  } finally {
    await db.destroy();
  }
}
