// Experts' optional scoring PINs on a shared panel laptop, kept in the settings table under
// 'expertPins' (one JSON text for all experts). Only hashes are stored; hashing happens in
// the caller (WebCrypto is async, and only Dexie calls may be awaited in a transaction).
import type { PingguDatabase } from '../database';

export type ExpertPinRecord =
  /** A PIN is set: SHA-256 (hex) of salt bytes + the PIN's UTF-8 bytes; salt in hex. */
  | { kind: 'pin'; salt: string; hash: string; setAt: string }
  /** The expert chose not to set a PIN; they are not asked again. */
  | { kind: 'declined'; at: string };

export type ExpertPins = Record<string, ExpertPinRecord>;

const HEX = /^[0-9a-f]+$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isRecord(parsed)) return {};
  const pins: ExpertPins = {};
  for (const [expertId, value] of Object.entries(parsed)) {
    const record = toPinRecord(value);
    if (record) pins[expertId] = record;
  }
  return pins;
}

async function readPins(db: PingguDatabase): Promise<ExpertPins> {
  const record = await db.settings.get('expertPins');
  return parseExpertPins(record?.key === 'expertPins' ? record.value : undefined);
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
