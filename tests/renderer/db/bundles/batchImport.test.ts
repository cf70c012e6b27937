// The secretariat brings score bundles back in one batch: every file is previewed, the
// accepted ones are committed in groups of one transaction each (atomic per file), a broken file in the middle never stops
// the others, the same bundle twice is recognised, encrypted bundles wait for their panel's
// passphrase, and importing the same batch again changes nothing. (Ticking the panels' keys:
// batchKeys.test.ts.)
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import {
  commitBatch,
  prepareBatch,
  runBatchImport,
  unlockBatch,
} from '../../../../renderer/db/bundles/batchImport';
import type { BatchFile, BatchProgress } from '../../../../renderer/db/bundles/batchTypes';
import { dataDigest } from '../../../../renderer/db/bundles/digest';
import { openTestDatabase } from '../../../helpers/db';
import {
  buildExchangeRound,
  laptopScoresBundle,
  putExchangeRound,
} from '../../../helpers/exchangeBuilders';
import type { ExchangeRound } from '../../../helpers/exchangeBuilders';
import { confirmEveryKey } from '../../../helpers/batchReview';
import { commitDeps, testCrypto } from '../../../helpers/importBuilders';

const opened: PingguDatabase[] = [];
async function machine(): Promise<PingguDatabase> {
  const db = await openTestDatabase();
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const PASSPHRASE = '大连组评分口令2024';

type Fixture = {
  r: ExchangeRound;
  /** 沈阳组 laptop-1 (李明, 王强), 沈阳组 laptop-2 (张伟), 大连组 laptop-3 (both experts). */
  shenyang1: Uint8Array;
  shenyang2: Uint8Array;
  dalian: Uint8Array;
  dalianEncrypted: Uint8Array;
};

let fixture: Fixture;

// The bundles are made once: a source secretariat database holds the round they belong to,
// and every test starts a fresh secretariat from the same records.
beforeAll(async () => {
  const source = await openTestDatabase();
  const r = buildExchangeRound({ status: 'issued' });
  await putExchangeRound(source, r);
  const [shenyang, dalian] = r.panels;
  const shenyangExperts = r.experts.filter((e) => e.panelId === shenyang.id).map((e) => e.id);
  fixture = {
    r,
    shenyang1: await laptopScoresBundle(source, r, shenyang.id, {
      deviceId: 'laptop-1',
      expertIds: shenyangExperts.slice(0, 2),
    }),
    shenyang2: await laptopScoresBundle(source, r, shenyang.id, {
      deviceId: 'laptop-2',
      expertIds: shenyangExperts.slice(2),
    }),
    dalian: await laptopScoresBundle(source, r, dalian.id, { deviceId: 'laptop-3' }),
    dalianEncrypted: await laptopScoresBundle(source, r, dalian.id, {
      deviceId: 'laptop-4',
      passphrase: PASSPHRASE,
    }),
  };
  await source.delete();
});

async function secretariat(): Promise<PingguDatabase> {
  const db = await machine();
  await putExchangeRound(db, fixture.r);
  return db;
}

const options = () => ({
  crypto: testCrypto,
  roundId: fixture.r.round.id,
  yieldToEventLoop: () => Promise.resolve(),
});

const file = (name: string, bytes: Uint8Array): BatchFile => ({ name, bytes });

/** Commit options of a clerk who ticks every panel key after comparing it with the summary. */
const clerk = () => ({ ...commitDeps(), review: confirmEveryKey });

describe('runBatchImport', () => {
  it('imports every file of a folder and reports what each one added and the totals', async () => {
    const db = await secretariat();
    const files = [
      file('评分包-沈阳组-1.pgb', fixture.shenyang1),
      file('评分包-沈阳组-2.pgb', fixture.shenyang2),
      file('评分包-大连组.pgb', fixture.dalian),
    ];
    const { items, summary } = await runBatchImport(db, files, { ...options(), ...clerk() });

    expect(items.map((i) => [i.panelName, i.status, i.keyStatus, i.counts?.added])).toEqual([
      ['沈阳组', 'ready', 'newDevice', 4],
      ['沈阳组', 'ready', 'newDevice', 2],
      ['大连组', 'ready', 'newDevice', 2],
    ]);
    expect(summary.files.map((f) => [f.fileName, f.outcome, f.summary?.counts.added])).toEqual([
      ['评分包-沈阳组-1.pgb', 'imported', 4],
      ['评分包-沈阳组-2.pgb', 'imported', 2],
      ['评分包-大连组.pgb', 'imported', 2],
    ]);
    expect(summary).toMatchObject({ imported: 3, changed: 3, failed: 0, skipped: 0 });
    expect(summary.totals).toEqual({
      added: 8,
      updated: 0,
      unchanged: 0,
      conflicts: 0,
      refused: 0,
    });
    expect(await db.scoresheets.count()).toBe(8);
    // One import record and one pinned device key per file.
    expect(await db.bundleImports.count()).toBe(3);
    expect(await db.trustedKeys.count()).toBe(3);
  });

  it('lists a broken file in the middle with its reason and still imports the others', async () => {
    const db = await secretariat();
    const truncated = fixture.shenyang2.slice(0, Math.floor(fixture.shenyang2.length / 2));
    const files = [
      file('a.pgb', fixture.shenyang1),
      file('拔出U盘时损坏.pgb', truncated),
      file('c.pgb', fixture.dalian),
    ];
    const { items, summary } = await runBatchImport(db, files, { ...options(), ...clerk() });

    expect(items.map((i) => i.status)).toEqual(['ready', 'failed', 'ready']);
    const broken = summary.files[1];
    expect(broken?.outcome).toBe('failed');
    expect(broken?.error?.code).toBe('truncated');
    expect(broken?.error?.message).toContain('拔出U盘时损坏.pgb');
    expect(summary).toMatchObject({ imported: 2, failed: 1, skipped: 0 });

    // Exactly the state of importing the two good files alone.
    const reference = await secretariat();
    await runBatchImport(
      reference,
      [files[0], files[2]].filter((f) => f !== undefined),
      {
        ...options(),
        ...clerk(),
      },
    );
    expect(await dataDigest(db, { withoutProvenance: true })).toBe(
      await dataDigest(reference, { withoutProvenance: true }),
    );
  });

  it('changes nothing when the same files are imported again', async () => {
    const db = await secretariat();
    const files = [
      file('1.pgb', fixture.shenyang1),
      file('2.pgb', fixture.shenyang2),
      file('3.pgb', fixture.dalian),
    ];
    await runBatchImport(db, files, { ...options(), ...clerk() });
    const before = await dataDigest(db);

    const again = await runBatchImport(db, files, { ...options(), ...clerk() });
    expect(again.items.map((i) => [i.status, i.keyStatus])).toEqual([
      ['unchanged', 'pinned'],
      ['unchanged', 'pinned'],
      ['unchanged', 'pinned'],
    ]);
    expect(again.summary).toMatchObject({ imported: 3, changed: 0, failed: 0 });
    expect(again.summary.totals).toMatchObject({ added: 0, updated: 0, unchanged: 8 });
    expect(await dataDigest(db)).toBe(before);
  });

  it('recognises the same bundle twice in a batch and imports it once', async () => {
    const db = await secretariat();
    const files = [
      file('评分包-大连组.pgb', fixture.dalian),
      file('评分包-大连组 - 副本.pgb', fixture.dalian),
    ];
    const { items, summary } = await runBatchImport(db, files, { ...options(), ...clerk() });

    expect(items[1]).toMatchObject({ status: 'duplicate', duplicateOf: 0, panelName: '大连组' });
    expect(summary.files[1]).toMatchObject({
      outcome: 'skipped',
      skipped: 'duplicate',
      duplicateOf: 0,
    });
    expect(await db.bundleImports.count()).toBe(1);
    expect(await db.scoresheets.count()).toBe(2);
  });

  it('reports progress in order: every file read, then each group of files imported', async () => {
    const db = await secretariat();
    const files = [
      file('a.pgb', fixture.shenyang1),
      file('b.pgb', new Uint8Array([1, 2, 3])),
      file('c.pgb', fixture.dalian),
    ];
    const reading = [
      { phase: 'reading', done: 0, total: 3, current: 'a.pgb' },
      { phase: 'reading', done: 1, total: 3, current: 'b.pgb' },
      { phase: 'reading', done: 2, total: 3, current: 'c.pgb' },
      { phase: 'reading', done: 3, total: 3 },
    ];
    const events: BatchProgress[] = [];
    await runBatchImport(db, files, { ...options(), ...clerk() }, (p) => events.push(p));
    // a.pgb (4 sheets) and c.pgb (2) fit one group: one transaction, one step.
    expect(events).toEqual([
      ...reading,
      { phase: 'importing', done: 0, total: 2, current: 'a.pgb' },
      { phase: 'importing', done: 2, total: 2 },
    ]);

    // Groups of at most 4 sheets: a.pgb alone, then c.pgb.
    const small = await secretariat();
    const items = await prepareBatch(small, files, options());
    const steps: BatchProgress[] = [];
    const { accepted, acceptNewKey } = confirmEveryKey(items);
    const { actor, clock, newId } = commitDeps();
    const decision = { accepted, ...(acceptNewKey ? { acceptNewKey } : {}) };
    await commitBatch(small, items, { actor, clock, newId, ...decision, groupSheets: 4 }, (p) =>
      steps.push(p),
    );
    expect(steps).toEqual([
      { phase: 'importing', done: 0, total: 2, current: 'a.pgb' },
      { phase: 'importing', done: 1, total: 2, current: 'c.pgb' },
      { phase: 'importing', done: 2, total: 2 },
    ]);
    expect(await small.scoresheets.count()).toBe(6);
  });

  it('commits a group in one transaction, each file planned against the ones before it', async () => {
    const db = await secretariat();
    // The same sheets twice (two copies of laptop-1's bundle under other bytes are not at
    // hand, so the second is the same bundle prepared twice): the second finds the first's
    // sheets already written in the same transaction and adds nothing.
    const [first] = await prepareBatch(db, [file('a.pgb', fixture.shenyang1)], options());
    const [second] = await prepareBatch(db, [file('b.pgb', fixture.shenyang1)], options());
    if (!first || !second) throw new Error('not prepared');
    const items = [first, { ...second, index: 1 }];
    const summary = await commitBatch(db, items, {
      ...commitDeps(),
      accepted: new Set([0, 1]),
      acceptNewKey: new Set([0, 1]),
    });
    expect(
      summary.files.map((f) => [f.outcome, f.summary?.counts.added, f.summary?.changed]),
    ).toEqual([
      ['imported', 4, true],
      ['imported', 0, false],
    ]);
    expect(await db.scoresheets.count()).toBe(4);
    expect(await db.bundleImports.count()).toBe(2);
  });

  it('refuses one file of a group by its checks and still imports the others with it', async () => {
    const db = await secretariat();
    const files = [file('a.pgb', fixture.shenyang1), file('c.pgb', fixture.dalian)];
    const items = await prepareBatch(db, files, options());
    // Both files are chosen, but only a.pgb's new device key was compared and ticked: the
    // commit itself refuses c.pgb (the list would skip it; here it reaches the group).
    const unticked = items.map((item) =>
      item.index === 1 && item.prepared
        ? {
            ...item,
            prepared: {
              ...item.prepared,
              preview: { ...item.prepared.preview, blocking: undefined },
            },
          }
        : item,
    );
    const summary = await commitBatch(db, unticked, {
      ...commitDeps(),
      accepted: new Set([0, 1]),
      acceptNewKey: new Set([0]),
    });
    expect(summary.files.map((f) => [f.fileName, f.outcome, f.error?.code])).toEqual([
      ['a.pgb', 'imported', undefined],
      ['c.pgb', 'failed', 'unconfirmedKey'],
    ]);
    expect(await db.scoresheets.count()).toBe(4);
    expect(await db.bundleImports.count()).toBe(1);
    expect(await db.trustedKeys.count()).toBe(1);
  });

  it('when a write of one file fails, commits the others of its group each on its own', async () => {
    const db = await secretariat();
    const files = [
      file('a.pgb', fixture.shenyang1),
      file('b.pgb', fixture.shenyang2),
      file('c.pgb', fixture.dalian),
    ];
    const items = await prepareBatch(db, files, options());
    const bSheets = new Set(
      items[1]?.prepared?.opened.kind === 'scores'
        ? items[1].prepared.opened.payload.scoresheets.map((s) => s.id)
        : [],
    );
    expect(bSheets.size).toBe(2);
    // The database refuses b.pgb's sheets (as a full disk would refuse a write): the group's
    // transaction fails, and a.pgb and c.pgb are written in transactions of their own.
    db.scoresheets.hook('creating', (key: unknown) => {
      if (typeof key === 'string' && bSheets.has(key)) throw new Error('写入被拒绝');
    });
    const { actor, clock, newId } = commitDeps();
    const summary = await commitBatch(db, items, {
      actor,
      clock,
      newId,
      ...confirmEveryKey(items),
    });
    expect(summary.files.map((f) => [f.fileName, f.outcome, f.summary?.counts.added])).toEqual([
      ['a.pgb', 'imported', 4],
      ['b.pgb', 'failed', undefined],
      ['c.pgb', 'imported', 2],
    ]);
    expect(summary.files[1]?.error?.message).toContain('b.pgb');
    expect(await db.scoresheets.count()).toBe(6);
    expect(await db.bundleImports.count()).toBe(2);
    expect((await db.scoresheets.toArray()).filter((s) => bSheets.has(s.id))).toEqual([]);
  });

  it('refuses a score bundle of another round and names both rounds', async () => {
    const db = await machine();
    const other = buildExchangeRound();
    await putExchangeRound(db, other);
    const { summary } = await runBatchImport(db, [file('x.pgb', fixture.dalian)], {
      ...options(),
      roundId: other.round.id,
      ...commitDeps(),
    });
    expect(summary.files[0]?.error?.code).toBe('wrongRound');
    expect(await db.scoresheets.count()).toBe(0);
  });

  it('commits only the files a person chose', async () => {
    const db = await secretariat();
    const files = [file('a.pgb', fixture.shenyang1), file('b.pgb', fixture.dalian)];
    const { summary } = await runBatchImport(db, files, {
      ...options(),
      ...commitDeps(),
      review: () => ({ accepted: new Set([1]), acceptNewKey: new Set([1]) }),
    });
    expect(summary.files.map((f) => [f.outcome, f.skipped])).toEqual([
      ['skipped', 'notSelected'],
      ['imported', undefined],
    ]);
    expect(await db.scoresheets.count()).toBe(2);
  });
});

describe('encrypted score bundles', () => {
  it('wait for their panel’s passphrase, which one field unlocks for every file of the panel', async () => {
    const db = await secretariat();
    const files = [file('明文.pgb', fixture.shenyang1), file('加密.pgb', fixture.dalianEncrypted)];
    const items = await prepareBatch(db, files, options());
    const [dalian] = fixture.r.panels.slice(1);
    expect(items[1]).toMatchObject({
      status: 'locked',
      encrypted: true,
      panelId: dalian?.id,
      panelName: '大连组',
    });
    expect(items[1]?.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);

    const wrong = await unlockBatch(db, items, {
      ...options(),
      passphrases: { [dalian?.id ?? '']: '不是这个口令' },
    });
    expect(wrong[1]).toMatchObject({ status: 'locked', wrongPassphrase: true });
    expect(wrong[0]).toBe(items[0]);

    const unlocked = await unlockBatch(db, wrong, {
      ...options(),
      passphrases: { [dalian?.id ?? '']: PASSPHRASE },
    });
    expect(unlocked[1]).toMatchObject({ status: 'ready', encrypted: true, counts: { added: 2 } });

    const { actor, clock, newId } = commitDeps();
    const summary = await commitBatch(db, unlocked, {
      actor,
      clock,
      newId,
      accepted: new Set([0, 1]),
      acceptNewKey: new Set([0, 1]),
      yieldToEventLoop: () => Promise.resolve(),
    });
    expect(summary).toMatchObject({ imported: 2, failed: 0 });
    expect(await db.scoresheets.count()).toBe(6);
  });

  it('are skipped, not failed, when nobody gives the passphrase', async () => {
    const db = await secretariat();
    const { summary } = await runBatchImport(db, [file('加密.pgb', fixture.dalianEncrypted)], {
      ...options(),
      ...clerk(),
    });
    expect(summary.files[0]).toMatchObject({ outcome: 'skipped', skipped: 'locked' });
    expect(await db.scoresheets.count()).toBe(0);
  });
});

describe('a changed signing key', () => {
  it('is imported only when a person accepted the new key', async () => {
    const db = await secretariat();
    await runBatchImport(db, [file('first.pgb', fixture.dalian)], {
      ...options(),
      ...clerk(),
    });
    // The same laptop id, but signed with another key (a reinstalled laptop, or a forgery).
    const source = await machine();
    await putExchangeRound(source, fixture.r);
    const [, dalian] = fixture.r.panels;
    const forged = await laptopScoresBundle(source, fixture.r, dalian.id, {
      deviceId: 'laptop-3',
      signerName: 'intruder',
    });

    const refused = await runBatchImport(db, [file('second.pgb', forged)], {
      ...options(),
      ...commitDeps(),
    });
    expect(refused.items[0]?.status).toBe('keyMismatch');
    expect(refused.summary.files[0]).toMatchObject({ outcome: 'skipped', skipped: 'notSelected' });

    const accepted = await runBatchImport(db, [file('second.pgb', forged)], {
      ...options(),
      ...commitDeps(),
      review: () => ({ accepted: new Set([0]), acceptNewKey: new Set([0]) }),
    });
    expect(accepted.summary.files[0]?.outcome).toBe('imported');
    expect(accepted.summary.files[0]?.summary?.keyReplaced).toBe(true);
  });
});
