// Issuing round bundles to the panels: refused before anything is written when a panel is not
// ready; otherwise one signed bundle per panel (encrypted where asked) into one folder, which a
// panel laptop opens, and the issue recorded only once the files are written.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../../renderer/db/database';
import { databaseDigest } from '../../../../../renderer/db/bundles/digest';
import { getIssuedBundles } from '../../../../../renderer/db/repositories/issueRepository';
import { issueRoundBundles } from '../../../../../renderer/features/secretariat/exchange/issueRoundBundles';
import type {
  FolderFile,
  IssueDeps,
} from '../../../../../renderer/features/secretariat/exchange/issueRoundBundles';
import { openBundle } from '../../../../../shared/bundle/bundle';
import { publicKeyFingerprint } from '../../../../../shared/bundle/bundleCrypto';
import type { SaveToFolderValue } from '../../../../../shared/ipc/contract';
import { fail, ok } from '../../../../../shared/ipc/result';
import type { DesktopResult } from '../../../../../shared/ipc/result';
import { openTestDatabase } from '../../../../helpers/db';
import { buildExchangeRound, putExchangeRound } from '../../../../helpers/exchangeBuilders';
import { importBundle, keyOf, testCrypto } from '../../../../helpers/importBuilders';

const opened: PingguDatabase[] = [];
async function machine(): Promise<PingguDatabase> {
  const db = await openTestDatabase();
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const NOW = '2024-05-10T09:00:00.000Z';
const PASSPHRASE = '大连组现场口令';

type Folder = { written: FolderFile[][] };

async function depsWith(
  answer: (files: FolderFile[]) => DesktopResult<SaveToFolderValue>,
): Promise<{ deps: IssueDeps; folder: Folder }> {
  const key = await keyOf('secretariat');
  const folder: Folder = { written: [] };
  return {
    folder,
    deps: {
      signer: {
        privateKey: key.privateKey,
        publicKeyRaw: key.publicKeyRaw,
        fingerprint: await publicKeyFingerprint(testCrypto, key.publicKeyRaw),
      },
      deviceId: 'secretariat-pc',
      appVersion: '0.1.0',
      crypto: testCrypto,
      clock: { now: () => NOW },
      actor: '秘书处',
      saveToFolder: async (files) => {
        folder.written.push(files);
        return answer(files);
      },
    },
  };
}

async function setUp() {
  const db = await machine();
  const r = buildExchangeRound({ status: 'setup' });
  await putExchangeRound(db, r);
  return { db, r };
}

describe('issueRoundBundles', () => {
  it('writes one signed bundle per panel into one folder and records the issue', async () => {
    const { db, r } = await setUp();
    const [shenyang, dalian] = r.panels;
    // The folder already holds a file of the second name: the desktop renames it.
    const { deps, folder } = await depsWith((files) =>
      ok({
        saved: true,
        folder: 'E:\\评审包',
        names: files.map((f, i) => (i === 1 ? f.name.replace('.pgb', ' (2).pgb') : f.name)),
      }),
    );
    const outcome = await issueRoundBundles(
      db,
      {
        roundId: r.round.id,
        panels: [{ panelId: shenyang.id }, { panelId: dalian.id, passphrase: PASSPHRASE }],
      },
      deps,
    );
    if (outcome.kind !== 'issued') throw new Error(`not issued: ${JSON.stringify(outcome)}`);
    expect(outcome.folder).toBe('E:\\评审包');
    expect(folder.written).toHaveLength(1);
    const files = folder.written[0] ?? [];
    expect(files.map((f) => f.name)).toEqual([
      `评审包-沈阳组-${r.round.name}.pgb`,
      `评审包-大连组-${r.round.name}.pgb`,
    ]);

    const plain = await openBundle(files[0]?.bytes ?? new Uint8Array(), { crypto: testCrypto });
    if (!plain.ok || plain.kind !== 'round') throw new Error('first bundle does not open');
    expect(plain.manifest.panelId).toBe(shenyang.id);
    expect(plain.signer.fingerprint).toBe(deps.signer.fingerprint);
    expect(plain.payload.round.status).toBe('issued');
    expect(plain.payload.bases.map((b) => b.name).sort()).toEqual(
      r.bases
        .filter((b) => b.panelId === shenyang.id)
        .map((b) => b.name)
        .sort(),
    );
    expect(plain.payload.templates.every((t) => t.frozenAt === NOW)).toBe(true);

    const locked = await openBundle(files[1]?.bytes ?? new Uint8Array(), { crypto: testCrypto });
    expect(!locked.ok && locked.error.code).toBe('passphraseRequired');
    const unlocked = await openBundle(files[1]?.bytes ?? new Uint8Array(), {
      crypto: testCrypto,
      passphrase: PASSPHRASE,
    });
    expect(unlocked.ok && unlocked.manifest.kind === 'round' && unlocked.manifest.panelId).toBe(
      dalian.id,
    );

    expect((await db.rounds.get(r.round.id))?.status).toBe('issued');
    expect((await db.templates.toArray()).every((t) => t.frozenAt === NOW)).toBe(true);
    const issued = await getIssuedBundles(db, r.round.id);
    expect(issued[shenyang.id]).toMatchObject({
      fileName: `评审包-沈阳组-${r.round.name}.pgb`,
      encrypted: false,
      bases: 2,
      experts: 3,
      fingerprint: deps.signer.fingerprint,
      issuedAt: NOW,
    });
    expect(issued[dalian.id]).toMatchObject({
      fileName: `评审包-大连组-${r.round.name} (2).pgb`,
      encrypted: true,
      bases: 1,
      experts: 2,
    });
    // Each record carries the SHA-256 of the exact bytes handed to the folder.
    const sha256Of = (bytes: Uint8Array | undefined) =>
      createHash('sha256')
        .update(bytes ?? new Uint8Array())
        .digest('hex');
    expect(issued[shenyang.id]?.sha256).toBe(sha256Of(files[0]?.bytes));
    expect(issued[dalian.id]?.sha256).toBe(sha256Of(files[1]?.bytes));
    expect(issued[shenyang.id]?.sha256).not.toBe(issued[dalian.id]?.sha256);
    expect(outcome.bundles.map((b) => b.sha256)).toEqual(files.map((f) => sha256Of(f.bytes)));
    const audit = await db.auditLog.where('roundId').equals(r.round.id).toArray();
    expect(audit.map((e) => e.action)).toEqual(['round.issue', 'round.issue']);
  });

  it('gives a panel laptop a bundle it imports, with the round and templates as recorded', async () => {
    const { db, r } = await setUp();
    const [, dalian] = r.panels;
    const { deps, folder } = await depsWith((files) =>
      ok({ saved: true, names: files.map((f) => f.name) }),
    );
    await issueRoundBundles(
      db,
      { roundId: r.round.id, panels: [{ panelId: dalian.id, passphrase: PASSPHRASE }] },
      deps,
    );
    const laptop = await machine();
    const bytes = folder.written[0]?.[0]?.bytes ?? new Uint8Array();
    const summary = await importBundle(laptop, bytes, {
      prepare: { expectedKinds: ['round'], passphrase: PASSPHRASE },
    });
    expect(summary.keyPinned).toBe(true);
    expect(await laptop.rounds.get(r.round.id)).toEqual(await db.rounds.get(r.round.id));
    const dalianBase = r.bases.find((b) => b.panelId === dalian.id);
    const template = await db.templates.get(r.round.templateByType[dalianBase?.type ?? 'A1'] ?? '');
    expect(await laptop.templates.toArray()).toEqual([template]);
    expect((await laptop.experts.toArray()).map((e) => e.name).sort()).toEqual(['赵丽', '陈刚']);
  });

  it('refuses a panel that is not ready and writes nothing', async () => {
    const { db, r } = await setUp();
    const [shenyang, dalian] = r.panels;
    const { chairExpertId: _chair, ...withoutChair } = dalian;
    await db.panels.put(withoutChair);
    await db.assignments.bulkDelete(
      r.assignments.filter((a) => a.panelId === shenyang.id).map((a) => a.id),
    );
    const before = await databaseDigest(db);
    const { deps, folder } = await depsWith((files) =>
      ok({ saved: true, names: files.map((f) => f.name) }),
    );
    const outcome = await issueRoundBundles(
      db,
      { roundId: r.round.id, panels: [{ panelId: shenyang.id }, { panelId: dalian.id }] },
      deps,
    );
    expect(
      outcome.kind === 'notReady' && outcome.panels.map((p) => [p.panel.name, p.problems]),
    ).toEqual([
      [
        '沈阳组',
        [
          {
            code: 'unassignedBases',
            bases: r.bases.filter((b) => b.panelId === shenyang.id).map((b) => b.name),
          },
        ],
      ],
      ['大连组', [{ code: 'noChair' }]],
    ]);
    expect(folder.written).toEqual([]);
    expect(await databaseDigest(db)).toBe(before);
  });

  it('records nothing when the folder choice is cancelled or the files cannot be written', async () => {
    const { db, r } = await setUp();
    const before = await databaseDigest(db);
    const request = { roundId: r.round.id, panels: [{ panelId: r.panels[0].id }] };

    const cancelled = await depsWith(() => ok({ saved: false }));
    expect(await issueRoundBundles(db, request, cancelled.deps)).toEqual({ kind: 'cancelled' });

    const full = await depsWith(() => fail('ioFailed', 'U 盘已满，文件未能写入。'));
    expect(await issueRoundBundles(db, request, full.deps)).toEqual({
      kind: 'failed',
      message: 'U 盘已满，文件未能写入。',
    });
    expect(await databaseDigest(db)).toBe(before);
  });

  it('refuses to issue nothing, an unknown panel, or a closed round', async () => {
    const { db, r } = await setUp();
    const { deps, folder } = await depsWith((files) =>
      ok({ saved: true, names: files.map((f) => f.name) }),
    );
    expect(await issueRoundBundles(db, { roundId: r.round.id, panels: [] }, deps)).toMatchObject({
      kind: 'failed',
    });
    const unknown = await issueRoundBundles(
      db,
      { roundId: r.round.id, panels: [{ panelId: 'panel-nowhere' }] },
      deps,
    );
    expect(unknown).toMatchObject({ kind: 'failed' });
    await db.rounds.put({ ...r.round, status: 'closed' });
    const closed = await issueRoundBundles(
      db,
      { roundId: r.round.id, panels: [{ panelId: r.panels[0].id }] },
      deps,
    );
    expect(closed).toEqual({ kind: 'failed', message: '本轮次已结束，不能再下发评审任务。' });
    expect(folder.written).toEqual([]);
  });
});
