import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createRound, loadPrefilledCsv } from '../../app/setup-round.ts';
import { loadSurveyDefinition } from '../../files/product-data.ts';
import { loadRoundHeader } from '../../store/rounds.ts';
import type { ServerContext } from '../context.ts';
import { requireStatistician } from '../policies/statistician.ts';
import { problem } from '../problem.ts';

const day = z.iso.datetime({ offset: true }).or(z.iso.date());
const newRound = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  definition: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('f254'),
  reference_year: z.number().int().min(2000).max(2100),
  timeline: z
    .strictObject({
      draft_sent: day.optional(),
      information_meeting: day.optional(),
      sent_out: day.optional(),
      deadline: day.optional(),
      extended_deadline: day.optional(),
    })
    .default({}),
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
    seed: z.number().int(),
  }),
});

/** Setting a round up: the sample by criteria and a seeded draw, the timeline, the prefilled totals. */
export function staffRoundRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, now } = context;
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });

  app.post('/api/staff/rounds', async (request, reply) => {
    const body = newRound.parse(request.body);
    const user = await requireStatistician(request, db, now());
    const definition = await loadSurveyDefinition(body.definition);
    const selected = await createRound(
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
        seed: body.sample.seed,
      },
    );
    return reply.status(201).send({ id: body.id, selected });
  });

  app.put<{ Params: { id: string } }>('/api/staff/rounds/:id/prefilled', async (request) => {
    if (typeof request.body !== 'string') throw problem(415, 'media-type', 'Send the totals as text/csv');
    const user = await requireStatistician(request, db, now());
    const first = await db
      .selectFrom('invitation')
      .select('municipality')
      .where('round_id', '=', request.params.id)
      .executeTakeFirst();
    if (!first) throw problem(404, 'not-found', `no survey round ${request.params.id} with invitations`);
    const { definition } = await loadRoundHeader(db, request.params.id, first.municipality);
    return { rows: await loadPrefilledCsv(db, user, request.params.id, definition, request.body) };
  });
}
