// A batch asks a person to tick each panel key it brings for the first time (or changed), once
// per key however many files it signed; a file is imported only once its key is ticked, and
// the pin records who ticked it and when. A chosen file whose key nobody ticked is skipped
// and writes nothing.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import {
  defaultSelection,
  prepareBatch,
  runBatchImport,
} from '../../../../renderer/db/bundles/batchImport';
import {
  confirmedIndexes,
  keysToConfirm,
  unconfirmedChosen,
} from '../../../../renderer/db/bundles/batchKeys';
import type { BatchFile } from '../../../../renderer/db/bundles/batchTypes';
import { dataDigest } from '../../../../renderer/db/bundles/digest';
import { openTestDatabase } from '../../../helpers/db';
import {
  buildExchangeRound,
  laptopScoresBundle,
  putExchangeRound,
} from '../../../helpers/exchangeBuilders';
import type { ExchangeRound } from '../../../helpers/exchangeBuilders';
import { commitDeps, testCrypto } from '../../../helpers/importBuilders';

const opened: PingguDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

type Fixture = {
  r: ExchangeRound;
  /** 沈阳组 laptop-1 (李明, 王强), the same laptop again later (李明 only), laptop-2 (张伟). */
  shenyang1: Uint8Array;
  shenyang1Again: Uint8Array;
  shenyang2: Uint8Array;
  /** 大连组 laptop-3. */
  dalian: Uint8Array;
};

let fixture: Fixture;

beforeAll(async () => {
  const source = await openTestDatabase();
  const r = buildExchangeRound({ status: 'issued' });
  await putExchangeRound(source, r);
  const [shenyang, dalian] = r.panels;
  const shenyangExperts = r.experts.filter((e) => e.panelId === shenyang.id).map((e) => e.id);
  const laptop = (panelId: string, deviceId: string, expertIds?: string[]) =>
    laptopScoresBundle(source, r, panelId, {
      deviceId,
      ...(expertIds === undefined ? {} : { expertIds }),
    });
  fixture = {
    r,
    shenyang1: await laptop(shenyang.id, 'laptop-1', shenyangExperts.slice(0, 2)),
    shenyang1Again: await laptop(shenyang.id, 'laptop-1', shenyangExperts.slice(0, 1)),
    shenyang2: await laptop(shenyang.id, 'laptop-2', shenyangExperts.slice(2)),
    dalian: await laptop(dalian.id, 'laptop-3'),
  };
  await source.delete();
});

async function secretariat(): Promise<PingguDatabase> {
  const db = await openTestDatabase();
  opened.push(db);
  await putExchangeRound(db, fixture.r);
  return db;
}

const options = () => ({
  crypto: testCrypto,
  roundId: fixture.r.round.id,
  yieldToEventLoop: () => Promise.resolve(),
});

const file = (name: string, bytes: Uint8Array): BatchFile => ({ name, bytes });

describe('a panel device’s first key', () => {
  it('asks for one tick per key, however many files of the batch it signed', async () => {
    const db = await secretariat();
    const files = [
      file('沈阳组-1.pgb', fixture.shenyang1),
      file('沈阳组-1-补交.pgb', fixture.shenyang1Again),
      file('沈阳组-2.pgb', fixture.shenyang2),
      file('大连组.pgb', fixture.dalian),
    ];
    const items = await prepareBatch(db, files, options());
    const keys = keysToConfirm(items);
    expect(keys.map((k) => [k.panelName, k.deviceId, k.status, k.indexes])).toEqual([
      ['沈阳组', 'laptop-1', 'newDevice', [0, 1]],
      ['沈阳组', 'laptop-2', 'newDevice', [2]],
      ['大连组', 'laptop-3', 'newDevice', [3]],
    ]);
    expect(keys[0]?.fingerprint).toBe(items[0]?.fingerprint);
    expect(keys[0]?.fingerprint).not.toBe(keys[1]?.fingerprint);
    const all = new Set([0, 1, 2, 3]);
    const laptop1 = new Set([keys[0]?.id ?? '']);
    expect(unconfirmedChosen(keys, all, laptop1).map((k) => k.deviceId)).toEqual([
      'laptop-2',
      'laptop-3',
    ]);
    // A key whose files are all left out does not hold the import up.
    expect(unconfirmedChosen(keys, new Set([0, 1]), laptop1)).toEqual([]);
    expect([...confirmedIndexes(keys, laptop1)]).toEqual([0, 1]);
  });

  it('imports only the files whose key was ticked; the others are skipped and write nothing', async () => {
    const db = await secretariat();
    const files = [
      file('沈阳组-1.pgb', fixture.shenyang1),
      file('沈阳组-1-补交.pgb', fixture.shenyang1Again),
      file('大连组.pgb', fixture.dalian),
    ];
    const { summary } = await runBatchImport(db, files, {
      ...options(),
      ...commitDeps(),
      review: (items) => {
        const keys = keysToConfirm(items);
        const laptop1 = keys.filter((k) => k.deviceId === 'laptop-1').map((k) => k.id);
        return {
          accepted: defaultSelection(items),
          acceptNewKey: confirmedIndexes(keys, new Set(laptop1)),
        };
      },
    });
    expect(summary.files.map((f) => [f.outcome, f.skipped])).toEqual([
      ['imported', undefined],
      ['imported', undefined],
      ['skipped', 'keyUnconfirmed'],
    ]);
    expect(await db.scoresheets.count()).toBe(4);
    const pins = await db.trustedKeys.toArray();
    expect(pins.map((p) => [p.deviceId, p.acceptedBy, p.acceptedAt])).toEqual([
      ['laptop-1', '秘书处 王芳', '2024-05-13T09:00:00.000Z'],
    ]);
  });

  it('imports nothing when nobody ticks any key', async () => {
    const db = await secretariat();
    const before = await dataDigest(db);
    const files = [file('沈阳组-1.pgb', fixture.shenyang1), file('大连组.pgb', fixture.dalian)];
    const { summary } = await runBatchImport(db, files, { ...options(), ...commitDeps() });
    expect(summary).toMatchObject({ imported: 0, failed: 0, skipped: 2 });
    expect(summary.files.map((f) => f.skipped)).toEqual(['keyUnconfirmed', 'keyUnconfirmed']);
    expect(await dataDigest(db)).toBe(before);
    expect(await db.trustedKeys.count()).toBe(0);
  });
});
