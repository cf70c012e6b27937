// Key pinning: the first bundle pins its signer; the same key later is fine; another key for
// the same device (or the round's secretariat) is refused, leaving the database exactly as
// it was, until a person accepts it; a panel device's first key is pinned only once a person
// ticked that its fingerprint matches the panel's paper summary, and the pin says who and when.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import { devicePinId, secretariatPinId } from '../../../../renderer/db/bundles/trustedKeys';
import { publicKeyFingerprint } from '../../../../shared/bundle/bundleCrypto';
import { testSheetDeps } from '../../../helpers/builders';
import type { RoundRecords } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import {
  commitDeps,
  importBundle,
  keyOf,
  prepared,
  roundBundleFrom,
  scoresBundleFrom,
  secretariatDatabase,
  testCrypto,
} from '../../../helpers/importBuilders';
import { scoreEverySheet } from '../../../helpers/panelWorkflow';

let secretariat: PingguDatabase;
let panel: PingguDatabase;
let r: RoundRecords;

beforeEach(async () => {
  [secretariat, panel] = await Promise.all([openTestDatabase(), openTestDatabase()]);
  r = await secretariatDatabase(secretariat);
});

afterEach(async () => {
  await Promise.all([secretariat.delete(), panel.delete()]);
});

const fingerprintOf = async (name: string): Promise<string> =>
  publicKeyFingerprint(testCrypto, (await keyOf(name)).publicKeyRaw);

async function scoredPanel(): Promise<void> {
  await importBundle(panel, await roundBundleFrom(secretariat, r));
  await scoreEverySheet(panel, r.round.id, testSheetDeps('laptop-1'), { submit: false });
}

describe('pinning panel devices at the secretariat', () => {
  it('refuses a device’s first score bundle, changing nothing, until a person ticks its fingerprint', async () => {
    await scoredPanel();
    const before = await databaseDigest(secretariat);
    const first = await prepared(secretariat, await scoresBundleFrom(panel, r), {}, '沈阳组.pgb');
    const fingerprint = await fingerprintOf('laptop-1');
    expect(first.preview.key).toMatchObject({ status: 'newDevice', otherDeviceFingerprints: [] });
    expect(first.preview.blocking?.code).toBe('unconfirmedKey');
    const refused = await commitImport(secretariat, first, commitDeps());
    if (refused.ok) throw new Error('a first key was pinned without a person’s tick');
    expect(refused.error.code).toBe('unconfirmedKey');
    expect(refused.error.message).toBe(
      `文件“沈阳组.pgb”：是评审组设备“laptop-1”的第一个评分包，其签名密钥（指纹 ${fingerprint}）尚未核对：请与该评审组签字的纸质汇总单上的指纹核对一致并勾选确认后再导入。`,
    );
    expect(await databaseDigest(secretariat)).toBe(before);
  });

  it('pins the key of a device once ticked, with who and when, and accepts the same key later', async () => {
    await scoredPanel();
    const first = await prepared(secretariat, await scoresBundleFrom(panel, r));
    await commitImport(secretariat, first, commitDeps({ acceptNewKey: true }));
    const pin = await secretariat.trustedKeys.get(devicePinId(r.round.id, r.panel.id, 'laptop-1'));
    expect(pin).toMatchObject({
      role: 'panelDevice',
      panelId: r.panel.id,
      deviceId: 'laptop-1',
      fingerprint: await fingerprintOf('laptop-1'),
      firstSeenAt: '2024-05-13T09:00:00.000Z',
      acceptedBy: '秘书处 王芳',
      acceptedAt: '2024-05-13T09:00:00.000Z',
    });

    const later = await prepared(secretariat, await scoresBundleFrom(panel, r));
    expect(later.preview.key.status).toBe('pinned');
    expect(later.preview.blocking).toBeUndefined();
    const result = await commitImport(secretariat, later, commitDeps());
    expect(result.ok && result.result.keyPinned).toBe(false);
    expect(await secretariat.trustedKeys.count()).toBe(1);
  });

  it('refuses another key for the same device, changing nothing, until a person accepts it', async () => {
    await scoredPanel();
    await importBundle(secretariat, await scoresBundleFrom(panel, r));
    const forged = await scoresBundleFrom(panel, r, { signerName: 'intruder' });
    const before = await databaseDigest(secretariat);

    const ready = await prepared(secretariat, forged);
    const [pinned, intruder] = [await fingerprintOf('laptop-1'), await fingerprintOf('intruder')];
    expect(ready.preview.key).toMatchObject({ status: 'mismatch', pinnedFingerprint: pinned });
    expect(ready.preview.blocking?.code).toBe('untrustedKey');
    const refused = await commitImport(secretariat, ready, commitDeps());
    if (refused.ok) throw new Error('a bundle from another key was imported');
    expect(refused.error.code).toBe('untrustedKey');
    expect(refused.error.message).toContain(pinned);
    expect(refused.error.message).toContain(intruder);
    expect(refused.error.message).toContain('bundle.pgb');
    expect(await databaseDigest(secretariat)).toBe(before);

    const accepted = await commitImport(secretariat, ready, commitDeps({ acceptNewKey: true }));
    expect(accepted.ok && accepted.result.keyReplaced).toBe(true);
    const pin = await secretariat.trustedKeys.get(devicePinId(r.round.id, r.panel.id, 'laptop-1'));
    expect(pin).toMatchObject({
      fingerprint: intruder,
      acceptedBy: '秘书处 王芳',
      acceptedAt: '2024-05-13T09:00:00.000Z',
      replaced: [{ fingerprint: pinned, until: '2024-05-13T09:00:00.000Z' }],
    });
    const old = await prepared(secretariat, await scoresBundleFrom(panel, r));
    expect(old.preview.key.status).toBe('mismatch');
  });

  it('asks to compare the fingerprint of a panel’s second device, and pins it once ticked', async () => {
    await scoredPanel();
    await importBundle(secretariat, await scoresBundleFrom(panel, r));
    const second = await prepared(
      secretariat,
      await scoresBundleFrom(panel, r, { deviceId: 'laptop-2' }),
    );
    expect(second.preview.key).toMatchObject({
      status: 'newDevice',
      fingerprint: await fingerprintOf('laptop-2'),
      otherDeviceFingerprints: [await fingerprintOf('laptop-1')],
    });
    expect(second.preview.key.note).toContain(await fingerprintOf('laptop-2'));
    expect(second.preview.key.note).toContain('纸质汇总单');
    expect(second.preview.blocking?.code).toBe('unconfirmedKey');
    const result = await commitImport(secretariat, second, commitDeps({ acceptNewKey: true }));
    expect(result.ok && result.result.keyPinned).toBe(true);
    expect(await secretariat.trustedKeys.count()).toBe(2);
  });
});

