// Appends audit entries. Callers run it inside their own read-write transaction that
// includes db.auditLog, so the change and its audit entry commit or fail together.
import type { AuditAction, AuditEntry } from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';

export type Clock = { now: () => string };

export type AuditInput = {
  roundId: string;
  action: AuditAction;
  entityId: string;
  actor: string;
  detail?: string;
};

export async function appendAudit(
  db: PingguDatabase,
  input: AuditInput,
  clock: Clock,
): Promise<void> {
  const entry: AuditEntry = { at: clock.now(), ...input };
  await db.auditLog.add(entry);
}
