import type { FastifyInstance, FastifyReply } from 'fastify';
import * as z from 'zod';
import { selectCategories, type PublishedDataset } from '../../domain/publication/dataset.ts';
import { toJsonStat } from '../../domain/publication/json-stat.ts';
import { selectValues } from '../../domain/publication/selection.ts';
import { datasetCsv, datasetXlsx } from '../../files/publication-files.ts';
import { publishedChart } from '../../report/published-chart.ts';
import { findPublication, listPublications, type StoredPublication } from '../../store/publications.ts';
import type { ServerContext } from '../context.ts';
import { problem } from '../problem.ts';

const LANGUAGE = 'no';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The table as PxWeb API v2 lists it, with links to itself, its metadata and its data. */
function tableEntry(base: string, stored: StoredPublication) {
  const { dataset } = stored;
  const time = dataset.dimensions.find((d) => d.role === 'time');
  const href = `${base}/api/v2/tables/${dataset.id}`;
  const link = (rel: string, url: string) => ({ rel, hreflang: LANGUAGE, href: url });
  return {
    type: 'Table',
    id: dataset.id,
    label: dataset.label,
    description: dataset.description,
    updated: dataset.updated,
    firstPeriod: time?.categories[0]?.code ?? null,
    lastPeriod: time?.categories.at(-1)?.code ?? null,
    category: 'public',
    discontinued: false,
    source: dataset.source,
    variableNames: dataset.dimensions.map((d) => d.label),
    links: [
      link('self', `${href}?lang=${LANGUAGE}`),
      link('metadata', `${href}/metadata?lang=${LANGUAGE}`),
      link('data', `${href}/data?lang=${LANGUAGE}&outputFormat=json-stat2`),
    ],
  };
}

const listQuery = z.object({
  lang: z.string().optional(),
  query: z.string().optional(),
  pageNumber: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(10_000).default(100),
});

function checkLanguage(lang: string | undefined) {
  if (lang !== undefined && lang !== LANGUAGE && lang !== 'nb')
    throw problem(
      400,
      'unsupported-language',
      'Unsupported language',
      `the tables are published in "${LANGUAGE}"`,
    );
}

/** The categories a selection picks in every dimension; a dimension not named gives all its values. */
function choose(dataset: PublishedDataset, selection: Readonly<Record<string, string>>) {
  for (const variable of Object.keys(selection))
    if (!dataset.dimensions.some((d) => d.id === variable))
      throw problem(
        400,
        'non-existent-variable',
        'Non-existent variable',
        `no variable "${variable}" in ${dataset.id}`,
      );
  return dataset.dimensions.map((d) => {
    const expression = selection[d.id];
    return expression === undefined ? d.categories.map((_, i) => i) : selectValues(d, expression);
  });
}

async function sendData(reply: FastifyReply, dataset: PublishedDataset, format: string) {
  switch (format) {
    case 'json-stat2':
      return reply.type('application/json; charset=utf-8').send(toJsonStat(dataset));
    case 'csv':
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${dataset.id}.csv"`)
        .send(datasetCsv(dataset));
    case 'xlsx':
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${dataset.id}.xlsx"`)
        .send(await datasetXlsx(dataset));
    default:
      throw problem(
        400,
        'unsupported-output-format',
        'Unsupported output format',
        `"${format}": use json-stat2, csv or xlsx`,
      );
  }
}

/**
 * Published tables behind an API compatible with PxWeb API v2: the list, one table, its metadata (JSON-stat
 * 2.0 without values) and its data with PxWeb's selection syntax, as JSON-stat 2.0, CSV or XLSX. Open to all.
 */
