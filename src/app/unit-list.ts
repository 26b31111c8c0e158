import { effectiveDeadline } from '../domain/collection/timeline.ts';
import { DomainError, NotFoundError } from '../domain/errors.ts';
import type { Labels, Language } from '../domain/language.ts';
import type { Answers } from '../domain/forms/answers.ts';
import { readUnitsWorkbook, writeUnitsWorkbook, type ExpectedUnit } from '../files/form-answers-workbook.ts';
import type { CellError } from '../files/form-workbook.ts';
import { getFormAnswers, saveFormAnswers, type FormAnswersView } from './form-answers.ts';
import type { RegisterUnit } from '../domain/register/unit.ts';
import { loadMunicipalities } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { findCollection } from '../store/collections.ts';
import { formOf } from '../store/form-rounds.ts';
import { findRegisterExtract, registerUnits } from '../store/register.ts';
import { issueTokens, openSession } from '../store/respondents.ts';
import {
  issueResponsibleTokens,
  responsiblesIn,
  responsibleUnits,
  type ListedUnitRow,
  type ResponsibleIdentity,
  type ResponsibleScope,
} from '../store/responsibles.ts';
import type { Disowning } from '../store/schema.ts';
import { perform } from './action.ts';
import { disownUnit } from './disown-unit.ts';

/** Where a unit's form stands, as its responsible's list shows it. */
export type ListedStatus = 'not_started' | 'draft' | 'submitted' | 'changed_after_submission';

export interface ListedUnit {
  readonly roundId: string;
  readonly form: string;
  readonly formTitle: Labels;
  readonly unit: string;
  readonly name: string;
  readonly kind: string;
  /** The register's address of an establishment, when the round drew it from the register. */
  readonly address: string | null;
  readonly status: ListedStatus;
  readonly version: number;
  readonly submittedAt: Date | null;
  readonly deadline: Date | null;
  readonly open: boolean;
  readonly disowned: Disowning | null;
  readonly disownedReason: string | null;
}

export interface UnitList {
  readonly responsible: string;
  readonly name: string;
  /** Some units come from a synthetic register extract: the page says so. */
  readonly synthetic: boolean;
  readonly units: readonly ListedUnit[];
}

const statusOf = (row: ListedUnitRow): ListedStatus =>
  row.status === null
    ? 'not_started'
    : row.status === 'submitted'
      ? 'submitted'
      : row.everSubmitted
        ? 'changed_after_submission'
        : 'draft';

/** The units a responsible answers for, each with its form, its register address, status and deadline. */
export async function unitList(db: Db, identity: ResponsibleIdentity, now: Date): Promise<UnitList> {
  const rows = await responsibleUnits(db, identity);
  const byExtract = new Map<number, string[]>();
  for (const r of rows)
    if (r.extractId !== null) byExtract.set(r.extractId, [...(byExtract.get(r.extractId) ?? []), r.unit]);
  const registered = new Map<string, RegisterUnit>();
  let synthetic = false;
  for (const [extractId, units] of byExtract) {
    synthetic ||= (await findRegisterExtract(db, { id: extractId }))?.synthetic ?? false;
    for (const u of await registerUnits(db, extractId, units)) registered.set(u.orgNumber, u);
  }
  const titles = new Map<string, Labels>();
  for (const r of rows)
    if (r.form !== null && r.formVersion !== null && r.formYear !== null && !titles.has(r.roundId))
      titles.set(r.roundId, (await formOf(db, r.form, r.formVersion, r.formYear)).form.title);
  return {
    responsible: identity.responsible,
    name: identity.name,
    synthetic,
    units: rows.map((r) => {
      const unit = registered.get(r.unit);
      const deadline = effectiveDeadline(r.deadline, r.extendedDeadline, null);
      return {
        roundId: r.roundId,
        form: r.form ?? r.roundId,
        formTitle: titles.get(r.roundId) ?? { nb: r.roundId, nn: r.roundId, en: r.roundId },
        unit: r.unit,
        name: r.name,
        kind: r.kind,
        address: unit ? `${unit.street}, ${unit.postcode} ${unit.place}` : null,
        status: statusOf(r),
        version: r.version ?? 0,
        submittedAt: r.submittedAt,
        deadline,
        open: (deadline === null || now <= deadline) && (r.closedAt === null || now < r.closedAt),
        disowned: r.disowned,
        disownedReason: r.disownedReason,
      };
    }),
  };
}

