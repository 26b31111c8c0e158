import type { Answers } from '../domain/forms/answers.ts';
import { formAnswersCsv } from '../files/form-answers-csv.ts';
import type { Db } from '../store/database.ts';
import { formRoundAnswers } from '../store/form-rounds.ts';

/** A form round's submitted answers as one long CSV (`unit,name,path,value`), with how many units it holds. */
export async function exportFormRound(db: Db, roundId: string): Promise<{ csv: string; units: number }> {
  const { form, units } = await formRoundAnswers(db, roundId);
  return {
    csv: formAnswersCsv(form, units as { unit: string; name: string; answers: Answers }[]),
    units: units.length,
  };
}
