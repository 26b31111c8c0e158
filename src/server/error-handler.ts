import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import {
  DomainError,
  FormClosedError,
  NotFoundError,
  StaleVersionError,
  SubmissionBlockedError,
  TooManyAttemptsError,
} from '../domain/errors.ts';
import { isDatabaseUnavailable } from '../store/database.ts';
import { presentFinding } from './presenters/form.ts';
import { presentFormFinding } from './presenters/form-answers.ts';
import { HttpProblem, problem, sendProblem, type Problem } from './problem.ts';
import {
  malformedDetail,
  PROBLEM_DETAILS,
  PROBLEM_TITLES,
  problemLanguage,
  type ProblemLanguage,
} from './problem-texts.ts';

/** Every error leaves the server as application/problem+json; nothing internal leaks into it. */
export function installErrorHandler(app: FastifyInstance, serveWebApp: boolean): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      // A database restart takes seconds; the form's autosave tries again by itself.
      reply.header('retry-after', '5');
      const language = problemLanguage(request.headers['accept-language']);
      return sendProblem(
        reply.header('content-language', language),
        inLanguage(
          problem(503, 'unavailable', 'The service is briefly unavailable', 'try again in a few seconds')
            .problem,
          language,
        ),
      );
    }
    if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
    const language = problemLanguage(request.headers['accept-language']);
    const p = toProblem(error, language);
    if (p.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply.header('content-language', language), inLanguage(p, language));
  });
  app.setNotFoundHandler((request, reply) => {
    // A page of the web app that the browser asks for by its path: the app itself finds its way.
    if (serveWebApp && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    const language = problemLanguage(request.headers['accept-language']);
    return sendProblem(
      reply.header('content-language', language),
      inLanguage(
        problem(404, 'not-found', 'Not found', `${request.method} ${request.url}`).problem,
        language,
      ),
    );
  });
}

/**
 * A problem told in the user's language (Accept-Language): its title from the product's list, its detail
 * where the server says it in words of its own. Programs that ask for none get English.
 */
function inLanguage(p: Problem, language: ProblemLanguage): Problem {
  if (language === 'en') return p;
  const detail = p.detail === undefined ? undefined : (PROBLEM_DETAILS[p.detail]?.[language] ?? p.detail);
  return {
    ...p,
    title: PROBLEM_TITLES[p.title]?.[language] ?? p.title,
    ...(detail === undefined ? {} : { detail }),
  };
}

function toProblem(error: FastifyError | Error, language: ProblemLanguage) {
  if (error instanceof HttpProblem) return error.problem;
  if (error instanceof ZodError) {
    const errors = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = errors[0];
    return problem(
      400,
      'malformed',
      'The request is malformed',
      first && malformedDetail(first.path || 'body', first.message, language),
      errors,
    ).problem;
  }
  if (error instanceof SubmissionBlockedError)
    return problem(
      422,
      'submission-blocked',
      'The form has errors',
      error.in(language),
      error.errors.map((f) => ('path' in f ? presentFormFinding(f) : presentFinding(f))),
    ).problem;
  if (error instanceof StaleVersionError)
    return problem(412, 'stale-version', 'The form has changed', error.in(language)).problem;
  if (error instanceof FormClosedError)
    return problem(409, 'form-closed', 'The form is closed', error.in(language)).problem;
  if (error instanceof TooManyAttemptsError)
    return problem(429, 'too-many-attempts', 'Too many failed sign-ins', error.in(language)).problem;
  if (error instanceof NotFoundError)
    return problem(404, 'not-found', 'Not found', error.in(language)).problem;
  if (error instanceof DomainError)
    return problem(400, 'invalid', 'The request cannot be carried out', error.in(language)).problem;
  const code = (error as FastifyError).code;
  const status = (error as FastifyError).statusCode;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return problem(413, 'too-large', 'The request body is too large').problem;
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return problem(415, 'media-type', 'Send the body as application/json').problem;
  if (status !== undefined && status >= 400 && status < 500)
    return problem(status, 'malformed', 'The request is malformed', error.message).problem;
  return problem(500, 'internal', 'Something went wrong on our side').problem;
}
