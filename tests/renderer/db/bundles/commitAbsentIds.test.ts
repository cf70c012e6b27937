// The commit does not look up again, by id, the sheets the preview found nowhere: it adds
// them, so the database itself refuses one whose id was written here since the preview under
// another expert or base, and the commit is then made again with every id read. Nothing the
// other window wrote is lost, and the clash is refused as a full read would have.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Scoresheet } from '../../../../shared/domain/types';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { prepareImport } from '../../../../renderer/db/bundles/prepareImport';
import { prepareBatch } from '../../../../renderer/db/bundles/batchImport';
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

let round: ExchangeRound;
let bundle: Uint8Array;
let other: Uint8Array;

beforeAll(async () => {
  const source = await openTestDatabase();
  round = buildExchangeRound({ status: 'issued' });
  await putExchangeRound(source, round);
  const [shenyang] = round.panels;
  bundle = await laptopScoresBundle(source, round, shenyang.id, { deviceId: 'laptop-1' });
  other = await laptopScoresBundle(source, round, round.panels[1].id, { deviceId: 'laptop-3' });
  await source.delete();
});

async function secretariat(): Promise<PingguDatabase> {
  const db = await openTestDatabase();
  opened.push(db);
  await putExchangeRound(db, round);
  return db;
}

async function prepared(db: PingguDatabase) {
  const result = await prepareImport(db, bundle, '评分包-沈阳组.pgb', {
    crypto: testCrypto,
    expectedKinds: ['scores'],
    roundId: round.round.id,
  });
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.prepared;
}

describe('the commit of sheets the preview found nowhere', () => {
  it('remembers them from the preview', async () => {
    const db = await secretariat();
    const p = await prepared(db);
    const ids = p.opened.kind === 'scores' ? p.opened.payload.scoresheets.map((s) => s.id) : [];
    expect(ids.length).toBe(6);
    expect([...(p.absentSheetIds ?? [])].sort()).toEqual([...ids].sort());
  });

  it('refuses a sheet whose id another window wrote since under another base, as a full read would', async () => {
    const db = await secretariat();
    const p = await prepared(db);
    if (p.opened.kind !== 'scores') throw new Error('not a score bundle');
    const [first, second] = p.opened.payload.scoresheets;
    if (!first || !second) throw new Error('too few sheets');
    expect(second.baseId === first.baseId && second.expertId === first.expertId).toBe(false);
    // Another window, after the preview: a sheet under first's id, of second's expert and base.
    const clash: Scoresheet = { ...second, id: first.id };
    await db.scoresheets.put(clash);

    const committed = await commitImport(db, p, { ...commitDeps(), acceptNewKey: true });
    if (!committed.ok) throw new Error(committed.error.messageEn);
    // first is refused: its id names another sheet here (idBelongsToAnotherSheet).
    expect(committed.result.counts.refused).toBe(1);
    expect(committed.result.sheets?.find((row) => row.sheetId === first.id)?.outcome).toBe(
      'refused',
    );

    // The same as when the clash was there before the preview, every id read.
    const reference = await secretariat();
    await reference.scoresheets.put(clash);
    const full = await prepared(reference);
    expect(full.absentSheetIds?.has(first.id)).toBe(false);
    const again = await commitImport(reference, full, { ...commitDeps(), acceptNewKey: true });
    if (!again.ok) throw new Error(again.error.messageEn);
    expect(again.result.counts).toEqual(committed.result.counts);
    const sheets = async (d: PingguDatabase) =>
      (await d.scoresheets.toArray()).sort((a, b) => a.id.localeCompare(b.id));
    expect(await sheets(db)).toEqual(await sheets(reference));
  });

  it('writes every sheet when nothing changed since the preview', async () => {
    const db = await secretariat();
    const p = await prepared(db);
    const committed = await commitImport(db, p, { ...commitDeps(), acceptNewKey: true });
    if (!committed.ok) throw new Error(committed.error.messageEn);
    expect(committed.result.counts).toEqual({
      added: 6,
      updated: 0,
      unchanged: 0,
      conflicts: 0,
      refused: 0,
    });
    expect(await db.scoresheets.count()).toBe(6);
  });

  it('in a batch, previews a clash already stored as refused, with the stored ids read once', async () => {
    const db = await secretariat();
    const alone = await prepared(db);
    if (alone.opened.kind !== 'scores') throw new Error('not a score bundle');
    const [first, second] = alone.opened.payload.scoresheets;
    if (!first || !second) throw new Error('too few sheets');
    await db.scoresheets.put({ ...second, id: first.id });

    const items = await prepareBatch(
      db,
      [
        { name: 'a.pgb', bytes: bundle },
        { name: 'b.pgb', bytes: other },
      ],
      { crypto: testCrypto, roundId: round.round.id, yieldToEventLoop: () => Promise.resolve() },
    );
    expect(items.map((i) => i.counts)).toEqual([
      // Six sheets: first refused (its id is taken), second meets the stored copy of its own
      // expert and base (updated), four new.
      { added: 4, updated: 1, unchanged: 0, conflicts: 0, refused: 1 },
      { added: 2, updated: 0, unchanged: 0, conflicts: 0, refused: 0 },
    ]);
    // As prepared alone, every id looked up.
    const single = await prepared(db);
    expect(items[0]?.counts).toEqual(single.preview.sheets?.counts);
    expect(items[0]?.prepared?.absentSheetIds?.has(first.id)).toBe(false);
  });
});
