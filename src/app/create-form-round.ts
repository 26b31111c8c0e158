import { chooseFormUnits, type GroupDraw, type UnitChoice } from '../domain/collection/form-units.ts';
import { DomainError } from '../domain/errors.ts';
import { loadFormLibrary } from '../files/form-definitions.ts';
import { loadKostraGroups, loadMunicipalities, loadOsloDistricts } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { createFormRound, type FormUnit, type NewFormRound } from '../store/form-rounds.ts';
import type { FormDefinition } from '../domain/forms/definition.ts';
import { responsibleFor, unitsOfPopulation } from '../domain/register/population.ts';
import { findRegisterExtract, registerUnits } from '../store/register.ts';
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
        detail: {
          form: round.definition.id,
          year: round.year,
          units: round.units.length,
          ...(round.registerExtractId ? { register_extract: round.registerExtractId } : {}),
          ...(round.collectionId ? { collection: round.collectionId } : {}),
        },
      },
    };
  });
}

/** Units from the register: an extract by id, or the latest describing a day of the årgang or before. */
export interface RegisterChoice {
  readonly from: 'register';
  readonly extract?: number | undefined;
}

/**
 * The units of a form filled per establishment: the extract's active units of the form's industries, each
 * answered for by the municipality it serves or (where the form says so) its enterprise.
 */
async function unitsFromRegister(db: Db, definition: FormDefinition, year: number, choice: RegisterChoice) {
  const population = definition.register_population;
  if (!population)
    throw new DomainError(`${definition.id} is not filled per unit of the register`, ['units', 'from']);
  const extract = await findRegisterExtract(
    db,
    choice.extract !== undefined ? { id: choice.extract } : { onOrBefore: `${year}-12-31` },
  );
  if (!extract)
    throw new DomainError(
      choice.extract !== undefined
        ? `no register extract ${choice.extract}`
        : `no register extract describes a day of ${year} or before; import one first`,
      ['units', 'extract'],
    );
  const units = unitsOfPopulation(await registerUnits(db, extract.id), population, year).map((u) => ({
    code: u.orgNumber,
    name: u.name,
    kind: 'establishment' as const,
    responsible: responsibleFor(u, population, year),
  }));
  if (units.length === 0)
    throw new DomainError(
      `the register extract of ${extract.validOn} has no active unit of ${definition.id}'s industries`,
      ['units'],
    );
  return { extract, units };
}

/**
 * A round of a shipped form (data/forms) for an årgang, its units chosen from the reference data of that
 * year: every municipality, Oslo's districts, units by code, a draw among them by KOSTRA group, or (for a
 * form filled per establishment) the register's units of the form's industries.
 */
export async function openShippedFormRound(
  db: Db,
  actor: string,
  round: {
    readonly id: string;
    readonly form: string;
    readonly year: number;
    readonly units: UnitChoice | RegisterChoice;
    readonly draw?: GroupDraw | undefined;
    readonly deadline: Date | null;
    readonly collectionId?: string | undefined;
  },
): Promise<FormUnit[]> {
  const library = await loadFormLibrary();
  const definition = library.forms.find((f) => f.id === round.form);
  if (!definition)
    throw new DomainError(`no form ${round.form}; there are ${library.forms.map((f) => f.id).join(', ')}`, [
      'form',
    ]);
  const common = {
    id: round.id,
    definition,
    sharedLists: library.lists,
    year: round.year,
    deadline: round.deadline,
    collectionId: round.collectionId ?? null,
  };
  if (round.units.from === 'register') {
    if (round.draw)
      throw new DomainError('a draw by KOSTRA group is among municipalities, not register units', ['draw']);
    const { extract, units } = await unitsFromRegister(db, definition, round.year, round.units);
    await openFormRound(db, actor, { ...common, units, registerExtractId: extract.id });
    return units;
  }
  const municipalities = await loadMunicipalities(round.year);
  if (!municipalities) throw new DomainError(`no municipalities are known for ${round.year}`, ['year']);
  const units = chooseFormUnits(
    round.units,
    { municipalities, districts: await loadOsloDistricts(), groups: await loadKostraGroups(round.year) },
    round.draw,
  );
  await openFormRound(db, actor, { ...common, units });
  return units;
}
