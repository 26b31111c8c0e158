import { sql, type Kysely } from 'kysely';

/**
 * A survey definition is kept by id and version, never changed in place (its content hash says whether a
 * version offered again is the same), and a round points to the version it was collected with.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`alter table survey_round drop constraint survey_round_definition_id_fkey`,
    sql`alter table survey_definition drop constraint survey_definition_pkey`,
    sql`alter table survey_definition add primary key (id, version)`,
    sql`alter table survey_definition add column content_hash text`,
    sql`update survey_definition set content_hash = md5(definition::text)`,
    sql`alter table survey_definition alter column content_hash set not null`,
    sql`alter table survey_round add column definition_version integer`,
    sql`update survey_round set definition_version = survey_definition.version
        from survey_definition where survey_definition.id = survey_round.definition_id`,
    sql`alter table survey_round alter column definition_version set not null`,
    sql`alter table survey_round add constraint survey_round_definition_fkey
        foreign key (definition_id, definition_version) references survey_definition (id, version)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
