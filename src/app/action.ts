import { inTransaction, type Db } from '../store/database.ts';
import { writeAuditEntry } from '../store/audit.ts';

/** What an action did, for the audit log: which action, on what, and its details (old and new values). */
export interface AuditEntry {
  readonly action: string;
  readonly subject: string | null;
  readonly detail: unknown;
}

/**
 * The one way a use case changes anything: `change` runs in one transaction and says what it did; its audit
 * entries (who, when, what) are written in that same transaction. The change and its record land together
 * or, if anything fails on the way, neither does.
 */
export function perform<T>(
  db: Db,
  actor: string,
  change: (trx: Db) => Promise<{ result: T; audit: AuditEntry | readonly AuditEntry[] }>,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const { result, audit } = await change(trx);
    const entries: readonly AuditEntry[] = 'action' in audit ? [audit] : audit;
    for (const entry of entries) await writeAuditEntry(trx, actor, entry.action, entry.subject, entry.detail);
    return result;
  });
}
