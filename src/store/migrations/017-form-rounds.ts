import { sql, type Kysely } from 'kysely';

/**
 * Rounds of a form of the forms engine (docs/FORMS.md): the form's definition kept by id and version as a
 * survey definition is, a round pointing to one form and årgang (or, as before, to a survey definition),
 * Oslo's districts as units beside municipalities, and a version's answers as the engine's flat paths.
 * The pilot's own columns of an invitation take neutral defaults for units of other forms.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table form_definition (
      id text not null,
      version integer not null check (version > 0),
      definition jsonb not null,
      content_hash text not null,
      loaded_at timestamptz not null default now(),
      primary key (id, version)
    )`,
    sql`alter table survey_round
      alter column definition_id drop not null,
      alter column definition_version drop not null,
      add column form_id text,
      add column form_version integer,
      add column form_year integer check (form_year between 1990 and 2100),
      add constraint survey_round_form_fkey foreign key (form_id, form_version) references form_definition (id, version),
      add constraint survey_round_one_definition check (
        (definition_id is null) <> (form_id is null)
        and (definition_id is null) = (definition_version is null)
        and (form_id is null) = (form_version is null)
        and (form_id is null) = (form_year is null)
      )`,
    sql`alter table invitation drop constraint invitation_municipality_check`,
    sql`alter table invitation
      add constraint invitation_unit_check check (municipality ~ '^[0-9]{4}$' or municipality ~ '^0301(0[1-9]|1[0-5])$'),
      add column unit_kind text not null default 'municipality'
        check (unit_kind in ('municipality', 'oslo_district', 'establishment', 'enterprise')),
      add constraint invitation_district_code_check check ((unit_kind = 'oslo_district') = (length(municipality) = 6)),
      alter column size_group set default '',
      alter column asss set default false,
      alter column criteria set default '{}',
      alter column attended_meeting set default false,
      alter column meeting_participants set default 0`,
    sql`alter table response add column answers jsonb`,
  ];
  for (const statement of statements) await statement.execute(db);
}
