import { fileURLToPath } from 'node:url';
import { DEMO_ROUND_DIR, loadReferenceData, loadSurveyDefinition } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { issueTokens } from '../store/respondents.ts';
import { setDeadline } from '../store/rounds.ts';
import { importRound } from './import-round.ts';
import { publishRound } from './publish-round.ts';

export const DEMO_ROUND_ID = 'f254-pilot-2022';

/**
 * Loads the 2022 pilot as a demo round the first time, open for 30 days from then so that its forms can
 * be tried, and published, and returns every invited municipality's token.
 */
export async function ensureDemoRound(db: Db, now: Date): Promise<{ municipality: string; token: string }[]> {
  const exists = await db
    .selectFrom('survey_round')
    .select('id')
    .where('id', '=', DEMO_ROUND_ID)
    .executeTakeFirst();
  if (!exists) {
    const reference = await loadReferenceData();
    await importRound(db, fileURLToPath(DEMO_ROUND_DIR), await loadSurveyDefinition('f254'), reference);
    await setDeadline(db, DEMO_ROUND_ID, new Date(now.getTime() + 30 * 24 * 60 * 60 * 1000));
    // Its split published too, so that the public table pages and the PxWeb API have something to show.
    await publishRound(db, DEMO_ROUND_ID, 'demo', now);
  }
  return issueTokens(db, DEMO_ROUND_ID);
}