export function pxwebRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const base = (request: { protocol: string; host: string }) => `${request.protocol}://${request.host}`;
  const find = async (id: string) => {
    const stored = await findPublication(db, id);
    if (!stored) throw problem(404, 'not-found', 'Not found', `no table with id ${id}`);
    return stored;
  };

  app.get('/api/v2/tables', async (request) => {
    const q = listQuery.parse(request.query);
    checkLanguage(q.lang);
    const words = (q.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const all = (await listPublications(db)).filter(
      (t) =>
        words.length === 0 ||
        words.some((w) =>
          `${t.dataset.id} ${t.dataset.label} ${t.dataset.description}`.toLowerCase().includes(w),
        ),
    );
    const totalPages = Math.max(1, Math.ceil(all.length / q.pageSize));
    return {
      language: LANGUAGE,
      tables: all
        .slice((q.pageNumber - 1) * q.pageSize, q.pageNumber * q.pageSize)
        .map((t) => tableEntry(base(request), t)),
      page: {
        pageNumber: q.pageNumber,
        pageSize: q.pageSize,
        totalElements: all.length,
        totalPages,
        links: [],
      },
      links: [{ rel: 'self', hreflang: LANGUAGE, href: `${base(request)}/api/v2/tables?lang=${LANGUAGE}` }],
    };
  });

  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
    '/api/v2/tables/:id',
    async (request) => {
      checkLanguage(request.query.lang);
      return { language: LANGUAGE, ...tableEntry(base(request), await find(request.params.id)) };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { lang?: string; outputFormat?: string } }>(
    '/api/v2/tables/:id/metadata',
    async (request, reply) => {
      checkLanguage(request.query.lang);
      const format = request.query.outputFormat ?? 'json-stat2';
      if (format !== 'json-stat2')
        throw problem(
          400,
          'unsupported-output-format',
          'Unsupported output format',
          `"${format}": use json-stat2`,
        );
      const { dataset } = await find(request.params.id);
      return reply.type('application/json; charset=utf-8').send(toJsonStat(dataset, false));
    },
  );

  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    '/api/v2/tables/:id/data',
    async (request, reply) => {
      const query = request.query;
      checkLanguage(query['lang']);
      const selection: Record<string, string> = {};
      for (const [key, value] of Object.entries(query)) {
        const variable = /^valueCodes\[(.+)\]$/i.exec(key)?.[1];
        if (variable) selection[variable] = Array.isArray(value) ? value.join(',') : value;
      }
      const { dataset } = await find(request.params.id);
      return sendData(
        reply,
        selectCategories(dataset, choose(dataset, selection)),
        query['outputFormat'] ?? query['outputformat'] ?? 'json-stat2',
      );
    },
  );

  // Not PxWeb: the chart the table page shows, as SVG.
  app.get<{ Params: { id: string }; Querystring: { measure?: string } }>(
    '/api/published/:id/chart.svg',
    async (request, reply) => {
      const { dataset } = await find(request.params.id);
      const measure = request.query.measure ?? 'AGD10';
      if (
        !dataset.dimensions.some((d) => d.role === 'metric' && d.categories.some((c) => c.code === measure))
      )
        throw problem(
          400,
          'non-existent-value',
          'Non-existent value',
          `no measure "${measure}" in ${dataset.id}`,
        );
      return reply.type('image/svg+xml').send(publishedChart(dataset, measure));
    },
  );

  // PxWeb's POST form of the same: {"selection": [{"variableCode": "Region", "valueCodes": ["0301"]}]}.
  app.post<{ Params: { id: string }; Querystring: Record<string, string> }>(
    '/api/v2/tables/:id/data',
    async (request, reply) => {
      checkLanguage(request.query['lang']);
      const body = z
        .object({
          selection: z
            .array(z.object({ variableCode: z.string(), valueCodes: z.array(z.string()).min(1) }))
            .default([]),
        })
        .parse(request.body ?? {});
      const selection = Object.fromEntries(
        body.selection.map((s) => [s.variableCode, s.valueCodes.join(',')]),
      );
      const { dataset } = await find(request.params.id);
      return sendData(
        reply,
        selectCategories(dataset, choose(dataset, selection)),
        request.query['outputFormat'] ?? 'json-stat2',
      );
    },
  );
}
