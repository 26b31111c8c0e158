import type { FastifyReply } from 'fastify';

/** An RFC 9457 problem: what went wrong, for a person and for a program. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  /** Field-level faults, e.g. validation findings or the path of a malformed field. */
  readonly errors?: readonly unknown[];
  /** The id the server's log has this request under, for a user to quote to support. */
  readonly request_id?: string;
}

/** An error a route raises to answer with a problem. */
export class HttpProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export const problem = (
  status: number,
  slug: string,
  title: string,
  detail?: string,
  errors?: readonly unknown[],
) => new HttpProblem({ type: `https://kostra.ssb.no/problems/${slug}`, title, status, detail, errors });

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply
    .status(p.status)
    .header('cache-control', 'no-store')
    .type('application/problem+json')
    .send({ ...p, request_id: reply.request.id });
}