/** The unit of the list, or a 404 that does not say whether it exists for someone else. */
async function listedUnit(db: Db, identity: ResponsibleIdentity, roundId: string, unit: string) {
  const [row] = await responsibleUnits(db, identity, { roundId, unit });
  if (!row) throw new NotFoundError(`${unit} is not on your list in ${roundId}`);
  return row;
}

/**
 * Opens one unit's form from the list: a session of that unit's own, as its invitation link would give,
 * made by a link no one is sent (the audit log says the responsible opened it).
 */
export async function openListedUnit(
  db: Db,
  identity: ResponsibleIdentity,
  roundId: string,
  unit: string,
  now: Date,
  lifetimeMs: number,
): Promise<{ sessionId: string; expiresAt: Date }> {
  await listedUnit(db, identity, roundId, unit);
  return perform(db, `responsible:${identity.responsible}`, async (trx) => {
    const [issued] = await issueTokens(trx, roundId, [unit], `list:${identity.responsible}`);
    const opened = await openSession(trx, issued!.token, now, lifetimeMs);
    if (!opened) throw new DomainError(`the form of ${unit} in ${roundId} is closed`, ['unit']);
    return {
      result: { sessionId: opened.sessionId, expiresAt: opened.expiresAt },
      audit: {
        action: 'unit.open',
        subject: `${roundId}/${unit}`,
        detail: { responsible: identity.responsible },
      },
    };
  });
}

/** A link to one unit's form for a colleague, who sees that unit only; returned once. */
export async function delegateUnit(
  db: Db,
  identity: ResponsibleIdentity,
  roundId: string,
  unit: string,
): Promise<string> {
  await listedUnit(db, identity, roundId, unit);
  return perform(db, `responsible:${identity.responsible}`, async (trx) => {
    const [issued] = await issueTokens(trx, roundId, [unit], `delegated:${identity.responsible}`);
    return {
      result: issued!.token,
      audit: {
        action: 'unit.delegate',
        subject: `${roundId}/${unit}`,
        detail: { responsible: identity.responsible },
      },
    };
  });
}

/** "Not ours / no agreement / closed" from the list, with the reason; `null` takes it back. */
export async function disownListedUnit(
  db: Db,
  identity: ResponsibleIdentity,
  roundId: string,
  unit: string,
  mark: { readonly kind: Disowning; readonly reason: string } | null,
  now: Date,
): Promise<void> {
  await listedUnit(db, identity, roundId, unit);
  await disownUnit(db, `responsible:${identity.responsible}`, roundId, unit, mark, now);
}

/**
 * A link for every responsible of a collection (or a round): the municipality or enterprise that answers for
 * units, or a unit answering its own form. Named as the year's municipalities or the register name them.
 */
export async function issueResponsibleLinks(
  db: Db,
  actor: string,
  scope: ResponsibleScope,
  year: number,
): Promise<{ responsible: string; name: string; token: string }[]> {
  const municipalities = (await loadMunicipalities(year)) ?? new Map<string, string>();
  return perform(db, actor, async (trx) => {
    const codes = await responsiblesIn(trx, scope);
    const enterprises = codes.filter((c) => c.length === 9);
    const names = new Map<string, string>();
    if (enterprises.length > 0) {
      const extract = await findRegisterExtract(trx, { onOrBefore: `${year}-12-31` });
      if (extract)
        for (const u of await registerUnits(trx, extract.id, enterprises)) names.set(u.orgNumber, u.name);
    }
    const invitedNames = await trx
      .selectFrom('invitation')
      .select(['municipality', 'name'])
      .where('municipality', 'in', codes.length > 0 ? codes : [''])
      .execute();
    for (const i of invitedNames) if (!names.has(i.municipality)) names.set(i.municipality, i.name);
    const made = await issueResponsibleTokens(
      trx,
      scope,
      codes.map((c) => ({ responsible: c, name: municipalities.get(c) ?? names.get(c) ?? c })),
    );
    return {
      result: made,
      audit: {
        action: 'responsible.links',
        subject: 'collectionId' in scope ? scope.collectionId : scope.roundId,
        detail: { links: made.length },
      },
    };
  });
}

