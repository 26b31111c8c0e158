import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import packageJson from '../../../package.json' with { type: 'json' };
import { applyCodelist, findCodelist } from '../../domain/publication/codelist.ts';
import type { Codelist, PublishedDataset } from '../../domain/publication/dataset.ts';
import { toJsonStat } from '../../domain/publication/json-stat.ts';
import { inLanguage, TABLE_LANGUAGES, type TableLanguage } from '../../domain/publication/language.ts';
import {
  cellCount,
  defaultSelection,
  runQuery,
  type Placement,
  type TableQuery,
} from '../../domain/publication/query.ts';
import { datasetCsv, datasetXlsx, type TableLayout } from '../../files/publication-files.ts';
import { publishedChart } from '../../report/published-chart.ts';
import { publicationCache } from '../../store/publications.ts';
import { findSavedQuery, saveQuery } from '../../store/saved-queries.ts';
import type { ServerContext } from '../context.ts';
import {
  checkOutputParams,
  codelistParameters,
  DATA_PARAMETERS,
  isSelectionParameter,
  languageParameter,
  onlyParameters,
  OUTPUT_FORMATS,
  outputChoice,
  selectionFromQuery,
  type OutputChoice,
} from '../pxweb/parameters.ts';
import {
  codelistResponse,
  configResponse,
  link,
  MAX_DATA_CELLS,
  selectionResponse,
  tableEntry,
} from '../pxweb/presenters.ts';
import { DEFAULT_RATE_LIMIT, rateLimiter, type RateLimit } from '../pxweb/rate-limit.ts';
import { problem } from '../problem.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Query = Record<string, string | string[] | undefined>;

/** The language asked for: Norwegian by default (`no`, or `nb`), English where the table has labels. */
function languageOf(query: Query): TableLanguage {
  const lang = languageParameter(query);
  if (lang === undefined || lang === 'no' || lang === 'nb') return 'no';
  if (lang === 'en') return 'en';
  throw problem(
    400,
    'unsupported-language',
    'Unsupported language',
    `"${lang}": the tables are published in ${TABLE_LANGUAGES.map((l) => l.id).join(', ')}`,
  );
}

const variableSelection = z
  .object({
    variableCode: z.string().min(1),
    codelist: z.string().min(1).nullish(),
    outputValues: z.enum(['aggregated', 'single']).nullish(),
    valueCodes: z.array(z.string()).min(1).max(10_000),
  })
  .strict();

