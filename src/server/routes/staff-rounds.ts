import { decodeUtf8 } from '../../domain/text-encoding.ts';
import type { FastifyInstance } from 'fastify';
import { controlFormRoundAgainstLastYear, DEFAULT_DEVIATION } from '../../app/form-controls.ts';
import * as z from 'zod';
import {
  addToSample,
  createRound,
  extendDeadline,
  loadPrefilledCsv,
  recordAttendance,
  removeFromSample,
  saveMailTemplate,
  setRoundTimeline,
} from '../../app/setup-round.ts';
import { loadSurveyDefinition } from '../../files/product-data.ts';
import { prefillFromAccounts } from '../../app/prefill-from-accounts.ts';
import { statbankFilesFor } from '../../app/statbank-files.ts';
import { roundStatus } from '../../app/round-status.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { loadTimeline } from '../../store/rounds.ts';
import type { ServerContext } from '../context.ts';
import { requireStatistician } from '../policies/statistician.ts';
import { presentStatus } from '../presenters/staff.ts';
import type { WireCreatedRound } from '../../wire/staff.ts';
import { problem } from '../problem.ts';

const day = z.iso.datetime({ offset: true }).or(z.iso.date());
const timeline = z.strictObject({
  draft_sent: day.optional(),
  information_meeting: day.optional(),
  sent_out: day.optional(),
  deadline: day.optional(),
  extended_deadline: day.optional(),
});
const newRound = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  definition: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('f254'),
  reference_year: z.number().int().min(2000).max(2100),
  timeline: timeline.default({}),
  candidates: z
    .array(
      z.strictObject({
        municipality: z.string().regex(/^\d{4}$/),
        size_group: z.string(),
        criteria: z.array(z.string()).default([]),
        population: z.number().int().min(0).optional(),
      }),
    )
    .min(1),
  sample: z.strictObject({
    take_all_with: z.array(z.string()).default([]),
    draw_per_size_group: z.record(z.string(), z.number().int().min(0)).default({}),
    /** Left out: drawn, and given back. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .optional(),
  }),
});

/** Setting a round up: the sample by criteria and a seeded draw, the timeline, the prefilled totals. */
const deviationQuery = z.strictObject({
  percent: z.coerce.number().min(0).max(10_000).optional(),
  absolute: z.coerce.number().min(0).max(1e12).optional(),
});

export function staffRoundRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, now } = context;
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, decodeUtf8(body as Buffer, 'upload.csv'));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.post('/api/staff/rounds', async (request, reply) => {
    const body = newRound.parse(request.body);
    const user = await requireStatistician(request, db, now());
    const definition = await loadSurveyDefinition(body.definition);
    const { selected, design } = await createRound(
      db,
      user,
      definition,
      { id: body.id, referenceYear: body.reference_year, timeline: body.timeline },
      body.candidates.map((c) => ({
        municipality: c.municipality,
        sizeGroup: c.size_group,
        criteria: c.criteria,
        populationApprox: c.population,
      })),
      {
        takeAllWith: body.sample.take_all_with,
        drawPerSizeGroup: body.sample.draw_per_size_group,
        ...(body.sample.seed === undefined ? {} : { seed: body.sample.seed }),
      },
    );
    return reply.status(201).send({
      id: body.id,
      seed: design.seed,
      seed_drawn: body.sample.seed === undefined,
      selected: selected.map((s) => ({
        municipality: s.municipality,
        size_group: s.sizeGroup,
        reasons: [...s.reasons],
      })),
    } satisfies WireCreatedRound);
  });

  // The sample by hand: add or remove one municipality, always with a reason.
  app.post<{ Params: { id: string } }>('/api/staff/rounds/:id/sample', async (request, reply) => {
    const body = z
      .strictObject({
        municipality: z.string().regex(/^\d{4}$/),
        size_group: z.string().min(1),
        reason: z.string().min(1).max(2000),
      })
      .parse(request.body);
    const user = await requireStatistician(request, db, now());
    await addToSample(db, user, request.params.id, {
      municipality: body.municipality,
      sizeGroup: body.size_group,
      reason: body.reason,
    });
    return reply.status(204).send();
  });

  app.delete<{ Params: { id: string; municipality: string } }>(
    '/api/staff/rounds/:id/sample/:municipality',
    async (request, reply) => {
      const { reason } = z.strictObject({ reason: z.string().min(1).max(2000) }).parse(request.body);
      const user = await requireStatistician(request, db, now());
      await removeFromSample(db, user, request.params.id, request.params.municipality, reason);
      return reply.status(204).send();
    },
  );

  // Prefilled totals from the ingested accounts of the round's reference year.
  app.post<{ Params: { id: string } }>('/api/staff/rounds/:id/prefill-from-accounts', async (request) => {
    const user = await requireStatistician(request, db, now());
    return prefillFromAccounts(db, user.username, request.params.id);
  });

  // A published table's StatBank load file, as StatBank's client would send it.
  app.get<{ Params: { table: string; file: string } }>(
    '/api/staff/publications/:table/statbank/:file',
    async (request, reply) => {
      await requireStatistician(request, db, now());
      const file = (await statbankFilesFor(db, request.params.table)).find(
        (f) => f.filename === request.params.file,
      );
      if (!file)
        throw problem(
          404,
          'not-found',
          `table ${request.params.table} has no StatBank load file ${request.params.file}`,
        );
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.content);
    },
  );

  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/timeline', async (request) => {
    await requireStatistician(request, db, now());
    const stored = await loadTimeline(db, request.params.id);
    if (!stored) throw new NotFoundError(`no survey round ${request.params.id}`);
    return stored;
  });

  // The whole timeline at once; its deadline and extended deadline close the forms.
  app.put<{ Params: { id: string } }>('/api/staff/rounds/:id/timeline', async (request) => {
    const body = timeline.parse(request.body);
    const user = await requireStatistician(request, db, now());
    return setRoundTimeline(db, user, request.params.id, body);
  });

  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/status', async (request) => {
    await requireStatistician(request, db, now());
    return (await roundStatus(db, request.params.id)).map(presentStatus);
  });

  // A form round against the year before (forms engine): the deviations to follow up, largest first.
  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/form-controls', async (request) => {
    await requireStatistician(request, db, now());
    const query = deviationQuery.parse(request.query);
    const result = await controlFormRoundAgainstLastYear(db, request.params.id, {
      percent: query.percent ?? DEFAULT_DEVIATION.percent,
      absolute: query.absolute ?? DEFAULT_DEVIATION.absolute,
    });
    return {
      compared: result.compared,
      without_last_year: result.withoutLastYear,
      deviations: result.deviations.map((d) => ({
        unit: d.unit,
        path: d.path,
        label: d.label,
        now: d.now,
        before: d.before,
        change: d.change,
        percent: d.percent,
      })),
    };
  });

  app.put<{ Params: { id: string; municipality: string } }>(
    '/api/staff/rounds/:id/municipalities/:municipality/extension',
    async (request, reply) => {
      const { until } = z.strictObject({ until: day.nullable() }).parse(request.body);
      const user = await requireStatistician(request, db, now());
      await extendDeadline(db, user, request.params.id, request.params.municipality, until);
      return reply.status(204).send();
    },
  );

  // Attendance at the information meeting: CSV lines `municipality,participants`.
  app.put<{ Params: { id: string } }>('/api/staff/rounds/:id/attendance', async (request) => {
    if (typeof request.body !== 'string') throw problem(415, 'media-type', 'Send attendance as text/csv');
    const user = await requireStatistician(request, db, now());
    return { rows: await recordAttendance(db, user, request.params.id, request.body) };
  });

  app.put<{ Params: { id: string; kind: string; language: string } }>(
    '/api/staff/rounds/:id/templates/:kind/:language',
    async (request, reply) => {
      const kind = z.enum(['invitation', 'reminder']).parse(request.params.kind);
      const language = z.enum(['nb', 'nn']).parse(request.params.language);
      const body = z
        .strictObject({ subject: z.string().min(1).max(300), body: z.string().min(1).max(20000) })
        .parse(request.body);
      const user = await requireStatistician(request, db, now());
      await saveMailTemplate(db, user, request.params.id, { kind, language, ...body });
      return reply.status(204).send();
    },
  );

  app.put<{ Params: { id: string } }>('/api/staff/rounds/:id/prefilled', async (request) => {
    if (typeof request.body !== 'string') throw problem(415, 'media-type', 'Send the totals as text/csv');
    const user = await requireStatistician(request, db, now());
    return { rows: await loadPrefilledCsv(db, user, request.params.id, request.body) };
  });
}
