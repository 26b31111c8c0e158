import { DomainError, NotFoundError } from '../domain/errors.ts';
import { writeCsv } from '../domain/csv.ts';
import type { Answers } from '../domain/forms/answers.ts';
import { parseRegisterFile } from '../domain/register/register-file.ts';
import { registerCorrections, type RegisterCorrection } from '../domain/register/register-prefill.ts';
import { syntheticRegister, type SyntheticRegisterSpec } from '../domain/register/synthetic-register.ts';
import { loadIndustryCorrespondence, loadMunicipalities } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { formRoundAnswers } from '../store/form-rounds.ts';
import {
  findRegisterExtract,
  insertRegisterExtract,
  registerExtracts,
  registerUnits,
  type StoredExtract,
} from '../store/register.ts';
import { perform } from './action.ts';

async function municipalitiesOn(day: string) {
  const municipalities = await loadMunicipalities(Number(day.slice(0, 4)));
  if (!municipalities)
    throw new DomainError(`no municipalities are known for ${day.slice(0, 4)}`, ['valid on']);
  return municipalities;
}

/**
 * An extract of the register read from an Enhetsregisteret-shaped file and stored whole, or refused whole
 * with every problem named; the audit log says who loaded which file, for which day, with how many units.
 */
export async function importRegister(
  db: Db,
  actor: string,
  file: { readonly text: string; readonly name: string; readonly validOn: string },
): Promise<StoredExtract> {
  const municipalities = await municipalitiesOn(file.validOn);
  const extract = parseRegisterFile(file.text, file.name, file.validOn, new Set(municipalities.keys()));
  return perform(db, actor, async (trx) => {
    const id = await insertRegisterExtract(trx, extract, file.name, actor);
    const stored = (await findRegisterExtract(trx, { id }))!;
    return {
      result: stored,
      audit: {
        action: 'register.import',
        subject: String(id),
        detail: {
          file: file.name,
          valid_on: file.validOn,
          units: extract.units.length,
          synthetic: extract.synthetic,
        },
      },
    };
  });
}

/** A synthetic register file for the municipalities of the day's year (the product has no real register data). */
export async function syntheticRegisterFile(
  spec: Omit<SyntheticRegisterSpec, 'municipalities' | 'sn2025Of'>,
): Promise<string> {
  return syntheticRegister({
    ...spec,
    municipalities: await municipalitiesOn(spec.validOn),
    sn2025Of: await loadIndustryCorrespondence(),
  });
}

/**
 * The register details a round's units reported otherwise than the extract they were drawn from, from each
 * unit's latest submitted answers: the change list SSB forwards to the register.
 */
export async function roundRegisterCorrections(db: Db, roundId: string): Promise<RegisterCorrection[]> {
  const round = await db
    .selectFrom('survey_round')
    .select('register_extract_id')
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!round) throw new NotFoundError(`no round ${roundId}`);
  if (round.register_extract_id === null)
    throw new DomainError(`round ${roundId} has no units from the register`, ['round']);
  const { form, units } = await formRoundAnswers(db, roundId);
  const registered = new Map(
    (
      await registerUnits(
        db,
        round.register_extract_id,
        units.map((u) => u.unit),
      )
    ).map((u) => [u.orgNumber, u]),
  );
  return units.flatMap((u) => {
    const unit = registered.get(u.unit);
    return unit ? registerCorrections(form, unit, u.answers as Answers) : [];
  });
}

/** The change list as CSV: one line per corrected detail. */
export const correctionsCsv = (corrections: readonly RegisterCorrection[]): string =>
  writeCsv([
    ['organisasjonsnummer', 'opplysning', 'registrert', 'rapportert'],
    ...corrections.map((c) => [c.orgNumber, c.attribute, c.registered ?? '', c.reported]),
  ]);

/** The stored extracts, the latest day first. */
export const extractList = (db: Db) => registerExtracts(db);
