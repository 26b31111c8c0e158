import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import {
  auditTrail,
  correctResponse,
  logContact,
  roundControls,
  roundTracking,
  setOutcome,
} from '../../app/control-round.ts';
import { municipalityRecords } from '../../app/staff-views.ts';
import { roundThresholds } from '../../app/control-thresholds.ts';
import { roundRates } from '../../app/round-rates.ts';
import { responseContentSchema, toResponseContent } from '../../files/responses-json.ts';
import type { ServerContext } from '../context.ts';
import { requireStatistician } from '../policies/statistician.ts';
import { presentDay, presentFlag, presentMunicipalityRecord, presentOverview } from '../presenters/staff.ts';
import { roundOverview } from '../../app/round-overview.ts';
import { trackingChart } from '../../report/tracking-chart.ts';
import { presentRates } from '../presenters/staff-forms.ts';

type Params = { id: string; municipality: string };
// A municipality, one of Oslo's districts, or an establishment (organisation number) in a form round.
const municipality = z.string().regex(/^\d{4}(\d{2}|\d{5})?$/);
const correction = z.strictObject({
  version: z.number().int().min(0),
  reason: z.string().trim().min(1).max(2000),
  response: responseContentSchema,
});
const contact = z.strictObject({
  channel: z.enum(['phone', 'email', 'meeting', 'other']),
  question: z.string().trim().min(1).max(4000),
  answer: z.string().max(4000).default(''),
});
const outcome = z.strictObject({
  municipality,
  flag: z.string().min(1).max(200),
  outcome: z.enum(['confirmed', 'corrected', 'pending']),
  note: z.string().max(2000).default(''),
});
// Thresholds asked for in the query; what is not asked for is the round's own (or the defaults).
const thresholds = z.object({
  relative: z.coerce.number().min(0).max(10).optional(),
  absolute: z.coerce.number().min(0).optional(),
});

/** Control of a round: response tracking, the worklist, corrections with reasons, the audit trail, contacts. */
export function staffControlRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, now } = context;

  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/tracking', async (request) => {
    await requireStatistician(request, db, now());
    return (await roundTracking(db, request.params.id, now())).map(presentDay);
  });

  // The same as a response curve (SVG), for the round's overview.
  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/tracking.svg', async (request, reply) => {
    await requireStatistician(request, db, now());
    return reply.type('image/svg+xml').send(trackingChart(await roundTracking(db, request.params.id, now())));
  });

  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/overview', async (request) => {
    await requireStatistician(request, db, now());
    return presentOverview(await roundOverview(db, request.params.id, now()));
  });

  // Response rates at checkpoints, as the working group's report tabulates them (the computation of `kostra rates`).
  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/rates', async (request) => {
    const query = z
      .strictObject({ checkpoint: z.union([z.iso.date(), z.array(z.iso.date())]).optional() })
      .parse(request.query);
    await requireStatistician(request, db, now());
    const checkpoints = query.checkpoint === undefined ? undefined : [query.checkpoint].flat();
    return presentRates(await roundRates(db, request.params.id, checkpoints));
  });

  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/controls', async (request) => {
    const asked = thresholds.parse(request.query);
    await requireStatistician(request, db, now());
    const own = await roundThresholds(db, request.params.id);
    const limits = { relative: asked.relative ?? own.relative, absolute: asked.absolute ?? own.absolute };
    return (await roundControls(db, request.params.id, limits)).map(presentFlag);
  });

  app.put<{ Params: { id: string } }>('/api/staff/rounds/:id/controls/outcome', async (request, reply) => {
    const body = outcome.parse(request.body);
    const user = await requireStatistician(request, db, now());
    await setOutcome(db, user, request.params.id, body.municipality, body.flag, body.outcome, body.note);
    return reply.status(204).send();
  });

  app.get<{ Params: Params }>('/api/staff/rounds/:id/municipalities/:municipality', async (request) => {
    municipality.parse(request.params.municipality);
    await requireStatistician(request, db, now());
    const { id, municipality: m } = request.params;
    const trail = await auditTrail(db, id, m);
    return presentMunicipalityRecord(trail, await municipalityRecords(db, id, m));
  });

  app.post<{ Params: Params }>(
    '/api/staff/rounds/:id/municipalities/:municipality/corrections',
    async (request) => {
      municipality.parse(request.params.municipality);
      const body = correction.parse(request.body);
      const user = await requireStatistician(request, db, now());
      return correctResponse(
        db,
        user,
        request.params.id,
        request.params.municipality,
        body.version,
        toResponseContent(body.response),
        body.reason,
        now(),
      );
    },
  );

  app.post<{ Params: Params }>(
    '/api/staff/rounds/:id/municipalities/:municipality/contacts',
    async (request, reply) => {
      municipality.parse(request.params.municipality);
      const body = contact.parse(request.body);
      const user = await requireStatistician(request, db, now());
      await logContact(db, user, request.params.id, request.params.municipality, body);
      return reply.status(204).send();
    },
  );
}
