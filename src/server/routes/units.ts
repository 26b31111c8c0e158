import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import {
  delegateUnit,
  disownListedUnit,
  openListedUnit,
  unitList,
  unitsWorkbook,
  uploadUnitsWorkbook,
} from '../../app/unit-list.ts';
import { attachment, languageOf, XLSX } from './respondent-form.ts';
import { problem } from '../problem.ts';
import { endResponsibleSession } from '../../store/responsibles.ts';
import { DISOWNINGS, type WireDelegation, type WireUnitsUploaded } from '../../wire/units.ts';
import { sessionCookieOptions, type ServerContext } from '../context.ts';
import { SESSION_COOKIE } from '../policies/respondent.ts';
import { requireResponsible, UNITS_COOKIE } from '../policies/responsible.ts';
import { presentUnitList } from '../presenters/units.ts';

const unitRef = {
  round: z.string().regex(/^[a-z0-9-]{1,64}$/),
  unit: z.string().regex(/^\d{4}(\d{2}|\d{5})?$/),
};
const ref = z.strictObject(unitRef);
const WORKBOOK_LIMIT = 16 * 1024 * 1024;
const disowning = z.strictObject({
  ...unitRef,
  mark: z.strictObject({ kind: z.enum(DISOWNINGS), reason: z.string().max(1000) }).nullable(),
});

/**
 * A responsible's list of units (docs/FORMS.md, "Many units"): the list, a unit's form opened from it, a
 * unit delegated to a colleague by link, a unit marked not ours / no agreement / closed.
 */
export function unitRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, now } = context;
  const cookie = (expires: Date) => sessionCookieOptions(context, expires);

  app.get('/api/units', async (request, reply) => {
    const identity = await requireResponsible(request, db, now());
    return reply
      .header('cache-control', 'no-store')
      .send(presentUnitList(await unitList(db, identity, now())));
  });

  app.post('/api/units/open', async (request, reply) => {
    const identity = await requireResponsible(request, db, now());
    const { round, unit } = ref.parse(request.body);
    const opened = await openListedUnit(db, identity, round, unit, now(), context.sessionLifetimeMs);
    return reply.setCookie(SESSION_COOKIE, opened.sessionId, cookie(opened.expiresAt)).status(204).send();
  });

  app.post('/api/units/delegate', async (request, reply) => {
    const identity = await requireResponsible(request, db, now());
    const { round, unit } = ref.parse(request.body);
    const token = await delegateUnit(db, identity, round, unit);
    const origin = context.publicUrl ?? `${request.protocol}://${request.host}`;
    const body: WireDelegation = { link: new URL(`/s/${token}`, origin).toString() };
    return reply.header('cache-control', 'no-store').status(201).send(body);
  });

  app.put('/api/units/disowned', async (request, reply) => {
    const identity = await requireResponsible(request, db, now());
    const { round, unit, mark } = disowning.parse(request.body);
    await disownListedUnit(db, identity, round, unit, mark, now());
    return reply.status(204).send();
  });

  // Every unit of the list in one workbook, a sheet per unit; uploaded back whole or not at all.
  app.get('/api/units/workbook.xlsx', async (request, reply) => {
    const identity = await requireResponsible(request, db, now());
    const workbook = await unitsWorkbook(db, identity, languageOf(request), now());
    return attachment(reply, XLSX, `enheter-${identity.responsible}.xlsx`, workbook);
  });

  // A workbook of hundreds of units is larger than a form's: its own limit.
  app.put('/api/units/workbook.xlsx', { bodyLimit: WORKBOOK_LIMIT }, async (request) => {
    const identity = await requireResponsible(request, db, now());
    if (!Buffer.isBuffer(request.body)) throw problem(415, 'media-type', `Send the workbook as ${XLSX}`);
    const result = await uploadUnitsWorkbook(db, identity, request.body, languageOf(request), now());
    if ('errors' in result)
      throw problem(
        400,
        'workbook',
        'The workbook has errors; nothing was saved',
        result.errors[0]?.message,
        [...result.errors],
      );
    const body: WireUnitsUploaded = {
      units: result.units.map((u) => ({
        round: u.roundId,
        unit: u.unit,
        version: u.version,
        errors: u.errors,
        warnings: u.warnings,
      })),
    };
    return body;
  });

  app.delete('/api/units/session', async (request, reply) => {
    const raw = request.cookies[UNITS_COOKIE];
    const unsigned = raw === undefined ? undefined : request.unsignCookie(raw);
    if (unsigned?.valid === true) await endResponsibleSession(db, unsigned.value, now());
    return reply.clearCookie(UNITS_COOKIE, { path: '/' }).status(204).send();
  });
}
