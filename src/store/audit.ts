import type { Db } from './database.ts';

/** One entry of the audit log; written only by `perform` (app/action.ts), inside the action's transaction. */
export async function writeAuditEntry(
  db: Db,
  actor: string,
  action: string,
  subject: string | null,
  detail: unknown,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ actor, action, subject, detail: detail === null ? null : JSON.stringify(detail) })
    .execute();
}
