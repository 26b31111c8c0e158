import type { ReferenceData } from '../domain/reference.ts';
import { buildPilotReport, type PilotReport } from '../domain/statistics/pilot-report.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import type { Db } from '../store/database.ts';
import { loadRound } from '../store/rounds.ts';

/** The pilot note's tables and figures for a stored round, from each municipality's latest submission. */
export async function reportRound(
  db: Db,
  roundId: string,
  reference: ReferenceData,
): Promise<{ report: PilotReport; definition: SurveyDefinition }> {
  const { definition, round } = await loadRound(db, roundId);
  return { report: buildPilotReport(definition, round, reference), definition };
}
