import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { problem } from './problem.ts';

/** Seconds a refused client is asked to wait before it tries again (autosave retries by itself). */
export const RETRY_AFTER_SECONDS = 2;

/** The mean delay of the event loop over a sample above which the server sheds load. */
export const MAX_EVENT_LOOP_DELAY_MS = 1000;

/**
 * Backpressure: when work waited on the event loop for more than a second on average over the last
 * second, the server answers 503 with Retry-After at once, until a sample finds it recovered, instead of
 * letting every request's latency grow without bound. Utilization alone is no sign of trouble (a busy
 * server near 100 % may still answer in milliseconds), so it is not a criterion. The database side is
 * bounded by the pools' wait limit (store/pglite-pool.ts, store/database.ts), answered the same way.
 */
export async function installBackpressure(app: FastifyInstance): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: MAX_EVENT_LOOP_DELAY_MS,
    sampleInterval: 1000,
    pressureHandler: (_request, reply, type) => {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      // Rejected, so that the refusal goes through the error handler as every problem does (and is logged).
      return Promise.reject(
        problem(503, 'overloaded', 'The service is overloaded', `too busy (${type}); try again shortly`),
      );
    },
  });
}
