import { sql, type Kysely } from 'kysely';

/**
 * Invitation tokens are kept only as hashes (SHA-256, base64url, as sessions are): someone who reads the
 * database cannot sign in as a municipality. A link cannot be sent again from a hash, so every invitation
 * or reminder carries a link made anew; earlier links stay valid until revoked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const hashed = (column: string) =>
    sql.raw(`translate(rtrim(encode(sha256(convert_to(${column}, 'UTF8')), 'base64'), '='), '+/', '-_')`);
  const statements = [
    sql`alter table respondent_token add column token_hash text`,
    sql`update respondent_token set token_hash = ${hashed('token')}`,
    sql`alter table respondent_session add column token_hash text`,
    sql`update respondent_session set token_hash = ${hashed('token')}`,
    sql`alter table respondent_session drop column token`,
    sql`alter table respondent_token drop column token`,
    sql`alter table respondent_token alter column token_hash set not null`,
    sql`alter table respondent_token add primary key (token_hash)`,
    sql`alter table respondent_session alter column token_hash set not null`,
    sql`alter table respondent_session add foreign key (token_hash) references respondent_token on delete cascade`,
  ];
  for (const statement of statements) await statement.execute(db);
}
