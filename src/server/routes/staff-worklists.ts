import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { setOutcomes } from '../../app/control-round.ts';
import { roundThresholds, setRoundThresholds } from '../../app/control-thresholds.ts';
import { roundStatusList } from '../../app/round-status-list.ts';
import {
  filterStatusList,
  sortStatusList,
  STATUS_SORT_KEYS,
  statusListTable,
  type StatusFilter,
} from '../../domain/collection/status-list.ts';
import { listCsv, listXlsx } from '../../files/list-exports.ts';
import type { ServerContext } from '../context.ts';
import { requireStatistician } from '../policies/statistician.ts';
import { presentStatusListRow, presentThresholds } from '../presenters/staff.ts';
import { XLSX } from './respondent-form.ts';

const statuses = z.enum(['not_started', 'draft', 'submitted', 'resubmitted']);
/** The status list's filter and order as query parameters: the page's and its exports' alike. */
const listQuery = z.strictObject({
  q: z.string().max(200).optional(),
  status: z.union([statuses, z.array(statuses)]).optional(),
  county: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  size_group: z.string().max(40).optional(),
  flagged: z.enum(['true', 'false']).optional(),
  mail: z.enum(['none', 'sent', 'failed', 'bounced']).optional(),
  sort: z.enum(STATUS_SORT_KEYS).default('municipality'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
const municipality = z.string().regex(/^\d{4}(\d{2})?$/);
const outcomesBody = z.strictObject({
  flags: z
    .array(z.strictObject({ municipality, flag: z.string().min(1).max(200) }))
    .min(1)
    .max(5000),
  outcome: z.enum(['confirmed', 'corrected', 'pending']),
  note: z.string().max(2000).default(''),
});
const thresholdsBody = z.strictObject({
  relative: z.number().min(0).max(10),
  absolute: z.number().min(0).max(1e9),
});

/** The statistician's lists: every municipality's status (with exports), thresholds, outcomes for many. */
export function staffWorklistRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, now } = context;

  const listed = async (roundId: string, query: unknown) => {
    const q = listQuery.parse(query);
    const all = await roundStatusList(db, roundId);
    const filter: StatusFilter = {
      ...(q.q ? { q: q.q } : {}),
      ...(q.status ? { status: [q.status].flat() } : {}),
      ...(q.county ? { county: q.county } : {}),
      ...(q.size_group ? { sizeGroup: q.size_group } : {}),
      ...(q.flagged ? { flagged: q.flagged === 'true' } : {}),
      ...(q.mail ? { mail: q.mail } : {}),
    };
    return {
      total: all.length,
      rows: sortStatusList(filterStatusList(all, filter), { key: q.sort, direction: q.dir }),
    };
  };

  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/status-list', async (request) => {
    await requireStatistician(request, db, now());
    const { total, rows } = await listed(request.params.id, request.query);
    return { total, rows: rows.map(presentStatusListRow) };
  });

  // The same list, as filtered and sorted, for Excel: CSV (semicolons, BOM) or a workbook.
  for (const format of ['csv', 'xlsx'] as const)
    app.get<{ Params: { id: string } }>(
      `/api/staff/rounds/:id/status-list.${format}`,
      async (request, reply) => {
        await requireStatistician(request, db, now());
        const { rows } = await listed(request.params.id, request.query);
        const table = statusListTable(rows);
        reply
          .header('content-disposition', `attachment; filename="status-${request.params.id}.${format}"`)
          .header('cache-control', 'no-store');
        return format === 'csv'
          ? reply.type('text/csv; charset=utf-8').send(listCsv(table))
          : reply.type(XLSX).send(await listXlsx('Status', table));
      },
    );

  app.put<{ Params: { id: string } }>('/api/staff/rounds/:id/controls/outcomes', async (request) => {
    const body = outcomesBody.parse(request.body);
    const user = await requireStatistician(request, db, now());
    const set = await setOutcomes(db, user, request.params.id, body.flags, body.outcome, body.note);
    return { rows: set };
  });

  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/thresholds', async (request) => {
    await requireStatistician(request, db, now());
    return presentThresholds(await roundThresholds(db, request.params.id));
  });

  app.put<{ Params: { id: string } }>('/api/staff/rounds/:id/thresholds', async (request) => {
    const body = thresholdsBody.parse(request.body);
    const user = await requireStatistician(request, db, now());
    await setRoundThresholds(db, user, request.params.id, body);
    return presentThresholds(await roundThresholds(db, request.params.id));
  });
}
