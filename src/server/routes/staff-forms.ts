import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { openShippedFormRound } from '../../app/create-form-round.ts';
import { reportFormRound } from '../../app/form-report.ts';
import { deadlineInstant } from '../../domain/collection/timeline.ts';
import { loadFormLibrary } from '../../files/form-definitions.ts';
import { hasSurveyDefinition } from '../../files/product-data.ts';
import { exportFormRound } from '../../app/export-form-round.ts';
import type { ServerContext } from '../context.ts';
import { requireStatistician } from '../policies/statistician.ts';
import { presentFormReport, presentShippedForm } from '../presenters/staff-forms.ts';
import type { WireCreatedFormRound } from '../../wire/staff.ts';

const newFormRound = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  form: z.string().regex(/^[a-z0-9-]+$/),
  year: z.number().int().min(2000).max(2100),
  units: z.discriminatedUnion('from', [
    z.strictObject({ from: z.literal('municipalities') }),
    z.strictObject({ from: z.literal('oslo_districts') }),
    z.strictObject({ from: z.literal('municipalities_and_districts') }),
    z.strictObject({ from: z.literal('codes'), codes: z.array(z.string().regex(/^\d{4}(\d{2})?$/)).min(1) }),
    z.strictObject({ from: z.literal('register'), extract: z.number().int().positive().optional() }),
  ]),
  draw: z
    .strictObject({
      per_group: z.record(z.string().regex(/^EKG\d{2}$/), z.number().int().min(0)),
      seed: z.number().int(),
    })
    .optional(),
  deadline: z.iso
    .date()
    .or(z.iso.datetime({ offset: true }))
    .optional(),
});

/** Rounds of the forms in data/forms: which forms there are, a round opened for a year, its report and export. */
export function staffFormRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, now } = context;

  app.get('/api/staff/forms', async (request) => {
    await requireStatistician(request, db, now());
    const { forms } = await loadFormLibrary();
    return forms.map((f) => presentShippedForm(f, hasSurveyDefinition(f.id)));
  });

  // A round of a form for an årgang: its units from the reference data of that year, or a draw among them.
  app.post('/api/staff/form-rounds', async (request, reply) => {
    const body = newFormRound.parse(request.body);
    const user = await requireStatistician(request, db, now());
    const units = await openShippedFormRound(db, user.username, {
      id: body.id,
      form: body.form,
      year: body.year,
      units: body.units,
      draw: body.draw && { perGroup: body.draw.per_group, seed: body.draw.seed },
      deadline: body.deadline ? deadlineInstant(body.deadline, ['deadline']) : null,
    });
    return reply.status(201).send({
      id: body.id,
      form: body.form,
      year: body.year,
      units: units.map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
    } satisfies WireCreatedFormRound);
  });

  // Per answer path: units answering, sums, ranges, by KOSTRA group; choices counted.
  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/form-report', async (request) => {
    await requireStatistician(request, db, now());
    return presentFormReport(await reportFormRound(db, request.params.id));
  });

  // Every submitted answer, a line per unit and path: what statisticians load into their own tools.
  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/form-answers.csv', async (request, reply) => {
    await requireStatistician(request, db, now());
    const { csv } = await exportFormRound(db, request.params.id);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${request.params.id}-answers.csv"`)
      .send(csv);
  });
}
