import { crossFormControl, type CrossFormRow } from '../domain/collection/cross-form.ts';
import type { Answers } from '../domain/forms/answers.ts';
import type { Deviation } from '../domain/forms/previous-year.ts';
import type { Labels } from '../domain/language.ts';
import { loadCrossFormControls } from '../files/product-data.ts';
import { findCollection } from '../store/collections.ts';
import type { Db } from '../store/database.ts';
import { formRoundAnswers, unitResponsibles } from '../store/form-rounds.ts';
import { registerUnits } from '../store/register.ts';
import { controlFormRoundAgainstLastYear } from './form-controls.ts';

export interface CollectionControls {
  readonly crossForm: readonly { id: string; labels: Labels; rows: readonly CrossFormRow[] }[];
  readonly previousYear: readonly {
    round: string;
    form: string;
    compared: number;
    deviations: readonly Deviation[];
  }[];
}

/** Each unit's latest submitted answers with the municipality it belongs to (its own, or whom it serves). */
async function answersByMunicipality(db: Db, roundId: string) {
  const [{ units }, responsibles, round] = await Promise.all([
    formRoundAnswers(db, roundId),
    unitResponsibles(db, roundId),
    db
      .selectFrom('survey_round')
      .select('register_extract_id')
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow(),
  ]);
  // A unit answered for by an enterprise belongs to the municipality it serves, as the register has it.
  const byEnterprise = units.filter((u) => (responsibles.get(u.unit) ?? '').length !== 4).map((u) => u.unit);
  const serves = new Map<string, string>();
  if (round.register_extract_id !== null && byEnterprise.length > 0)
    for (const r of await registerUnits(db, round.register_extract_id, byEnterprise))
      serves.set(r.orgNumber, r.serves);
  return units.map((u) => {
    const responsible = responsibles.get(u.unit) ?? u.unit;
    return {
      unit: u.unit,
      municipality: responsible.length === 4 ? responsible : (serves.get(u.unit) ?? responsible),
      answers: u.answers as Answers,
    };
  });
}

/**
 * The worklist of a collection across its forms: every control across forms whose two forms the collection
 * has (skjema 6 summed per municipality against skjema 4), and each form round against its unit's answers of
 * the year before (units matched by their code: a municipality through reforms, an establishment by its
 * organisation number).
 */
export async function collectionControls(db: Db, collectionId: string): Promise<CollectionControls> {
  const collection = await findCollection(db, collectionId);
  const roundOf = new Map(collection.rounds.map((r) => [r.form, r.id]));
  const { controls } = await loadCrossFormControls();
  const crossForm = [];
  for (const control of controls) {
    const summed = roundOf.get(control.sum.form);
    const against = roundOf.get(control.against.form);
    if (!summed || !against) continue;
    crossForm.push({
      id: control.id,
      labels: control.labels,
      rows: crossFormControl(
        control,
        await answersByMunicipality(db, summed),
        await answersByMunicipality(db, against),
      ),
    });
  }
  const previousYear = [];
  for (const round of collection.rounds) {
    const control = await controlFormRoundAgainstLastYear(db, round.id);
    previousYear.push({
      round: round.id,
      form: round.form,
      compared: control.compared,
      deviations: control.deviations,
    });
  }
  return { crossForm, previousYear };
}