describe('pinning the secretariat on a panel laptop', () => {
  it('refuses a round bundle of the round from another secretariat key unless accepted', async () => {
    await importBundle(panel, await roundBundleFrom(secretariat, r));
    const pin = await panel.trustedKeys.get(secretariatPinId(r.round.id));
    expect(pin).toMatchObject({
      role: 'secretariat',
      fingerprint: await fingerprintOf('secretariat'),
    });
    const before = await databaseDigest(panel);

    const impostor = await roundBundleFrom(secretariat, r, {
      signerName: 'impostor',
      createdAt: '2024-05-14T08:00:00.000Z',
    });
    const ready = await prepared(panel, impostor);
    expect(ready.preview.key.status).toBe('mismatch');
    const refused = await commitImport(panel, ready, commitDeps());
    expect(refused.ok || refused.error.code).toBe('untrustedKey');
    expect(await databaseDigest(panel)).toBe(before);

    const accepted = await commitImport(panel, ready, commitDeps({ acceptNewKey: true }));
    expect(accepted.ok).toBe(true);
    expect((await panel.trustedKeys.get(secretariatPinId(r.round.id)))?.fingerprint).toBe(
      await fingerprintOf('impostor'),
    );
  });

  it('names each pin after what it pins, so any import order pins the same records', () => {
    expect(devicePinId('r', 'p', 'd')).toBe(devicePinId('r', 'p', 'd'));
    expect(devicePinId('r', 'p', 'd')).not.toBe(devicePinId('r', 'p', 'e'));
    expect(devicePinId('r', 'p', 'd')).not.toBe(devicePinId('r', 'q', 'd'));
    expect(secretariatPinId('r')).not.toBe(secretariatPinId('s'));
    expect(devicePinId('r'.repeat(128), 'p'.repeat(128), 'd'.repeat(128)).length).toBeLessThan(32);
  });
});
