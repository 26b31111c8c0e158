import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import {
  collectionList,
  collectionOverview,
  createCollection,
  takeCheckpoint,
} from '../../app/collections.ts';
import { correctionsCsv, extractList, importRegister, roundRegisterCorrections } from '../../app/register.ts';
import { issueCollectionLinks } from '../../app/unit-list.ts';
import { deadlineInstant } from '../../domain/collection/timeline.ts';
import type { WireCheckpointTaken, WireCollectionMailed, WireResponsibleLinks } from '../../wire/staff.ts';
import { inviteCollection } from '../../app/collection-mail.ts';
import type { ServerContext } from '../context.ts';
import { requireStatistician } from '../policies/statistician.ts';
import { problem } from '../problem.ts';
import {
  presentCollection,
  presentCollectionControls,
  presentExtract,
} from '../presenters/staff-collections.ts';
import { collectionControls } from '../../app/collection-controls.ts';

/** A register file may hold every health and care unit of the country: larger than other uploads. */
const REGISTER_FILE_LIMIT = 32 * 1024 * 1024;

const day = z.iso.date();
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{2,40}$/);
const units = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('municipalities') }),
  z.strictObject({ from: z.literal('oslo_districts') }),
  z.strictObject({ from: z.literal('municipalities_and_districts') }),
  z.strictObject({ from: z.literal('codes'), codes: z.array(z.string().regex(/^\d{4}(\d{2})?$/)).min(1) }),
  z.strictObject({ from: z.literal('register'), extract: z.number().int().positive().optional() }),
]);
const newCollection = z.strictObject({
  id,
  year: z.number().int().min(2000).max(2100),
  name: z.string().min(1).max(200),
  forms: z
    .array(z.strictObject({ form: z.string().regex(/^[a-z0-9-]+$/), units, deadline: day.optional() }))
    .min(1)
    .max(20),
});

/**
 * The register of units and collections of several forms (docs/FORMS.md, "Collections"): extracts imported,
 * collections opened, their publications frozen, their responsibles' links made, a round's register changes.
 */
export function staffCollectionRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, now } = context;

  app.get('/api/staff/register', async (request) => {
    await requireStatistician(request, db, now());
    return (await extractList(db)).map(presentExtract);
  });

  app.post('/api/staff/register', { bodyLimit: REGISTER_FILE_LIMIT }, async (request, reply) => {
    const query = z
      .strictObject({ valid_on: day, file: z.string().max(200).optional() })
      .parse(request.query);
    const user = await requireStatistician(request, db, now());
    if (typeof request.body !== 'string')
      throw problem(415, 'media-type', 'Send the register file as text/csv');
    const stored = await importRegister(db, user.username, {
      text: request.body,
      name: query.file ?? 'register.csv',
      validOn: query.valid_on,
    });
    return reply.status(201).send(presentExtract(stored));
  });

  app.get('/api/staff/collections', async (request) => {
    await requireStatistician(request, db, now());
    return collectionList(db);
  });

  app.post('/api/staff/collections', async (request, reply) => {
    const body = newCollection.parse(request.body);
    const user = await requireStatistician(request, db, now());
    const created = await createCollection(db, user.username, {
      id: body.id,
      year: body.year,
      name: body.name,
      forms: body.forms.map((f) => ({
        form: f.form,
        units: f.units,
        ...(f.deadline ? { deadline: deadlineInstant(f.deadline, ['deadline']) } : {}),
      })),
    });
    return reply.status(201).send(presentCollection(created, []));
  });

  app.get<{ Params: { id: string } }>('/api/staff/collections/:id', async (request) => {
    await requireStatistician(request, db, now());
    const { collection, rates } = await collectionOverview(db, request.params.id);
    return presentCollection(collection, rates);
  });

  app.get<{ Params: { id: string } }>('/api/staff/collections/:id/controls', async (request) => {
    await requireStatistician(request, db, now());
    return presentCollectionControls(await collectionControls(db, request.params.id));
  });

  app.post<{ Params: { id: string } }>('/api/staff/collections/:id/checkpoints', async (request, reply) => {
    const { kind } = z.strictObject({ kind: z.enum(['preliminary', 'final']) }).parse(request.body);
    const user = await requireStatistician(request, db, now());
    const taken: WireCheckpointTaken = await takeCheckpoint(
      db,
      user.username,
      request.params.id,
      kind,
      now(),
    );
    return reply.status(201).send(taken);
  });

  app.post<{ Params: { id: string } }>('/api/staff/collections/:id/links', async (request, reply) => {
    const user = await requireStatistician(request, db, now());
    const made = await issueCollectionLinks(db, user.username, request.params.id);
    const origin = context.publicUrl ?? `${request.protocol}://${request.host}`;
    const links: WireResponsibleLinks = made.map((m) => ({
      responsible: m.responsible,
      name: m.name,
      link: new URL(`/s/${m.token}`, origin).toString(),
    }));
    return reply.status(201).header('cache-control', 'no-store').send(links);
  });

  // The invitation of a collection: a mail to each responsible with a contact address, with its list link.
  app.post<{ Params: { id: string } }>('/api/staff/collections/:id/mail', async (request) => {
    const { language } = z.strictObject({ language: z.enum(['nb', 'nn']) }).parse(request.body);
    const user = await requireStatistician(request, db, now());
    if (!context.mail) throw problem(503, 'no-mail', 'The server has no mail server (SMTP_URL)');
    const result = await inviteCollection(db, user, request.params.id, language, context.mail);
    const body: WireCollectionMailed = {
      sent: result.sent,
      failed: result.failed,
      without_address: result.withoutAddress,
    };
    return body;
  });

  app.get<{ Params: { id: string } }>(
    '/api/staff/rounds/:id/register-corrections.csv',
    async (request, reply) => {
      await requireStatistician(request, db, now());
      const csv = correctionsCsv(await roundRegisterCorrections(db, request.params.id));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.id}-register-changes.csv"`)
        .send(csv);
    },
  );
}
