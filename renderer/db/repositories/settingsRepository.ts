// Reads and writes the key/value settings table (device id, current round, language).
import type { PingguDatabase, SettingKey, SettingRecord, SettingsValues } from '../database';

export async function getSetting<K extends SettingKey>(
  db: PingguDatabase,
  key: K,
): Promise<SettingsValues[K] | undefined> {
  const record = await db.settings.get(key);
  // The table is keyed by `key`, so the record found under K carries K's value type.
  return record?.key === key ? (record.value as SettingsValues[K]) : undefined;
}

export async function setSetting<K extends SettingKey>(
  db: PingguDatabase,
  key: K,
  value: SettingsValues[K],
): Promise<void> {
  // TypeScript cannot correlate a generic K with one member of the SettingRecord union;
  // the signature above already ties value to key.
  await db.settings.put({ key, value } as SettingRecord);
}

export async function clearSetting(db: PingguDatabase, key: SettingKey): Promise<void> {
  await db.settings.delete(key);
}

/**
 * Returns this installation's device id, creating it on first call. Created inside one
 * transaction so two windows starting at once cannot end up with different ids.
 */
export function getOrCreateDeviceId(db: PingguDatabase, newId: () => string): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const existing = await db.settings.get('deviceId');
    if (existing?.key === 'deviceId') return existing.value;
    const deviceId = newId();
    await db.settings.add({ key: 'deviceId', value: deviceId });
    return deviceId;
  });
}
