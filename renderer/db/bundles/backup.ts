// Backups: every table of this database as a backup payload, and the exact restore of one in
// a single transaction (afterwards databaseDigest equals the digest at backup time). The
// device's private key is not in this database, so nothing secret is written.
//
// Key pins (the trustedKeys table, schema v2) have no entry of their own in format version
// 1's backup payload; they travel as settings rows `trustedKey:<pin id>` whose value is the
// pin's canonical JSON, and restore splits them out again. A v1 backup without such rows
// restores with no pins.
//
// Since format version 4 a backup also carries the department's registry (registryRounds,
// registryApprovals, registryHistory), so a department laptop restored from one has the
// same bases, statuses, flows and 后补助 (whose settings are the fundingSettings row). A
// backup of an older version reads with empty registry lists (migrations.ts), and restore
// replaces every table as for any other: the registry is empty afterwards, as that backup's
// database is all it knows.
import { z } from 'zod';
import type { OpenedBundle } from '../../../shared/bundle/bundle';
import { canonicalJson } from '../../../shared/bundle/canonicalJson';
import { bundleError } from '../../../shared/bundle/errors';
import type { BackupPayload, BackupSetting } from '../../../shared/bundle/payload';
import { idSchema, timestampSchema } from '../../../shared/bundle/schemas';
import type { TrustedKey } from '../../../shared/domain/types';
import type { PingguDatabase, SettingKey, SettingRecord } from '../database';
import { expandAudit } from '../repositories/audit';
import { failedWriteError, fromBundleError, importError } from './importErrors';
import type { ImportError } from './importErrors';

export const TRUSTED_KEY_SETTING_PREFIX = 'trustedKey:';

const trustedKeySchema = z.strictObject({
  id: idSchema,
  roundId: idSchema,
  role: z.enum(['secretariat', 'panelDevice']),
  panelId: idSchema.optional(),
  deviceId: idSchema.optional(),
  publicKey: z.string().min(1).max(64),
  fingerprint: z.string().min(1).max(64),
  firstSeenAt: timestampSchema,
  acceptedBy: z.string().max(200).optional(),
  acceptedAt: timestampSchema.optional(),
  replaced: z
    .array(
      z.strictObject({
        publicKey: z.string().min(1).max(64),
        fingerprint: z.string().min(1).max(64),
        until: timestampSchema,
      }),
    )
    .max(100)
    .optional(),
}) satisfies z.ZodType<TrustedKey>;

export async function exportBackupPayload(db: PingguDatabase): Promise<BackupPayload> {
  return db.transaction('r', db.tables, async () => {
    const [rounds, templates, bases, panels, experts, assignments, scoresheets] = await Promise.all(
      [
        db.rounds.toArray(),
        db.templates.toArray(),
        db.bases.toArray(),
        db.panels.toArray(),
        db.experts.toArray(),
        db.assignments.toArray(),
        db.scoresheets.toArray(),
      ],
    );
    const [decisions, conflicts, imports, audit, settings, pins, changes] = await Promise.all([
      db.decisions.toArray(),
      db.conflicts.toArray(),
      db.bundleImports.toArray(),
      db.auditLog.toArray(),
      db.settings.toArray(),
      db.trustedKeys.toArray(),
      db.roundChanges.toArray(),
    ]);
    const [registryRounds, registryApprovals, registryHistory] = await Promise.all([
      db.registryRounds.toArray(),
      db.registryApprovals.toArray(),
      db.registryHistory.toArray(),
    ]);
    const settingRows: BackupSetting[] = [
      ...settings.map((s): BackupSetting => ({ key: s.key, value: s.value })),
      ...pins.map((pin) => ({
        key: `${TRUSTED_KEY_SETTING_PREFIX}${pin.id}`,
        value: canonicalJson(pin),
      })),
    ];
    return {
      rounds,
      templates,
      bases,
      panels,
      experts,
      assignments,
      scoresheets,
      decisions,
      conflicts,
      imports,
      // Single entries with their numbers: an import group's entries one by one (restored as
      // single entries, each with its number, so the log reads as it did).
      audit: expandAudit(audit),
      settings: settingRows,
      changes,
      registryRounds,
      registryApprovals,
      registryHistory,
    };
  });
}

const isText = (value: BackupSetting['value']): boolean =>
  typeof value === 'string' && value.length > 0;

/** What each setting may hold; a key added to SettingsValues must be added here (tsc says so). */
const SETTING_VALUES: Record<SettingKey, (value: BackupSetting['value']) => boolean> = {
  deviceId: isText,
  currentRoundId: isText,
  currentExpertId: isText,
  language: (value) => value === 'zh-CN' || value === 'en',
  expertPins: (value) => typeof value === 'string',
  pinFailures: (value) => typeof value === 'string',
  issuedRoundBundles: (value) => typeof value === 'string',
  receivedRoundBundles: (value) => typeof value === 'string',
  fundingSettings: (value) => typeof value === 'string',
};

const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTING_VALUES, key);

