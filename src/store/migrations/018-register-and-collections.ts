import { sql, type Kysely } from 'kysely';

/**
 * The register of units (extracts of Enhetsregisteret by the day they describe, each unit as it stood then),
 * establishments and enterprises as units of a form round drawn from one extract and answered for by a
 * municipality or an enterprise (`responsible`), a unit's "not ours / no agreement / closed", and
 * collections: rounds of several forms of one årgang run together, with publication checkpoints that freeze
 * which submitted version of each unit went into the publication.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table register_extract (
      id serial primary key,
      valid_on date not null,
      file_name text not null,
      synthetic boolean not null,
      units integer not null check (units >= 0),
      loaded_by text not null,
      loaded_at timestamptz not null default now()
    )`,
    sql`create table register_unit (
      extract_id integer not null references register_extract on delete cascade,
      org_number text not null check (org_number ~ '^[0-9]{9}$'),
      name text not null,
      parent text check (parent ~ '^[0-9]{9}$'),
      street text not null,
      postcode text not null check (postcode ~ '^[0-9]{4}$'),
      place text not null,
      municipality text not null check (municipality ~ '^[0-9]{4}$'),
      serves text not null check (serves ~ '^[0-9]{4}$'),
      industry_sn2007 text,
      industry_sn2025 text,
      status text not null check (status in ('active', 'closed')),
      ownership text not null check (ownership in ('municipal', 'private_commercial', 'non_profit')),
      started_on date,
      closed_on date,
      primary key (extract_id, org_number)
    )`,
    sql`create table collection (
      id text primary key check (id ~ '^[a-z0-9][a-z0-9-]*$'),
      year integer not null check (year between 1990 and 2100),
      name text not null,
      created_at timestamptz not null default now()
    )`,
    sql`alter table survey_round
      add column register_extract_id integer references register_extract,
      add column collection_id text references collection`,
    sql`alter table invitation drop constraint invitation_unit_check`,
    sql`alter table invitation
      add constraint invitation_unit_check check (
        municipality ~ '^[0-9]{4}$' or municipality ~ '^0301(0[1-9]|1[0-5])$' or municipality ~ '^[0-9]{9}$'),
      add constraint invitation_register_code_check
        check ((unit_kind in ('establishment', 'enterprise')) = (length(municipality) = 9)),
      add column responsible text check (responsible ~ '^[0-9]{4}$' or responsible ~ '^[0-9]{9}$'),
      add column disowned text check (disowned in ('not_ours', 'no_agreement', 'closed')),
      add column disowned_reason text,
      add column disowned_at timestamptz,
      add constraint invitation_disowned_reason check ((disowned is null) = (disowned_reason is null))`,
    sql`create index invitation_responsible on invitation (round_id, responsible)`,
    sql`create table collection_checkpoint (
      collection_id text not null references collection on delete cascade,
      kind text not null check (kind in ('preliminary', 'final')),
      taken_on date not null,
      taken_at timestamptz not null default now(),
      taken_by text not null,
      primary key (collection_id, kind)
    )`,
    sql`create table checkpoint_response (
      collection_id text not null,
      kind text not null,
      round_id text not null,
      municipality text not null,
      version integer not null,
      submitted_at timestamptz not null,
      primary key (collection_id, kind, round_id, municipality),
      foreign key (collection_id, kind) references collection_checkpoint on delete cascade
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}
