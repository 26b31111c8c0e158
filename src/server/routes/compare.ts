import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { comparableMunicipalities, municipalityComparison } from '../../app/compare.ts';
import type { TableLanguage } from '../../domain/publication/language.ts';
import { comparisonChart } from '../../report/comparison-chart.ts';
import { publicationCache } from '../../store/publications.ts';
import type { ServerContext } from '../context.ts';
import { presentComparison } from '../presenters/compare.ts';
import { problem } from '../problem.ts';

/** The page's languages; the tables are published in Norwegian (bokmål) and English. */
const UI_LANGUAGES = ['nb', 'nn', 'en'] as const;
const tableLanguage = (ui: (typeof UI_LANGUAGES)[number]): TableLanguage => (ui === 'en' ? 'en' : 'no');
const LOCALES = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' } as const;

const listQuery = z.strictObject({ lang: z.enum(UI_LANGUAGES).default('nb') });
const comparisonQuery = z.strictObject({
  lang: z.enum(UI_LANGUAGES).default('nb'),
  Funksjon: z
    .string()
    .regex(/^[A-Z0-9_]{1,20}$/)
    .optional(),
});
const municipalityParams = z.strictObject({ municipality: z.string().regex(/^\d{4}$/) });
const chartParams = z.strictObject({
  municipality: z.string().regex(/^\d{4}$/),
  figure: z.string().regex(/^[A-Z0-9_]{1,30}\.svg$/),
});

/**
 * «Sammenlign», open to all: the municipalities one can compare, a municipality against its KOSTRA group,
 * county, the country and the country without Oslo in the published key figures, and each figure's chart.
 */
export function compareRoutes(app: FastifyInstance, context: ServerContext): void {
  const publications = publicationCache();
  const find = async (id: string) => (await publications.find(context.db, id))?.dataset;

  app.get('/api/compare', async (request) => {
    const { lang } = listQuery.parse(request.query);
    return comparableMunicipalities(find, tableLanguage(lang));
  });

  const compare = (municipality: string, query: z.infer<typeof comparisonQuery>) =>
    municipalityComparison(
      find,
      municipality,
      tableLanguage(query.lang),
      query.Funksjon ? { Funksjon: query.Funksjon } : {},
    );

  app.get('/api/compare/:municipality', async (request) => {
    const { municipality } = municipalityParams.parse(request.params);
    const query = comparisonQuery.parse(request.query);
    return presentComparison(await compare(municipality, query), tableLanguage(query.lang), query.lang);
  });

  app.get('/api/compare/:municipality/:figure', async (request, reply) => {
    const { municipality, figure } = chartParams.parse(request.params);
    const query = comparisonQuery.parse(request.query);
    const { lang } = query;
    const comparison = await compare(municipality, query);
    const code = figure.slice(0, -'.svg'.length);
    const shown = comparison.figures.find((f) => f.code === code);
    if (!shown)
      throw problem(
        404,
        'not-found',
        'Not found',
        `no figure ${code} per inhabitant in ${comparison.table.id}`,
      );
    return reply
      .type('image/svg+xml')
      .header('cache-control', 'public, max-age=300')
      .send(comparisonChart(shown, LOCALES[lang]));
  });
}