/** The list links of every responsible of a collection, named as the collection's årgang names them. */
export async function issueCollectionLinks(db: Db, actor: string, collectionId: string) {
  const { year } = await findCollection(db, collectionId);
  return issueResponsibleLinks(db, actor, { collectionId }, year);
}

/** The open units of the list (not marked as not theirs), as the identity their own form would have. */
async function workbookUnits(db: Db, identity: ResponsibleIdentity, now: Date) {
  const list = await unitList(db, identity, now);
  return list.units.filter((u) => u.disowned === null && u.form !== u.roundId);
}

/**
 * Every unit of the list in one workbook (a sheet per unit) with its answers as its own form shows them:
 * the latest saved, or what a form not yet begun starts from (the register, last year, the accounts).
 */
export async function unitsWorkbook(
  db: Db,
  identity: ResponsibleIdentity,
  language: Language,
  now: Date,
): Promise<Buffer> {
  const books = [];
  for (const u of await workbookUnits(db, identity, now)) {
    const view = await getFormAnswers(db, { roundId: u.roundId, municipality: u.unit }, language, now);
    books.push({ form: view.form, roundId: u.roundId, unit: view.unit, answers: view.answers });
  }
  return writeUnitsWorkbook(books, language);
}

/** What an upload of the list's workbook did to one unit. */
export interface UploadedUnit {
  readonly roundId: string;
  readonly unit: string;
  /** The new draft's version; null when the sheet held the answers already saved. */
  readonly version: number | null;
  readonly errors: number;
  readonly warnings: number;
}

/**
 * The list's workbook uploaded: every unit whose sheet differs from what its form shows saved as a new draft,
 * in one transaction, or
 * nothing at all when a sheet has an error or a changed unit's form is closed. Validation findings do not
 * stop a draft (they stop its submission) and are counted per unit.
 */
export async function uploadUnitsWorkbook(
  db: Db,
  identity: ResponsibleIdentity,
  data: Buffer,
  language: Language,
  now: Date,
): Promise<{ errors: readonly CellError[] } | { units: readonly UploadedUnit[] }> {
  const open = await workbookUnits(db, identity, now);
  const expected: (ExpectedUnit & { view: FormAnswersView })[] = [];
  for (const u of open) {
    const view = await getFormAnswers(db, { roundId: u.roundId, municipality: u.unit }, language, now);
    expected.push({ form: view.form, roundId: u.roundId, unit: u.unit, view });
  }
  const read = await readUnitsWorkbook(data, expected, language);
  if ('errors' in read) return read;
  return perform(db, `responsible:${identity.responsible}`, async (trx) => {
    const done: UploadedUnit[] = [];
    for (const sheet of read.units) {
      const { view } = expected.find((e) => e.roundId === sheet.roundId && e.unit === sheet.unit)!;
      // Unchanged from what the workbook was made with (the saved answers, or a form not begun's prefill):
      // nothing to save, and a unit nobody touched stays not begun.
      if (sameAnswers(view.answers, sheet.answers)) {
        done.push({ roundId: sheet.roundId, unit: sheet.unit, version: null, errors: 0, warnings: 0 });
        continue;
      }
      const result = await saveFormAnswers(
        trx,
        { roundId: sheet.roundId, municipality: sheet.unit },
        view.latest?.version ?? 0,
        sheet.answers,
        language,
        now,
      );
      done.push({
        roundId: sheet.roundId,
        unit: sheet.unit,
        version: result.version,
        errors: result.errors.length,
        warnings: result.warnings.length,
      });
    }
    return {
      result: { units: done },
      audit: {
        action: 'units.workbook',
        subject: identity.responsible,
        detail: { saved: done.filter((d) => d.version !== null).map((d) => `${d.roundId}/${d.unit}`) },
      },
    };
  });
}

const sameAnswers = (a: Answers, b: Answers): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null));
};
