import { chooseFormUnits, type GroupDraw, type UnitChoice } from '../domain/collection/form-units.ts';
import { DomainError } from '../domain/errors.ts';
import { loadFormLibrary } from '../files/form-definitions.ts';
import { loadKostraGroups, loadMunicipalities, loadOsloDistricts } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { createFormRound, type NewFormRound } from '../store/form-rounds.ts';
import { perform } from './action.ts';

/** A statistician opens a round of a form for an årgang with its units; the audit log says who and what. */
export function openFormRound(db: Db, actor: string, round: NewFormRound): Promise<void> {
  return perform(db, actor, async (trx) => {
    await createFormRound(trx, round);
    return {
      result: undefined,
      audit: {
        action: 'form_round.create',
        subject: round.id,
        detail: { form: round.definition.id, year: round.year, units: round.units.length },
      },
    };
  });
}

/**
 * A round of a shipped form (data/forms) for an årgang, its units chosen from the reference data of that
 * year: every municipality, Oslo's districts, units by code, or a draw among them by KOSTRA group.
 */
export async function openShippedFormRound(
  db: Db,
  actor: string,
  round: {
    readonly id: string;
    readonly form: string;
    readonly year: number;
    readonly units: UnitChoice;
    readonly draw?: GroupDraw | undefined;
    readonly deadline: Date | null;
  },
) {
  const library = await loadFormLibrary();
  const definition = library.forms.find((f) => f.id === round.form);
  if (!definition)
    throw new DomainError(`no form ${round.form}; there are ${library.forms.map((f) => f.id).join(', ')}`, [
      'form',
    ]);
  const municipalities = await loadMunicipalities(round.year);
  if (!municipalities) throw new DomainError(`no municipalities are known for ${round.year}`, ['year']);
  const units = chooseFormUnits(
    round.units,
    { municipalities, districts: await loadOsloDistricts(), groups: await loadKostraGroups(round.year) },
    round.draw,
  );
  await openFormRound(db, actor, {
    id: round.id,
    definition,
    sharedLists: library.lists,
    year: round.year,
    units,
    deadline: round.deadline,
  });
  return units;
}