const variablesSelection = z
  .object({
    selection: z.array(variableSelection).max(100).default([]),
    placement: z
      .object({
        heading: z.array(z.string()).max(100).optional(),
        stub: z.array(z.string()).max(100).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const savedQueryBody = z
  .object({
    id: z.string().optional(),
    tableId: z.string().min(1),
    language: z.string(),
    selection: variablesSelection,
    outputFormat: z.enum(OUTPUT_FORMATS).optional(),
    outputFormatParams: z.array(z.string()).max(10).optional(),
  })
  .strict();

/** A POST body's or saved query's selection in the domain's terms. */
function tableQuery(body: z.infer<typeof variablesSelection>): TableQuery {
  return {
    selection: body.selection.map((s) => ({
      variableCode: s.variableCode,
      valueCodes: s.valueCodes,
      ...(s.codelist ? { codelist: s.codelist } : {}),
      ...(s.outputValues ? { outputValues: s.outputValues } : {}),
    })),
    ...(body.placement ? { placement: body.placement } : {}),
  };
}

const booleanParameter = (name: string, value: string | string[] | undefined) => {
  if (value === undefined) return false;
  if (value === 'true' || value === 'false') return value === 'true';
  throw problem(
    400,
    'invalid-parameter',
    'Invalid parameter',
    `${name} is "${String(value)}": use true or false`,
  );
};

/**
 * Published tables behind PxWeb API v2 (PxTools/PxApiSpecs): configuration, the list of tables, one table,
 * its metadata and default selection (JSON-stat 2.0), its data by selection (GET parameters or a POST body)
 * with aggregation codelists, placement and output formats, codelists and saved queries. Open to all;
 * calls are counted per client as the configuration says, and a parameter not taken is refused by name.
 */
export function pxwebRoutes(
  app: FastifyInstance,
  context: ServerContext,
  rateLimit: RateLimit = DEFAULT_RATE_LIMIT,
): void {
  const { db } = context;
  const publications = publicationCache();
  const limiter = rateLimiter(rateLimit, () => context.now().getTime());
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.url.startsWith('/api/v2/') && !limiter.allow(request.ip))
      done(
        problem(
          429,
          'too-many-requests',
          'Too many requests',
          `at most ${rateLimit.calls} calls in ${rateLimit.windowSeconds} seconds`,
        ),
      );
    else done();
  });

  // Links from PUBLIC_URL where it is set: the Host header is the client's to choose.
  const base = (request: FastifyRequest) =>
    context.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
  const find = async (id: string) => {
    const stored = await publications.find(db, id);
    if (!stored) throw problem(404, 'not-found', 'Not found', `no table with id ${id}`);
    return stored.dataset;
  };
  const codelistHref = (request: FastifyRequest, language: TableLanguage) => (id: string) =>
    `${base(request)}/api/v2/codelists/${id}?lang=${language}`;

  async function sendData(
    request: FastifyRequest,
    reply: FastifyReply,
    table: PublishedDataset,
    query: TableQuery,
    output: OutputChoice,
    language: TableLanguage,
  ) {
    const { dataset, placement } = runQuery(inLanguage(table, language), query);
    if (cellCount(dataset) > MAX_DATA_CELLS)
      throw problem(
        403,
        'too-many-cells',
        'Too many cells',
        `the selection gives ${cellCount(dataset)} cells; at most ${MAX_DATA_CELLS} in one call`,
      );
    const layout: TableLayout = {
      headingCount: placement.heading.length,
      labels: output.params.includes('UseCodes')
        ? 'codes'
        : output.params.includes('UseCodesAndTexts')
          ? 'codesAndTexts'
          : 'texts',
      title: output.params.includes('IncludeTitle'),
      separator: output.params.includes('SeparatorSemicolon')
        ? ';'
        : output.params.includes('SeparatorTab')
          ? '\t'
          : output.params.includes('SeparatorSpace')
            ? ' '
            : ',',
      language,
    };
    switch (output.format) {
      case 'json-stat2':
        return reply.type('application/json; charset=utf-8').send(
          toJsonStat(dataset, {
            withValues: true,
            language,
            placement,
            codelistHref: codelistHref(request, language),
          }),
        );
      case 'csv':
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${dataset.id}.csv"`)
          .send(datasetCsv(dataset, layout));
      case 'xlsx':
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${dataset.id}.xlsx"`)
          .send(await datasetXlsx(dataset, layout));
    }
  }

  const loadSavedQuery = async (id: string) => {
    const saved = await findSavedQuery(db, id);
    if (!saved) throw problem(404, 'not-found', 'Not found', `no saved query with id ${id}`);
    return { ...saved, body: savedQueryBody.parse(saved.query) };
  };

  app.get('/api/v2/config', (request) => {
    onlyParameters(request.query as Query, []);
    return configResponse(packageJson.version, rateLimit);
  });

  app.get('/api/v2/tables', async (request) => {
    const query = request.query as Query;
    onlyParameters(query, ['lang', 'query', 'pastDays', 'includeDiscontinued', 'pageNumber', 'pageSize']);
    const language = languageOf(query);
    const q = z
      .object({
        query: z.string().optional(),
        pastDays: z.coerce.number().int().min(1).optional(),
        pageNumber: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(10_000).default(100),
      })
      .parse({
        query: query['query'],
        pastDays: query['pastDays'],
        pageNumber: query['pageNumber'],
        pageSize: query['pageSize'],
      });
    booleanParameter('includeDiscontinued', query['includeDiscontinued']); // no table is discontinued
    const words = (q.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const since = q.pastDays === undefined ? undefined : context.now().getTime() - q.pastDays * 86_400_000;
    const all = (await publications.list(db))
      .map((t) => inLanguage(t.dataset, language))
      .filter(
        (t) =>
          (since === undefined || new Date(t.updated).getTime() >= since) &&
          (words.length === 0 ||
            words.some((w) => `${t.id} ${t.label} ${t.description}`.toLowerCase().includes(w))),
      );
    const totalPages = Math.max(1, Math.ceil(all.length / q.pageSize));
    const self = `${base(request)}/api/v2/tables?lang=${language}`;
    return {
      language,
      tables: all
        .slice((q.pageNumber - 1) * q.pageSize, q.pageNumber * q.pageSize)
        .map((t) => tableEntry(base(request), t, language)),
      page: {
        pageNumber: q.pageNumber,
        pageSize: q.pageSize,
        totalElements: all.length,
        totalPages,
        links: [
          ...(q.pageNumber > 1
            ? [link('previous', language, `${self}&pageNumber=${q.pageNumber - 1}&pageSize=${q.pageSize}`)]
            : []),
          ...(q.pageNumber < totalPages
            ? [link('next', language, `${self}&pageNumber=${q.pageNumber + 1}&pageSize=${q.pageSize}`)]
            : []),
        ],
      },
      links: [link('self', language, self)],
    };
  });

  app.get<{ Params: { id: string } }>('/api/v2/tables/:id', async (request) => {
    const query = request.query as Query;
    onlyParameters(query, ['lang']);
    const language = languageOf(query);
    const dataset = inLanguage(await find(request.params.id), language);
    return { language, ...tableEntry(base(request), dataset, language) };
  });

  app.get<{ Params: { id: string } }>('/api/v2/tables/:id/metadata', async (request, reply) => {
    const query = request.query as Query;
    onlyParameters(Object.fromEntries(Object.entries(query).filter(([k]) => !/^codelist\[/i.test(k))), [
      'lang',
      'outputFormat',
      'defaultSelection',
      'savedQuery',
    ]);
    const language = languageOf(query);
    const format = query['outputFormat'] ?? 'json-stat2';
    if (format !== 'json-stat2')
      throw problem(
        400,
        'unsupported-output-format',
        'Unsupported output format',
        `"${String(format)}": use json-stat2`,
      );
    let table = await find(request.params.id);
    let placement: Placement | undefined;
    const savedQuery = query['savedQuery'];
    if (typeof savedQuery === 'string') {
      const saved = await loadSavedQuery(savedQuery);
      ({ dataset: table, placement } = runQuery(table, tableQuery(saved.body.selection)));
    } else if (booleanParameter('defaultSelection', query['defaultSelection']))
      ({ dataset: table, placement } = runQuery(table, { selection: [] }));
    for (const [variable, id] of codelistParameters(query))
      table = applyCodelist(table, variable, findCodelist(table, variable, id), undefined, 'aggregated');
    const dataset = inLanguage(table, language);
    return reply.type('application/json; charset=utf-8').send(
      toJsonStat(dataset, {
        withValues: false,
        language,
        placement: placement ?? defaultSelection(dataset).placement,
        codelistHref: codelistHref(request, language),
      }),
    );
  });

  app.get<{ Params: { id: string } }>('/api/v2/tables/:id/defaultselection', async (request) => {
    const query = request.query as Query;
    onlyParameters(query, ['lang']);
    const language = languageOf(query);
    const dataset = await find(request.params.id);
    return selectionResponse(
      defaultSelection(dataset),
      language,
      `${base(request)}/api/v2/tables/${dataset.id}/defaultselection?lang=${language}`,
    );
  });

  app.get<{ Params: { id: string } }>('/api/v2/tables/:id/data', async (request, reply) => {
    const query = request.query as Query;
    onlyParameters(
      Object.fromEntries(Object.entries(query).filter(([k]) => !isSelectionParameter(k))),
      DATA_PARAMETERS,
    );
    const language = languageOf(query);
    const table = await find(request.params.id);
    return sendData(request, reply, table, selectionFromQuery(query), outputChoice(query), language);
  });

  // PxWeb's POST form of the same: {"selection": [{"variableCode": "Region", "valueCodes": ["0301"]}]}.
  app.post<{ Params: { id: string } }>('/api/v2/tables/:id/data', async (request, reply) => {
    const query = request.query as Query;
    onlyParameters(query, ['lang', 'outputFormat', 'outputFormatParams']);
    const language = languageOf(query);
    const body = variablesSelection.parse(request.body ?? {});
    const table = await find(request.params.id);
    return sendData(request, reply, table, tableQuery(body), outputChoice(query), language);
  });

  app.get<{ Params: { id: string } }>('/api/v2/codelists/:id', async (request) => {
    const query = request.query as Query;
    onlyParameters(query, ['lang']);
    const language = languageOf(query);
    const id = request.params.id;
    let found: Codelist | undefined;
    for (const t of await publications.list(db)) {
      const dataset = inLanguage(t.dataset, language);
      found = dataset.dimensions.flatMap((d) => d.codelists ?? []).find((c) => c.id === id);
      if (found) break;
    }
    if (!found) throw problem(404, 'not-found', 'Not found', `no codelist with id ${id}`);
    return codelistResponse(base(request), found, language);
  });

  app.post('/api/v2/savedqueries', async (request, reply) => {
    onlyParameters(request.query as Query, []);
    const body = savedQueryBody.parse(request.body ?? {});
    const table = await find(body.tableId).catch(() => {
      throw problem(400, 'non-existent-table', 'Non-existent table', `no table with id ${body.tableId}`);
    });
    const language = languageOf({ lang: body.language });
    checkOutputParams(body.outputFormat ?? 'json-stat2', body.outputFormatParams ?? []);
    runQuery(table, tableQuery(body.selection)); // refused now, not when run
    const { id: _ignored, ...rest } = body;
    const saved = await saveQuery(db, table.id, rest);
    const href = `${base(request)}/api/v2/savedqueries/${saved.id}`;
    return reply.status(201).send({
      language,
      id: saved.id,
      savedQuery: { id: saved.id, ...rest },
      links: [link('self', language, href), link('data', language, `${href}/data`)],
    });
  });

  app.get<{ Params: { id: string } }>('/api/v2/savedqueries/:id', async (request) => {
    onlyParameters(request.query as Query, []);
    const saved = await loadSavedQuery(request.params.id);
    const language = languageOf({ lang: saved.body.language });
    const href = `${base(request)}/api/v2/savedqueries/${saved.id}`;
    return {
      language,
      id: saved.id,
      savedQuery: { ...saved.body, id: saved.id },
      links: [link('self', language, href), link('data', language, `${href}/data`)],
    };
  });

  app.get<{ Params: { id: string } }>('/api/v2/savedqueries/:id/data', async (request, reply) => {
    const query = request.query as Query;
    onlyParameters(query, ['lang', 'outputFormat', 'outputFormatParams']);
    const saved = await loadSavedQuery(request.params.id);
    const language = languageOf({ lang: query['lang'] ?? saved.body.language });
    const table = await find(saved.tableId);
    const output =
      query['outputFormat'] === undefined && query['outputFormatParams'] === undefined
        ? outputChoice({
            outputFormat: saved.body.outputFormat,
            outputFormatParams: saved.body.outputFormatParams,
          })
        : outputChoice(query);
    return sendData(request, reply, table, tableQuery(saved.body.selection), output, language);
  });

  app.get<{ Params: { id: string } }>('/api/v2/savedqueries/:id/selection', async (request) => {
    const query = request.query as Query;
    onlyParameters(query, ['lang']);
    const saved = await loadSavedQuery(request.params.id);
    const language = languageOf({ lang: query['lang'] ?? saved.body.language });
    const table = await find(saved.tableId);
    const asked = tableQuery(saved.body.selection);
    const { dataset, placement } = runQuery(table, asked);
    // Expressions (top(1), KG_*) come back as the codes they picked.
    return selectionResponse(
      {
        selection: dataset.dimensions.map((d) => {
          const codelist = asked.selection.find((s) => s.variableCode === d.id)?.codelist;
          return {
            variableCode: d.id,
            ...(codelist ? { codelist } : {}),
            valueCodes: d.categories.map((c) => c.code),
          };
        }),
        placement,
      },
      language,
      `${base(request)}/api/v2/savedqueries/${saved.id}/selection?lang=${language}`,
    );
  });

  // Not PxWeb: the chart the table page shows, as SVG.
  app.get<{ Params: { id: string }; Querystring: { measure?: string } }>(
    '/api/published/:id/chart.svg',
    async (request, reply) => {
      const dataset = await find(request.params.id);
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
}
