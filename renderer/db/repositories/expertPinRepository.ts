// Experts' optional scoring PINs on a shared panel laptop, kept in the settings table under
// 'expertPins' (one JSON text for all experts). Only hashes are stored; hashing happens in
// the caller (WebCrypto is async, and only Dexie calls may be awaited in a transaction).
// A forgotten PIN is reset with a confirmation, audited (resetExpertPin).
import { afterWrongPin } from '../../../shared/domain/pinAttempts';
import type { PinFailures } from '../../../shared/domain/pinAttempts';
import {
  checkPinReset,
  isPinResetRefusal,
  pinResetRefusalText,
} from '../../../shared/domain/pinReset';
import type {
  PinRefusalValues,
  PinResetRefusal,
  PinResetRequest,
} from '../../../shared/domain/pinReset';
import type { PingguDatabase } from '../database';
import {
  forgetKeysIn,
  isRecord,
  parseJsonObject,
  readJsonSetting,
  writeJsonMap,
} from '../jsonSettings';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { fail, ok } from './errors';
import type { RepositoryResult } from './errors';

export type ExpertPinRecord =
  /** A PIN is set: SHA-256 (hex) of salt bytes + the PIN's UTF-8 bytes; salt in hex. */
  | { kind: 'pin'; salt: string; hash: string; setAt: string }
  /** The expert chose not to set a PIN; they are not asked again. */
  | { kind: 'declined'; at: string };

export type ExpertPins = Record<string, ExpertPinRecord>;

const HEX = /^[0-9a-f]+$/;

function toPinRecord(value: unknown): ExpertPinRecord | undefined {
  if (!isRecord(value)) return undefined;
  const { kind, salt, hash, setAt, at } = value;
  if (
    kind === 'pin' &&
    typeof salt === 'string' &&
    typeof hash === 'string' &&
    typeof setAt === 'string' &&
    HEX.test(salt) &&
    HEX.test(hash)
  ) {
    return { kind, salt, hash, setAt };
  }
  if (kind === 'declined' && typeof at === 'string') return { kind, at };
  return undefined;
}

/** Parses the stored text; anything malformed is dropped rather than trusted. */
export function parseExpertPins(text: string | undefined): ExpertPins {
  const pins: ExpertPins = {};
  for (const [expertId, value] of Object.entries(parseJsonObject(text) ?? {})) {
    const record = toPinRecord(value);
    if (record) pins[expertId] = record;
  }
  return pins;
}

async function readPins(db: PingguDatabase): Promise<ExpertPins> {
  return parseExpertPins(await readJsonSetting(db, 'expertPins'));
}

export function getExpertPins(db: PingguDatabase): Promise<ExpertPins> {
  return readPins(db);
}

/** Sets (or, with null, removes) one expert's record, leaving the others untouched. */
export function putExpertPin(
  db: PingguDatabase,
  expertId: string,
  record: ExpertPinRecord | null,
): Promise<void> {
  return db.transaction('rw', db.settings, async () => {
    const pins = await readPins(db);
    if (record === null) delete pins[expertId];
    else pins[expertId] = record;
    await db.settings.put({ key: 'expertPins', value: JSON.stringify(pins) });
  });
}

/**
 * Stores the first PIN of an expert who has none on this laptop (none, or declined), as a
 * chair does when first asked to confirm. Refused, changing nothing, when a PIN was set
 * meanwhile (in another window): that PIN must be typed instead.
 */
export function setFirstPin(
  db: PingguDatabase,
  expertId: string,
  record: ExpertPinRecord,
): Promise<RepositoryResult<void>> {
  return db.transaction('rw', db.settings, async () => {
    const pins = await readPins(db);
    if (pins[expertId]?.kind === 'pin') {
      return fail<void>('stale', '已在本机设置了 PIN（可能刚在另一个窗口设置），请输入该 PIN。');
    }
    pins[expertId] = record;
    await db.settings.put({ key: 'expertPins', value: JSON.stringify(pins) });
    return ok(undefined);
  });
}

/** Parses the stored wrong-PIN counts; anything malformed is dropped (no pause). */
export function parsePinFailures(text: string | undefined): Record<string, PinFailures> {
  const failures: Record<string, PinFailures> = {};
  for (const [expertId, value] of Object.entries(parseJsonObject(text) ?? {})) {
    if (!isRecord(value)) continue;
    const { count, lastAt } = value;
    if (
      typeof count === 'number' &&
      Number.isInteger(count) &&
      count > 0 &&
      typeof lastAt === 'string'
    ) {
      failures[expertId] = { count, lastAt };
    }
  }
  return failures;
}

async function readPinFailures(db: PingguDatabase): Promise<Record<string, PinFailures>> {
  return parsePinFailures(await readJsonSetting(db, 'pinFailures'));
}

