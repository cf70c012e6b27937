// A department's registry bundle dropped on the app's general import (which takes every kind)
// or on 在本机继续: refused with a sentence that says what it is and where to use it, and the
// database is left exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { prepareContinue } from '../../../../renderer/db/bundles/continueHere';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import { prepareImport } from '../../../../renderer/db/bundles/prepareImport';
import { BUNDLE_KINDS } from '../../../../shared/bundle/format';
import { makeBundle, testCrypto } from '../../../helpers/bundleBuilders';
import { openTestDatabase } from '../../../helpers/db';

const FILE = '2025年度基地库名单.pgb';

let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(() => {
  db.close();
});

describe('a registry bundle outside the round wizard', () => {
  it('is refused by the general import, naming the round wizard, and changes nothing', async () => {
    const { bytes } = await makeBundle('registry');
    const before = await databaseDigest(db);
    const result = await prepareImport(db, bytes, FILE, {
      crypto: testCrypto,
      expectedKinds: BUNDLE_KINDS,
    });
    expect(result.ok || result.error.code).toBe('wrongKind');
    expect(result.ok || result.error.message).toBe(
      `文件“${FILE}”：这是省厅基地库名单包，不能在此导入，请在秘书处「新建评估轮次」中使用。`,
    );
    expect(result.ok || result.error.messageEn).toContain('registry bundle');
    expect(await databaseDigest(db)).toBe(before);
  });

  it('is refused before its passphrase is asked for when encrypted', async () => {
    const { bytes } = await makeBundle('registry', { passphrase: '省厅口令' });
    const result = await prepareImport(db, bytes, FILE, {
      crypto: testCrypto,
      expectedKinds: BUNDLE_KINDS,
    });
    expect(result.ok || result.error.code).toBe('wrongKind');
  });

  it('is not a file to continue a lost laptop from', async () => {
    const { bytes } = await makeBundle('registry');
    const result = await prepareContinue(db, bytes, FILE, {
      crypto: testCrypto,
      roundId: 'round-1',
    });
    expect(result.ok || result.error.message).toContain('省厅基地库名单包');
  });
});
