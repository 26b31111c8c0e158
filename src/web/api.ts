import type { Answers } from '../domain/forms/answers.ts';
import type { WireFormRound, WireFormSaved } from '../wire/form-answers.ts';
import type { FormView, SaveResult, WireContent } from './form/model.ts';

/** A problem+json answer of the server, kept whole so that the UI can show its detail and errors. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: { title?: string; detail?: string; errors?: unknown[] },
    /** The server's Retry-After in seconds (a busy or restarting server, a throttled sign-in). */
    readonly retryAfterSeconds?: number,
  ) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
  }
}

/**
 * One request to the product's API: resolves with the JSON answer (undefined for 204), rejects with an
 * ApiProblem holding the problem+json body (empty when the answer is not JSON).
 */
export async function request<T>(
  method: string,
  url: string,
  init: { body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<T> {
  // Problems come back in the language the page is in (every page keeps <html lang> to its language).
  const language = typeof document === 'undefined' ? 'nb' : document.documentElement.lang || 'nb';
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    ...init,
    headers: { 'accept-language': language, ...init.headers },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as ConstructorParameters<typeof ApiProblem>[1];
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    throw new ApiProblem(response.status, problem, Number.isFinite(retryAfter) ? retryAfter : undefined);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A request with a JSON body, if any. */
export function call<T>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  return body === undefined
    ? request<T>(method, url, { headers })
    : request<T>(method, url, {
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...headers },
      });
}

export const api = {
  signIn: (token: string) => call<undefined>('POST', '/api/session', { token }),
  signOut: () => call<undefined>('DELETE', '/api/session'),
  form: () => call<FormView | WireFormRound>('GET', '/api/respondent/form'),
  /** A form round's draft: the answers by path (wire/form-answers.ts). */
  saveAnswers: (version: number, answers: Answers, lang: string) =>
    call<WireFormSaved>(
      'PUT',
      `/api/respondent/form?lang=${lang}`,
      { answers },
      { 'if-match': `"${version}"` },
    ),
  save: (version: number, content: WireContent, lang: string) =>
    call<SaveResult>('PUT', `/api/respondent/form?lang=${lang}`, content, { 'if-match': `"${version}"` }),
  uploadWorkbook: (version: number, file: File, lang: string) =>
    request<SaveResult>('PUT', `/api/respondent/form.xlsx?lang=${lang}`, {
      body: file,
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'if-match': `"${version}"`,
      },
    }),
  submit: (
    details: { contact: { name: string; email: string; phone?: string }; minutes_spent?: number },
    lang: string,
  ) =>
    call<{ version: number; submitted_at: string }>(
      'POST',
      `/api/respondent/form/submit?lang=${lang}`,
      details,
    ),
};
