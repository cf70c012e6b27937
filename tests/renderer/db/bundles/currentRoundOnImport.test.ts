// A round or result bundle imported on a laptop with no current round makes its round the
// current one (a fresh install would otherwise keep saying there is no round, as if the
// import had failed); a laptop that has a current round keeps it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { getCurrentRound } from '../../../../renderer/db/queries';
import { deleteRound } from '../../../../renderer/db/repositories/roundRepository';
import type { PayloadByKind } from '../../../../shared/bundle/payload';
import { buildRoundRecords, testClock } from '../../../helpers/builders';
import { sampleRecords, samplePayload } from '../../../helpers/bundleBuilders';
import { openTestDatabase, putRoundRecords } from '../../../helpers/db';
import {
  importBundle,
  keyOf,
  resultBundle,
  roundBundle,
  SECRETARIAT_DEVICE,
} from '../../../helpers/importBuilders';

let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

async function resultOf(payload: PayloadByKind['result']): Promise<Uint8Array> {
  return resultBundle(payload, {
    signer: await keyOf('secretariat'),
    deviceId: SECRETARIAT_DEVICE,
    roundId: payload.round.id,
  });
}

const currentRoundId = async (): Promise<string | undefined> => (await getCurrentRound(db))?.id;

describe('the current round after importing a bundle', () => {
  it('opens the archived round of a result bundle imported on a fresh laptop', async () => {
    const payload = samplePayload('result');
    expect(await getCurrentRound(db)).toBeNull();
    await importBundle(db, await resultOf(payload), {}, '2023年度结果.pgb');
    const current = await getCurrentRound(db);
    expect(current?.id).toBe(payload.round.id);
    expect(current?.archive?.fileName).toBe('2023年度结果.pgb');
  });

  it("opens a round bundle's round on a fresh panel laptop", async () => {
    const records = sampleRecords();
    const payload = samplePayload('round', records);
    const bytes = await roundBundle(payload, {
      signer: await keyOf('secretariat'),
      deviceId: SECRETARIAT_DEVICE,
      roundId: records.round.id,
      panelId: records.panel.id,
    });
    await importBundle(db, bytes);
    expect(await currentRoundId()).toBe(records.round.id);
  });

  it('keeps the current round when another round is imported as an archive', async () => {
    const own = buildRoundRecords({ name: '2025年度本机轮次', year: 2025 });
    await putRoundRecords(db, own);
    await db.settings.put({ key: 'currentRoundId', value: own.round.id });
    const payload = samplePayload('result');
    await importBundle(db, await resultOf(payload));
    expect(await currentRoundId()).toBe(own.round.id);
    expect(await db.rounds.get(payload.round.id)).toBeDefined();
  });

  it('keeps the first archive current when a second result bundle is imported', async () => {
    const first = samplePayload('result');
    const second = samplePayload('result');
    await importBundle(db, await resultOf(first));
    await importBundle(db, await resultOf(second));
    expect(await currentRoundId()).toBe(first.round.id);
  });

  it('opens the imported round when the current round was deleted', async () => {
    const own = buildRoundRecords();
    await putRoundRecords(db, own);
    await db.settings.put({ key: 'currentRoundId', value: own.round.id });
    const deleted = await deleteRound(db, own.round.id, '秘书处', testClock());
    expect(deleted.ok).toBe(true);
    const payload = samplePayload('result');
    await importBundle(db, await resultOf(payload));
    expect(await currentRoundId()).toBe(payload.round.id);
  });
});
