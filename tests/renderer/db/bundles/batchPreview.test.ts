// A batch previews its files from one snapshot (the stored sheet ids, the bases holding
// sheets, the round's own records) and one read transaction; each file's preview must be the
// one it gets alone (prepareImport, which reads everything for it), whatever is stored: other
// laptops' sheets for the same pairs, pins, a changed key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareBatch } from '../../../../renderer/db/bundles/batchImport';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { prepareImport } from '../../../../renderer/db/bundles/prepareImport';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { openTestDatabase } from '../../../helpers/db';
import {
  buildExchangeRound,
  laptopScoresBundle,
  putExchangeRound,
} from '../../../helpers/exchangeBuilders';
import type { ExchangeRound } from '../../../helpers/exchangeBuilders';
import { commitDeps, testCrypto } from '../../../helpers/importBuilders';

let round: ExchangeRound;
let laptop1: Uint8Array;
let laptop2: Uint8Array;
let dalian: Uint8Array;
let replacedKey: Uint8Array;

beforeAll(async () => {
  const source = await openTestDatabase();
  round = buildExchangeRound({ status: 'issued' });
  await putExchangeRound(source, round);
  const [shenyangPanel, dalianPanel] = round.panels;
  laptop1 = await laptopScoresBundle(source, round, shenyangPanel.id, { deviceId: 'laptop-1' });
  laptop2 = await laptopScoresBundle(source, round, shenyangPanel.id, { deviceId: 'laptop-2' });
  dalian = await laptopScoresBundle(source, round, dalianPanel.id, { deviceId: 'laptop-3' });
  replacedKey = await laptopScoresBundle(source, round, shenyangPanel.id, {
    deviceId: 'laptop-1',
    signerName: 'laptop-1-replaced',
  });
  await source.delete();
}, 120_000);

const opened: PingguDatabase[] = [];
afterAll(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function secretariatWithLaptop1(): Promise<PingguDatabase> {
  const db = await openTestDatabase();
  opened.push(db);
  await putExchangeRound(db, round);
  const first = await prepareImport(db, laptop1, 'laptop-1.pgb', {
    crypto: testCrypto,
    expectedKinds: ['scores'],
    roundId: round.round.id,
  });
  if (!first.ok) throw new Error(first.error.messageEn);
  const committed = await commitImport(db, first.prepared, { ...commitDeps(), acceptNewKey: true });
  if (!committed.ok) throw new Error(committed.error.messageEn);
  return db;
}

describe('a batch preview', () => {
  it('is, for every file, the preview the file gets alone', async () => {
    const db = await secretariatWithLaptop1();
    const files = [
      { name: 'laptop-2.pgb', bytes: laptop2 },
      { name: 'laptop-1-again.pgb', bytes: laptop1 },
      { name: 'dalian.pgb', bytes: dalian },
      { name: 'replaced-key.pgb', bytes: replacedKey },
    ];
    const items = await prepareBatch(db, files, { crypto: testCrypto, roundId: round.round.id });
    for (const [i, file] of files.entries()) {
      const alone = await prepareImport(db, file.bytes, file.name, {
        crypto: testCrypto,
        expectedKinds: ['scores'],
        roundId: round.round.id,
      });
      if (!alone.ok) throw new Error(alone.error.messageEn);
      const item = items[i];
      expect(item?.prepared?.preview, file.name).toEqual(alone.prepared.preview);
      expect(item?.prepared?.absentSheetIds, file.name).toEqual(alone.prepared.absentSheetIds);
    }
    // By hand: laptop-2 scored the same six pairs of 沈阳组 under its own sheet ids, so none of
    // its sheets is new; laptop-1 again changes nothing; 大连组's two sheets are new; the
    // changed key blocks its file.
    const counts = items.map((item) => item.counts);
    expect(counts[0]?.added).toBe(0);
    expect(items[1]?.status).toBe('unchanged');
    expect(counts[2]).toMatchObject({ added: 2, updated: 0, conflicts: 0 });
    expect(items[3]?.status).toBe('keyMismatch');
  });
});
