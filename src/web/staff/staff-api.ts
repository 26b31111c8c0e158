import { call, request } from '../api.ts';

/**
 * Sends text (CSV) or JSON to a staff route; resolves with the JSON answer (undefined for 204), rejects with
 * the problem's detail.
 */
export const sendTo = <T>(method: string, url: string, body: string, contentType: string) =>
  request<T>(method, url, { body, headers: { 'content-type': contentType } });

export interface RoundRow {
  id: string;
  reference_year: number;
  deadline: string | null;
  extended_deadline: string | null;
  invited: number;
  responded: number;
}
export interface Flag {
  municipality: string;
  kind: string;
  table: string;
  row?: string;
  measure: string;
  reported: number;
  reference: number;
  deviation: number;
  key: string;
  outcome: string;
}
export interface Trail {
  trail: {
    version: number;
    status: string;
    saved_by: string;
    saved_at: string;
    reason: string | null;
    changes: { field: string; old: unknown; new: unknown }[];
  }[];
  latest: {
    comments: string;
    tables: Record<
      string,
      {
        methods: string[];
        rows: Record<string, { fewer_than_5: boolean; amounts: Record<string, number | null> }>;
      }
    >;
  } | null;
  contacts: { at: string; statistician: string; channel: string; question: string; answer: string }[];
}

export const staffApi = {
  signIn: (username: string, password: string) =>
    call<undefined>('POST', '/api/staff/session', { username, password }),
  signOut: () => call<undefined>('DELETE', '/api/staff/session'),
  me: () => call<{ username: string; display_name: string; role: string }>('GET', '/api/staff/me'),
  rounds: () => call<RoundRow[]>('GET', '/api/staff/rounds'),
  status: (id: string) =>
    call<{ municipality: string; name: string; status: string; extended_deadline: string | null }[]>(
      'GET',
      `/api/staff/rounds/${id}/status`,
    ),
  timeline: (id: string) => call<Record<string, string>>('GET', `/api/staff/rounds/${id}/timeline`),
  setTimeline: (id: string, timeline: Record<string, string>) =>
    call<Record<string, string>>('PUT', `/api/staff/rounds/${id}/timeline`, timeline),
  controls: (id: string) => call<Flag[]>('GET', `/api/staff/rounds/${id}/controls`),
  tracking: (id: string) =>
    call<
      {
        date: string;
        responded: number;
        percent: number | null;
        deadline: boolean;
        extendedDeadline: boolean;
      }[]
    >('GET', `/api/staff/rounds/${id}/tracking`),
  outcome: (id: string, body: { municipality: string; flag: string; outcome: string; note: string }) =>
    call<undefined>('PUT', `/api/staff/rounds/${id}/controls/outcome`, body),
  municipality: (id: string, m: string) => call<Trail>('GET', `/api/staff/rounds/${id}/municipalities/${m}`),
  contact: (id: string, m: string, c: { channel: string; question: string; answer: string }) =>
    call<undefined>('POST', `/api/staff/rounds/${id}/municipalities/${m}/contacts`, c),
  correct: (id: string, m: string, body: { version: number; reason: string; response: unknown }) =>
    call<{ version: number }>('POST', `/api/staff/rounds/${id}/municipalities/${m}/corrections`, body),
};