function settingRecord(row: BackupSetting): SettingRecord | undefined {
  const { key, value } = row;
  if (!isSettingKey(key) || !SETTING_VALUES[key](value)) return undefined;
  // Checked just above against the key's own value type, which TypeScript cannot correlate.
  return { key, value } as SettingRecord;
}

function pinRecord(row: BackupSetting): TrustedKey | undefined {
  if (typeof row.value !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.value);
  } catch {
    return undefined;
  }
  const pin = trustedKeySchema.safeParse(parsed);
  if (!pin.success) return undefined;
  return row.key === `${TRUSTED_KEY_SETTING_PREFIX}${pin.data.id}` ? pin.data : undefined;
}

export type BackupRecords = {
  payload: BackupPayload;
  settings: SettingRecord[];
  trustedKeys: TrustedKey[];
};

/** The backup's settings rows as settings and pins, or the row this app cannot restore. */
export function splitBackupSettings(
  fileName: string,
  payload: BackupPayload,
): { ok: true; records: BackupRecords } | { ok: false; error: ImportError } {
  const settings: SettingRecord[] = [];
  const trustedKeys: TrustedKey[] = [];
  for (const row of payload.settings) {
    const pin = row.key.startsWith(TRUSTED_KEY_SETTING_PREFIX) ? pinRecord(row) : undefined;
    const setting = pin === undefined ? settingRecord(row) : undefined;
    if (pin) trustedKeys.push(pin);
    else if (setting) settings.push(setting);
    else {
      const detail = { table: 'settings', record: row.key };
      return { ok: false, error: importError(fileName, 'badBackup', detail) };
    }
  }
  // Audit entries have no id: a duplicate sequence number is the one clash zod cannot see.
  const seqs = payload.audit.flatMap((e) => (e.seq === undefined ? [] : [e.seq]));
  const duplicate = seqs.find((seq, i) => seqs.indexOf(seq) !== i);
  if (duplicate !== undefined) {
    const detail = { table: 'auditLog', record: String(duplicate) };
    return { ok: false, error: importError(fileName, 'badBackup', detail) };
  }
  return { ok: true, records: { payload, settings, trustedKeys } };
}

export type RestoreResult =
  { ok: true; records: Record<string, number> } | { ok: false; error: ImportError };

export const backupRecordCounts = (r: BackupRecords): Record<string, number> => ({
  rounds: r.payload.rounds.length,
  templates: r.payload.templates.length,
  bases: r.payload.bases.length,
  panels: r.payload.panels.length,
  experts: r.payload.experts.length,
  assignments: r.payload.assignments.length,
  scoresheets: r.payload.scoresheets.length,
  decisions: r.payload.decisions.length,
  conflicts: r.payload.conflicts.length,
  bundleImports: r.payload.imports.length,
  auditLog: r.payload.audit.length,
  settings: r.settings.length,
  trustedKeys: r.trustedKeys.length,
  registryRounds: r.payload.registryRounds.length,
  registryApprovals: r.payload.registryApprovals.length,
  registryHistory: r.payload.registryHistory.length,
});

/**
 * Replaces every table with the backup's records, in one transaction: afterwards the
 * database is exactly what was backed up. Records nothing (no import row, no audit entry),
 * so the restored state is the backed-up one byte for byte.
 */
export async function restoreBackup(
  db: PingguDatabase,
  opened: OpenedBundle,
  fileName = 'backup.pgb',
): Promise<RestoreResult> {
  if (opened.kind !== 'backup') {
    const detail = { kind: opened.kind, expectedKinds: ['backup' as const] };
    return { ok: false, error: fromBundleError(fileName, bundleError('wrongKind', detail)) };
  }
  const split = splitBackupSettings(fileName, opened.payload);
  if (!split.ok) return split;
  const { payload, settings, trustedKeys } = split.records;
  try {
    await db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((table) => table.clear()));
      await db.rounds.bulkAdd(payload.rounds);
      await db.templates.bulkAdd(payload.templates);
      await db.bases.bulkAdd(payload.bases);
      await db.panels.bulkAdd(payload.panels);
      await db.experts.bulkAdd(payload.experts);
      await db.assignments.bulkAdd(payload.assignments);
      await db.scoresheets.bulkAdd(payload.scoresheets);
      await db.decisions.bulkAdd(payload.decisions);
      await db.conflicts.bulkAdd(payload.conflicts);
      await db.bundleImports.bulkAdd(payload.imports);
      await db.auditLog.bulkAdd(payload.audit);
      await db.settings.bulkAdd(settings);
      await db.trustedKeys.bulkAdd(trustedKeys);
      await db.roundChanges.bulkAdd(payload.changes);
      await db.registryRounds.bulkAdd(payload.registryRounds);
      await db.registryApprovals.bulkAdd(payload.registryApprovals);
      await db.registryHistory.bulkAdd(payload.registryHistory);
    });
  } catch (error) {
    return { ok: false, error: failedWriteError(fileName, error) };
  }
  return { ok: true, records: backupRecordCounts(split.records) };
}
