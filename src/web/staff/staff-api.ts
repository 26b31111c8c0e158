import { call, request } from '../api.ts';

/**
 * Sends text (CSV) or JSON to a staff route; resolves with the JSON answer (undefined for 204), rejects with
 * the problem's detail.
 */
export const sendTo = <T>(method: string, url: string, body: string, contentType: string) =>
  request<T>(method, url, { body, headers: { 'content-type': contentType } });

export type {
  WireFlag as Flag,
  WireMunicipalityRecord as Trail,
  WireRoundRow as RoundRow,
} from '../../wire/staff.ts';
import type {
  WireCheckpointTaken,
  WireCollection,
  WireCollectionControls,
  WireCollectionMailed,
  WireCollectionRow,
  WireRegisterExtract,
  WireResponsibleLinks,
  WireCreatedFormRound,
  WireFormReport,
  WireRates,
  WireShippedForm,
  WireDay,
  WireFlag,
  WireMe,
  WireMunicipalityRecord,
  WireRoundRow,
  WireRoundStatus,
  WireTimeline,
} from '../../wire/staff.ts';

export const staffApi = {
  signIn: (username: string, password: string) =>
    call<undefined>('POST', '/api/staff/session', { username, password }),
  signOut: () => call<undefined>('DELETE', '/api/staff/session'),
  me: () => call<WireMe>('GET', '/api/staff/me'),
  rounds: () => call<WireRoundRow[]>('GET', '/api/staff/rounds'),
  status: (id: string) => call<WireRoundStatus[]>('GET', `/api/staff/rounds/${id}/status`),
  timeline: (id: string) => call<WireTimeline>('GET', `/api/staff/rounds/${id}/timeline`),
  setTimeline: (id: string, timeline: WireTimeline) =>
    call<WireTimeline>('PUT', `/api/staff/rounds/${id}/timeline`, timeline),
  controls: (id: string) => call<WireFlag[]>('GET', `/api/staff/rounds/${id}/controls`),
  tracking: (id: string) => call<WireDay[]>('GET', `/api/staff/rounds/${id}/tracking`),
  outcome: (id: string, body: { municipality: string; flag: string; outcome: string; note: string }) =>
    call<undefined>('PUT', `/api/staff/rounds/${id}/controls/outcome`, body),
  municipality: (id: string, m: string) =>
    call<WireMunicipalityRecord>('GET', `/api/staff/rounds/${id}/municipalities/${m}`),
  contact: (id: string, m: string, c: { channel: string; question: string; answer: string }) =>
    call<undefined>('POST', `/api/staff/rounds/${id}/municipalities/${m}/contacts`, c),
  forms: () => call<WireShippedForm[]>('GET', '/api/staff/forms'),
  openFormRound: (body: object) => call<WireCreatedFormRound>('POST', '/api/staff/form-rounds', body),
  formReport: (id: string) => call<WireFormReport>('GET', `/api/staff/rounds/${id}/form-report`),
  rates: (id: string) => call<WireRates>('GET', `/api/staff/rounds/${id}/rates`),
  formControls: (id: string) => call<FormControls>('GET', `/api/staff/rounds/${id}/form-controls`),
  correct: (id: string, m: string, body: { version: number; reason: string; response: unknown }) =>
    call<{ version: number }>('POST', `/api/staff/rounds/${id}/municipalities/${m}/corrections`, body),
  extracts: () => call<WireRegisterExtract[]>('GET', '/api/staff/register'),
  importRegister: (validOn: string, file: string, text: string) =>
    sendTo<WireRegisterExtract>(
      'POST',
      `/api/staff/register?valid_on=${validOn}&file=${encodeURIComponent(file)}`,
      text,
      'text/csv',
    ),
  collections: () => call<WireCollectionRow[]>('GET', '/api/staff/collections'),
  createCollection: (body: object) => call<WireCollection>('POST', '/api/staff/collections', body),
  collection: (id: string) => call<WireCollection>('GET', `/api/staff/collections/${id}`),
  collectionControls: (id: string) =>
    call<WireCollectionControls>('GET', `/api/staff/collections/${id}/controls`),
  takeCheckpoint: (id: string, kind: 'preliminary' | 'final') =>
    call<WireCheckpointTaken>('POST', `/api/staff/collections/${id}/checkpoints`, { kind }),
  mailCollection: (id: string, language: 'nb' | 'nn') =>
    call<WireCollectionMailed>('POST', `/api/staff/collections/${id}/mail`, { language }),
  responsibleLinks: (id: string) =>
    call<WireResponsibleLinks>('POST', `/api/staff/collections/${id}/links`, {}),
};

/** A form round against last year: the numbers that moved most, and what could not be compared. */
export interface FormControls {
  compared: number;
  without_last_year: string[];
  deviations: {
    unit: string;
    path: string;
    label: string;
    now: number;
    before: number;
    change: number;
    percent: number | null;
  }[];
}
