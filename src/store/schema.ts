import type { ColumnType, Generated } from 'kysely';

/** Why a unit of a round of establishments is not answered for: not the responsible's, no agreement, closed. */
export type Disowning = 'not_ours' | 'no_agreement' | 'closed';

/** The tables of the product's database, as Kysely sees them. Migrations are the source of truth. */
export interface Database {
  survey_definition: {
    id: string;
    version: number;
    definition: unknown;
    /** md5 of the definition as the database holds it (jsonb's text): a stored version is never changed. */
    content_hash: string;
    loaded_at: Generated<Date>;
  };
  form_definition: {
    id: string;
    version: number;
    definition: unknown;
    content_hash: string;
    loaded_at: Generated<Date>;
  };
  survey_round: {
    id: string;
    /** A round collects a survey definition (the f254 pilot) or a form of the forms engine, one or the other. */
    definition_id: string | null;
    /** The version of the definition the round was collected with, for ever. */
    definition_version: number | null;
    form_id: ColumnType<string | null, string | null | undefined, string | null>;
    form_version: ColumnType<number | null, number | null | undefined, number | null>;
    /** The årgang the form is resolved for. */
    form_year: ColumnType<number | null, number | null | undefined, number | null>;
    reference_year: number;
    unit: string;
    created_at: Generated<Date>;
    deadline: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
    closed_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
    timeline: ColumnType<unknown, string | null | undefined, string | null>;
    sample_design: ColumnType<unknown, string | null | undefined, string | null>;
    reminder_schedule: ColumnType<unknown, string | null | undefined, string | null>;
    extended_deadline: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
    functions: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
    /** The register extract a round of establishments drew its units from. */
    register_extract_id: ColumnType<number | null, number | null | undefined, number | null>;
    collection_id: ColumnType<string | null, string | null | undefined, string | null>;
  };
  reminder_run: {
    round_id: string;
    key: string;
    at: Generated<Date>;
    sent: number;
    failed: number;
  };
  invitation: {
    round_id: string;
    municipality: string;
    name: string;
    // The pilot's own columns: units of other forms take their defaults.
    size_group: ColumnType<string, string | undefined, string>;
    asss: ColumnType<boolean, boolean | undefined, boolean>;
    criteria: ColumnType<string[], string[] | undefined, string[]>;
    attended_meeting: ColumnType<boolean, boolean | undefined, boolean>;
    meeting_participants: ColumnType<number, number | undefined, number>;
    population_approx: ColumnType<number | null, number | null | undefined, number | null>;
    unit_kind: Generated<'municipality' | 'oslo_district' | 'establishment' | 'enterprise'>;
    extended_deadline: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
    contact_email: ColumnType<string | null, string | null | undefined, string | null>;
    /** The written language to use with the unit (its språkvedtak): bokmål where null. */
    language: ColumnType<'nb' | 'nn' | null, 'nb' | 'nn' | null | undefined, 'nb' | 'nn' | null>;
    /** Who answers for the unit: a municipality (4 digits) or an enterprise; null when the unit answers itself. */
    responsible: ColumnType<string | null, string | null | undefined, string | null>;
    disowned: ColumnType<Disowning | null, Disowning | null | undefined, Disowning | null>;
    disowned_reason: ColumnType<string | null, string | null | undefined, string | null>;
    disowned_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  };
  register_extract: {
    id: Generated<number>;
    valid_on: ColumnType<string, string, string>;
    file_name: string;
    synthetic: boolean;
    units: number;
    loaded_by: string;
    loaded_at: Generated<Date>;
  };
  register_unit: {
    extract_id: number;
    org_number: string;
    name: string;
    parent: string | null;
    street: string;
    postcode: string;
    place: string;
    municipality: string;
    serves: string;
    industry_sn2007: string | null;
    industry_sn2025: string | null;
    status: 'active' | 'closed';
    ownership: 'municipal' | 'private_commercial' | 'non_profit';
    started_on: ColumnType<string | null, string | null, string | null>;
    closed_on: ColumnType<string | null, string | null, string | null>;
  };
  collection: {
    id: string;
    year: number;
    name: string;
    created_at: Generated<Date>;
  };
  responsible_token: {
    token_hash: string;
    collection_id: string | null;
    round_id: string | null;
    responsible: string;
    name: string;
    created_at: Generated<Date>;
    revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  };
  responsible_session: {
    id_hash: string;
    token_hash: string;
    created_at: Generated<Date>;
    expires_at: Date;
    ended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  };
  collection_checkpoint: {
    collection_id: string;
    kind: 'preliminary' | 'final';
    taken_on: ColumnType<string, string, string>;
    taken_at: Generated<Date>;
    taken_by: string;
  };
  checkpoint_response: {
    collection_id: string;
    kind: 'preliminary' | 'final';
    round_id: string;
    municipality: string;
    version: number;
    submitted_at: Date;
  };
  mail_template: {
    round_id: string;
    kind: 'invitation' | 'reminder';
    language: 'nb' | 'nn';
    subject: string;
    body: string;
  };
  outbox: {
    id: Generated<number>;
    round_id: string;
    municipality: string;
    kind: string;
    to_address: string;
    subject: string;
    body: string;
    status: 'sent' | 'failed' | 'bounced';
    error: string | null;
    message_id: string | null;
    sent_by: string;
    created_at: Generated<Date>;
  };
  prefilled_total: {
    round_id: string;
    municipality: string;
    measure: string;
    amount: number | null;
  };
  response: {
    round_id: string;
    municipality: string;
    version: number;
    status: 'draft' | 'submitted';
    submitted_at: ColumnType<Date | null, string | Date | null, string | Date | null>;
    comments: string;
    tables: unknown;
    created_at: Generated<Date>;
    submitted_by: unknown;
    minutes_spent: number | null;
    /** Who saved the version: 'import', 'respondent' or 'statistician:<username>'. */
    saved_by: Generated<string>;
    /** Why a statistician corrected the response. */
    reason: string | null;
    /** A form round's answers, by the engine's paths (null in a survey round, whose content is `tables`). */
    answers: ColumnType<unknown, string | null | undefined, string | null>;
  };
  contact_log: {
    id: Generated<number>;
    round_id: string;
    municipality: string;
    at: Generated<Date>;
    statistician: string;
    channel: 'phone' | 'email' | 'meeting' | 'other';
    question: string;
    answer: string;
  };
  control_threshold: {
    round_id: string;
    relative: number;
    absolute: number;
    set_by: string;
    set_at: Generated<Date>;
  };
  control_outcome: {
    round_id: string;
    municipality: string;
    flag: string;
    outcome: 'confirmed' | 'corrected' | 'pending';
    note: string;
    statistician: string;
    at: Generated<Date>;
  };
  statistician: {
    id: Generated<number>;
    username: string;
    display_name: string;
    password_hash: string;
    role: 'statistician' | 'admin';
    created_at: Generated<Date>;
    disabled_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
  };
  statistician_session: {
    id_hash: string;
    statistician_id: number;
    created_at: Generated<Date>;
    expires_at: ColumnType<Date, string | Date, string | Date>;
    ended_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
  };
  account_figure: {
    year: number;
    municipality: string;
    function: string;
    measure: string;
    value: ColumnType<string, number, number>;
    file: string;
    ingested_at: Generated<Date>;
    ingested_by: string;
  };
  published_table: {
    id: string;
    round_id: string;
    dataset: unknown;
    audit: unknown;
    published_at: Generated<Date>;
    published_by: string;
    revision: Generated<number>;
  };
  published_period: {
    table_id: string;
    period: string;
    stage: 'preliminary' | 'final';
    round_id: string;
    dataset: unknown;
    audit: unknown;
    revision: Generated<number>;
    revision_note: string | null;
    published_at: Date;
    published_by: string;
  };
  published_revision: {
    table_id: string;
    period: string;
    stage: string;
    revision: number;
    round_id: string;
    dataset: unknown;
    audit: unknown;
    published_at: Date;
    published_by: string;
    replaced_at: Date;
    replaced_by: string;
    note: string | null;
  };
  saved_query: {
    id: string;
    table_id: string;
    query: unknown;
    created_at: Generated<Date>;
  };
  sign_in_failure: {
    kind: 'account' | 'address';
    key: string;
    failures: number;
    last_failure_at: Date;
    locked_until: Date | null;
  };
  audit_log: {
    id: Generated<string>;
    at: Generated<Date>;
    actor: string;
    action: string;
    subject: string | null;
    detail: unknown;
  };
  server_setting: {
    key: string;
    value: string;
  };
  respondent_token: {
    /** SHA-256 of the token, base64url: the token itself is only in the link. */
    token_hash: string;
    round_id: string;
    municipality: string;
    created_at: Generated<Date>;
    revoked_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
    /** Who made the link: null for an invitation, `list:<responsible>` or `delegated:<responsible>`. */
    issued_by: ColumnType<string | null, string | null | undefined, string | null>;
  };
  respondent_session: {
    id_hash: string;
    token_hash: string;
    round_id: string;
    municipality: string;
    created_at: Generated<Date>;
    expires_at: ColumnType<Date, string | Date, string | Date>;
    ended_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
  };
}
