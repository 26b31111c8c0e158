import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { previewKeyFigures, publishKeyFigures } from '../../app/key-figures.ts';
import { previewPublication } from '../../app/publication-preview.ts';
import { publishRoundWithLoadFiles } from '../../app/publish-round.ts';
import { publicationHistory } from '../../app/publish-series.ts';
import type { ServerContext } from '../context.ts';
import { requireStatistician } from '../policies/statistician.ts';
import { presentPublished } from '../presenters/staff.ts';
import {
  presentKeyFiguresPreview,
  presentPreview,
  presentPublications,
  presentPublishedPeriod,
} from '../presenters/staff-publications.ts';

/** How to publish: preliminary or final (the default), and why when the period is published already. */
const publishBody = z.strictObject({
  stage: z.enum(['preliminary', 'final']).default('final'),
  note: z.string().trim().max(500).optional(),
});
const yearParams = z.strictObject({ year: z.coerce.number().int().min(2015).max(2100) });
const roundParams = z.strictObject({ id: z.string().min(1) });

const options = (body: z.infer<typeof publishBody>) => ({
  stage: body.stage,
  ...(body.note ? { note: body.note } : {}),
});

/**
 * Publication for statisticians: what a round's publication would publish (rate, pending flags, what
 * suppression withholds, what of the period is published already), publishing it as a period of each
 * table, the same for a year's key figures from the accounts, and what is published with its revisions.
 */
export function staffPublicationRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, now } = context;

  app.get('/api/staff/rounds/:id/publication-preview', async (request) => {
    const { id } = roundParams.parse(request.params);
    await requireStatistician(request, db, now());
    return presentPreview(await previewPublication(db, id, now()));
  });

  // The round's period of each table suppressed, audited and served by the PxWeb API with the periods
  // published before; refused if an audit fails. Each table says where its StatBank load files are.
  app.post('/api/staff/rounds/:id/publish', async (request) => {
    const { id } = roundParams.parse(request.params);
    const body = publishBody.parse(request.body ?? {});
    const user = await requireStatistician(request, db, now());
    return presentPublished(await publishRoundWithLoadFiles(db, id, user.username, now(), options(body)));
  });

  app.get('/api/staff/key-figures/:year/preview', async (request) => {
    const { year } = yearParams.parse(request.params);
    await requireStatistician(request, db, now());
    return presentKeyFiguresPreview(await previewKeyFigures(db, year));
  });

  app.post('/api/staff/key-figures/:year/publish', async (request) => {
    const { year } = yearParams.parse(request.params);
    const body = publishBody.parse(request.body ?? {});
    const user = await requireStatistician(request, db, now());
    return presentPublishedPeriod(await publishKeyFigures(db, year, user.username, now(), options(body)));
  });

  app.get('/api/staff/publications', async (request) => {
    await requireStatistician(request, db, now());
    return presentPublications(await publicationHistory(db));
  });
}
