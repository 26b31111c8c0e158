import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { controlAccountsFile } from '../../app/control-accounts.ts';
import { loadChartOfAccounts } from '../../files/accounts-data.ts';
import type { ServerContext } from '../context.ts';
import { problem } from '../problem.ts';

const declared = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  skjema: z.enum(['0A', '0B', '0M', '0N']),
  region: z.string().regex(/^\d{6}$/),
  quarter: z.enum(['1', '2', '3', '4', ' ']).default(' '),
  orgnr: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
});

/** A national year of one municipality is a few MB; SSB takes files up to this. */
export const ACCOUNTS_FILE_LIMIT = 64 * 1024 * 1024;
const ACCOUNTS_CHECKS_AT_ONCE = 4;

/**
 * For municipalities: check an accounting file before sending it (nothing is stored), and the chart of
 * accounts of a year. Open to all: the file never leaves the request.
 */
export function accountsRoutes(app: FastifyInstance, _context: ServerContext): void {
  // The parser takes the server's small body limit; the one route that takes files raises its own.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_r, body, done) => {
    done(null, body);
  });

  // Each check holds its file in memory: a few at a time, and the rest told to come back (503), before
  // their bodies are read.
  let checking = 0;
  const admit = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (checking >= ACCOUNTS_CHECKS_AT_ONCE) {
      reply.header('retry-after', '10');
      throw problem(503, 'busy', 'Too many files are being checked', 'try again in a few seconds');
    }
    checking += 1;
    admitted.add(reply);
  };
  const admitted = new WeakSet<FastifyReply>();
  // onResponse comes also for an aborted request (Fastify calls it when the socket closes).
  const done = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (admitted.delete(reply)) checking -= 1;
  };

  app.post(
    '/api/accounts/check',
    { bodyLimit: ACCOUNTS_FILE_LIMIT, onRequest: admit, onResponse: done },
    async (request) => {
      if (!Buffer.isBuffer(request.body))
        throw problem(415, 'media-type', 'Send the file as application/octet-stream');
      const { orgnr, ...d } = declared.parse(request.query);
      const result = await controlAccountsFile(request.body, { ...d, ...(orgnr ? { orgnr } : {}) });
      return {
        declared: result.report.declared,
        records: result.report.records,
        highest: result.report.highest,
        findings: result.report.findings,
        functions: result.functions.filter((f) => ['254', '257', '258'].includes(f.function)),
      };
    },
  );

  app.get<{ Params: { year: string } }>('/api/chart-of-accounts/:year', async (request) => {
    const year = z.coerce.number().int().parse(request.params.year);
    const chart = await loadChartOfAccounts();
    const codes = chart.codeList(year);
    return {
      year,
      functions: [...codes.functions].sort().map((code) => ({ code, ...chart.data.functions[code] })),
      arts: [...codes.arts].sort(),
      changes: chart.data.changes,
    };
  });
}