/** The expert's consecutive wrong PINs on this laptop, if any. */
export async function getPinFailures(
  db: PingguDatabase,
  expertId: string,
): Promise<PinFailures | undefined> {
  return (await readPinFailures(db))[expertId];
}

/** Counts one more wrong PIN of the expert at `now`; returns the new count and time. */
export function recordWrongPin(
  db: PingguDatabase,
  expertId: string,
  now: string,
): Promise<PinFailures> {
  return db.transaction('rw', db.settings, async () => {
    const failures = await readPinFailures(db);
    const next = afterWrongPin(failures[expertId], now);
    failures[expertId] = next;
    await writeJsonMap(db, 'pinFailures', failures);
    return next;
  });
}

/** Forgets the expert's wrong PINs (the right one was typed, or the PIN was reset). */
export function clearWrongPins(db: PingguDatabase, expertId: string): Promise<void> {
  return db.transaction('rw', db.settings, async () => {
    const failures = await readPinFailures(db);
    if (failures[expertId] === undefined) return;
    delete failures[expertId];
    await writeJsonMap(db, 'pinFailures', failures);
  });
}

/**
 * Drops the PIN records and wrong-PIN counts of these experts (a deleted round's). Runs inside
 * the caller's transaction, which must include the settings table; a row goes with its last
 * entry.
 */
export async function forgetExpertPins(
  db: PingguDatabase,
  expertIds: readonly string[],
): Promise<void> {
  await forgetKeysIn(db, 'expertPins', await readPins(db), expertIds);
  await forgetKeysIn(db, 'pinFailures', await readPinFailures(db), expertIds);
}

export type PinResetDone = { expertId: string; confirmedBy: string };

/** Why a reset was refused (the error's cause): the code, and the count and wait it names. */
export type PinResetRefused = { refusal: PinResetRefusal } & PinRefusalValues;

export const isPinResetRefused = (value: unknown): value is PinResetRefused =>
  isRecord(value) &&
  isPinResetRefusal(value['refusal']) &&
  typeof value['count'] === 'number' &&
  typeof value['seconds'] === 'number';

/**
 * Removes a forgotten PIN after the confirmation shared/domain/pinReset.ts requires (the
 * chair's PIN, or for the chair another member's; a confirmer without a PIN sets one now),
 * together with its audit entry in one transaction. The expert's sheets are untouched; they
 * are asked for a new PIN as on first use. A wrong confirmer PIN is counted with that
 * expert's other wrong PINs (pinFailures) and paused the same way; the right one clears
 * them. A refusal changes nothing else and carries a PinResetRefused as the error's cause.
 */
export function resetExpertPin(
  db: PingguDatabase,
  request: PinResetRequest,
  clock: Clock,
): Promise<RepositoryResult<PinResetDone>> {
  return db.transaction('rw', [db.settings, db.experts, db.panels, db.auditLog], async () => {
    const expert = await db.experts.get(request.expertId);
    const [panel, experts, pins, failures] = await Promise.all([
      expert ? db.panels.get(expert.panelId) : undefined,
      expert ? db.experts.where('roundId').equals(expert.roundId).toArray() : [],
      readPins(db),
      readPinFailures(db),
    ]);
    const now = clock.now();
    const confirmerPin = pins[request.confirmerId];
    const check = checkPinReset({
      request,
      expert,
      panel,
      experts,
      targetHasPin: pins[request.expertId]?.kind === 'pin',
      confirmerPinHash: confirmerPin?.kind === 'pin' ? confirmerPin.hash : undefined,
      confirmerFailures: failures[request.confirmerId],
      now,
    });
    if (!check.ok) {
      const { refusal, values } = check;
      if (check.failures) {
        failures[request.confirmerId] = check.failures;
        await writeJsonMap(db, 'pinFailures', failures);
      }
      const code =
        refusal === 'expertNotFound' ? 'notFound' : refusal === 'noPin' ? 'stale' : 'editRejected';
      const cause: PinResetRefused = { refusal, ...values };
      return fail<PinResetDone>(code, pinResetRefusalText(refusal, values), cause);
    }
    const { expert: target, confirmer, note, newPin } = check;
    delete pins[target.id];
    if (newPin)
      pins[confirmer.id] = { kind: 'pin', salt: newPin.salt, hash: newPin.hash, setAt: now };
    await db.settings.put({ key: 'expertPins', value: JSON.stringify(pins) });
    // The target starts afresh; the confirmer's right PIN clears their wrong ones.
    if (failures[target.id] !== undefined || failures[confirmer.id] !== undefined) {
      delete failures[target.id];
      delete failures[confirmer.id];
      await writeJsonMap(db, 'pinFailures', failures);
    }
    await appendAudit(
      db,
      {
        roundId: target.roundId,
        action: 'expert.pinReset',
        entityId: target.id,
        actor: confirmer.name,
        detail: note,
      },
      clock,
    );
    return ok({ expertId: target.id, confirmedBy: confirmer.name });
  });
}
