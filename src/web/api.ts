import type { FormView, SaveResult, WireContent } from './form/model.ts';

/** A problem+json answer of the server, kept whole so that the UI can show its detail and errors. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: { title?: string; detail?: string; errors?: unknown[] },
  ) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
  }
}

async function call<T>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as ConstructorParameters<typeof ApiProblem>[1];
    throw new ApiProblem(response.status, problem);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const api = {
  signIn: (token: string) => call<undefined>('POST', '/api/session', { token }),
  signOut: () => call<undefined>('DELETE', '/api/session'),
  form: () => call<FormView>('GET', '/api/respondent/form'),
  save: (version: number, content: WireContent, lang: string) =>
    call<SaveResult>('PUT', `/api/respondent/form?lang=${lang}`, content, { 'if-match': `"${version}"` }),
  uploadWorkbook: async (version: number, file: File, lang: string): Promise<SaveResult> => {
    const response = await fetch(`/api/respondent/form.xlsx?lang=${lang}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'if-match': `"${version}"`,
      },
      body: file,
    });
    const body: unknown = await response.json();
    if (!response.ok)
      throw new ApiProblem(response.status, body as ConstructorParameters<typeof ApiProblem>[1]);
    return body as SaveResult;
  },
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
