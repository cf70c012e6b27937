import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import { databaseDigest } from '../../../renderer/db/bundles/digest';
import {
  acceptanceNotice,
  commitAcceptance,
  importApprovals,
  prepareAcceptance,
  previewApprovals,
} from '../../../renderer/db/repositories/registryRepository';
import type {
  AcceptanceDeps,
  AcceptancePreview,
  ApprovalsSource,
} from '../../../renderer/db/repositories/registryRepository';
import { loadRegistryInputs } from '../../../renderer/db/registryHooks';
import { generateSigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import type { SigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import { derivedBaseCode } from '../../../shared/roster';
import { buildRegistry } from '../../../shared/registry/fold';
import { testClock } from '../../helpers/builders';
import { makeBundle } from '../../helpers/bundleBuilders';
import { openTestDatabase } from '../../helpers/db';
import {
  approvalsGrid,
  CYCLE_BASES,
  CYCLE_ROUND_ID,
  cycleResultBundle,
  cycleResultPayload,
} from '../../helpers/registryAcceptBuilders';
import type { CycleRoundOptions } from '../../helpers/registryAcceptBuilders';

const ACTOR = '省科技厅 刘洋';
let db: PingguDatabase;
let signer: SigningKeyPair;

beforeEach(async () => {
  db = await openTestDatabase();
  signer ??= await generateSigningKeyPair(globalThis.crypto);
});

afterEach(async () => {
  await db.delete();
});

const deps = (): AcceptanceDeps => ({
  ...testClock('2024-07-01T02:00:00.000Z'),
  crypto: globalThis.crypto,
  actor: ACTOR,
});

const approvals = (rows = approvalsGrid()): ApprovalsSource => ({
  fileName: '批建名单.xlsx',
  rows,
  sha256: 'a'.repeat(64),
});

async function bundle(options: CycleRoundOptions = {}): Promise<Uint8Array> {
  return cycleResultBundle(cycleResultPayload(options), signer);
}

async function prepared(bytes: Uint8Array, name = '结果.pgb'): Promise<AcceptancePreview> {
  const result = await prepareAcceptance(db, bytes, name, deps());
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function accept(bytes: Uint8Array) {
  const preview = await prepared(bytes);
  const committed = await commitAcceptance(db, preview, { ...deps(), actor: ACTOR });
  if (!committed.ok) throw new Error(committed.error.message);
  return { preview, committed: committed.value };
}

async function registry() {
  const inputs = await loadRegistryInputs(db);
  return buildRegistry(inputs.approvals, inputs.rounds);
}

describe('accepting a closed round into the registry', () => {
  it('applies every decision of the round in one write, audited, after a preview that listed them', async () => {
    await importApprovals(db, approvals(), ACTOR, testClock());
    const before = await databaseDigest(db);
    const preview = await prepared(await bundle());
    expect(await databaseDigest(db)).toBe(before);
    expect(preview.action).toBe('new');
    expect(preview.incoming.roundId).toBe(CYCLE_ROUND_ID);
    expect(preview.signerFingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/u);
    expect(preview.bundleSha256).toMatch(/^[0-9a-f]{64}$/u);
    const statusChanges = preview.changes
      .filter((c) => c.kind === 'status')
      .map((c) => [c.code, c.to]);
    expect(statusChanges).toEqual([
      ['LN-REG-002', 'merged'],
      ['LN-REG-004', 'rectifying'],
      ['LN-REG-006', 'revoked'],
    ]);

    const committed = await commitAcceptance(db, preview, { ...testClock(), actor: ACTOR });
    expect(committed.ok && committed.value).toMatchObject({
      action: 'new',
      written: true,
      replanned: false,
    });
    const state = await registry();
    const byCode = new Map(state.bases.map((b) => [b.code, b]));
    expect(byCode.get('LN-REG-001')).toMatchObject({
      status: 'active',
      type: 'A1',
      previousType: 'keyLaboratory',
    });
    expect(byCode.get('LN-REG-001')?.legacyType).toBeUndefined();
    expect(byCode.get('LN-REG-002')).toMatchObject({ status: 'merged', mergedInto: 'LN-REG-003' });
    expect(byCode.get('LN-REG-004')).toMatchObject({
      status: 'rectifying',
      rectifyUntil: '2025-06-20',
    });
    expect(byCode.get('LN-REG-005')).toMatchObject({
      status: 'active',
      type: 'B3',
      previousType: 'engineeringResearchCenter',
    });
    expect(byCode.get('LN-REG-006')?.status).toBe('revoked');
    expect(byCode.get('LN-REG-003')?.history).toEqual([
      expect.objectContaining({ roundId: CYCLE_ROUND_ID, aggregate: 84.25, grade: 'good' }),
    ]);
    const audit = (await db.auditLog.toArray()).filter((e) => e.action === 'registry.accept');
    expect(audit).toEqual([
      expect.objectContaining({ roundId: CYCLE_ROUND_ID, entityId: CYCLE_ROUND_ID, actor: ACTOR }),
    ]);
  });

  it('changes nothing when the same bundle is accepted again', async () => {
    const bytes = await bundle();
    await accept(bytes);
    const before = await databaseDigest(db);
    const again = await accept(bytes);
    expect(again.preview.action).toBe('unchanged');
    expect(again.preview.changes).toEqual([]);
    expect(acceptanceNotice(again.preview)).toContain('再次接收不会有任何更改');
    expect(again.committed).toMatchObject({ action: 'unchanged', written: false });
    expect(await databaseDigest(db)).toBe(before);
  });

  it('takes a newer version of the same round in place of the older one', async () => {
    await accept(await bundle({ version: 1 }));
    const { preview, committed } = await accept(
      await bundle({ version: 2, rectifiedDecision: { code: 'keepAdjust' } }),
    );
    expect(preview.action).toBe('replace');
    expect(preview.previous?.version).toBe(1);
    expect(preview.changes).toContainEqual(
      expect.objectContaining({
        code: 'LN-REG-004',
        kind: 'status',
        from: 'rectifying',
        to: 'active',
      }),
    );
    expect(committed.written).toBe(true);
    const stored = await db.registryRounds.toArray();
    expect(stored.map((r) => [r.roundId, r.version])).toEqual([[CYCLE_ROUND_ID, 2]]);
    const base = (await registry()).bases.find((b) => b.code === 'LN-REG-004');
    expect(base?.status).toBe('active');
    expect(base?.rectifyUntil).toBeUndefined();
  });

  it('refuses an older version once a newer one is stored, writing nothing', async () => {
    const older = await bundle({ version: 1 });
    await accept(await bundle({ version: 2 }));
    const before = await databaseDigest(db);
    const { preview, committed } = await accept(older);
    expect(preview.action).toBe('older');
    expect(acceptanceNotice(preview)).toContain('较新版本（第 2 版');
    expect(committed).toMatchObject({ action: 'older', written: false });
    expect(await databaseDigest(db)).toBe(before);
  });

  it('gives the same registry whichever version arrives first', async () => {
    const v1 = await bundle({ version: 1 });
    const v2 = await bundle({ version: 2, rectifiedDecision: { code: 'revoke' } });
    await accept(v2);
    await accept(v1);
    const late = await registry();
    await db.registryRounds.clear();
    await accept(v1);
    await accept(v2);
    expect(await registry()).toEqual(late);
  });

  it('refuses the bundle of an open round with the reason, and the database is unchanged', async () => {
    await importApprovals(db, approvals(), ACTOR, testClock());
    const before = await databaseDigest(db);
    const result = await prepareAcceptance(db, await bundle({ open: true }), '进行中.pgb', deps());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('进行中.pgb');
    expect(result.error.message).toContain('尚未结束评估');
    expect(result.error.cause).toEqual({ code: 'roundOpen' });
    expect(await databaseDigest(db)).toBe(before);
  });

  it('refuses decisions that merge into a base the round does not have', async () => {
    const before = await databaseDigest(db);
    const result = await prepareAcceptance(
      db,
      await bundle({ unknownMergeTarget: true }),
      '结果.pgb',
      deps(),
    );
    expect(result.ok || result.error.cause).toEqual({ code: 'unknownMergeTarget' });
    expect(await databaseDigest(db)).toBe(before);
  });

  it('refuses a bundle of another kind, a damaged bundle and a file that is no bundle', async () => {
    const round = await makeBundle('round');
    const wrongKind = await prepareAcceptance(db, round.bytes, '评审包.pgb', deps());
    expect(wrongKind.ok || wrongKind.error.cause).toEqual({ code: 'wrongKind' });
    const bytes = await bundle();
    const damaged = bytes.slice();
    damaged[damaged.length - 200] = (damaged[damaged.length - 200] ?? 0) ^ 0xff;
    const broken = await prepareAcceptance(db, damaged, '损坏.pgb', deps());
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.message).toContain('损坏.pgb');
    const text = await prepareAcceptance(db, new TextEncoder().encode('hello'), 'a.pgb', deps());
    expect(text.ok).toBe(false);
    expect(await db.registryRounds.count()).toBe(0);
  });

  it('commits what is true at commit time when another acceptance came in after the preview', async () => {
    const v1 = await bundle({ version: 1 });
    const preview = await prepared(v1);
    expect(preview.action).toBe('new');
    await accept(await bundle({ version: 2 }));
    const committed = await commitAcceptance(db, preview, { ...testClock(), actor: ACTOR });
    expect(committed.ok && committed.value).toMatchObject({
      action: 'older',
      written: false,
      replanned: true,
    });
    expect((await db.registryRounds.toArray()).map((r) => r.version)).toEqual([2]);
  });
});

describe('importing new approvals (批建)', () => {
  it('previews every row as new, then stores one approval per code with one audit entry', async () => {
    const plan = await previewApprovals(db, approvals(), testClock());
    expect(plan.problems).toEqual([]);
    expect(plan.headerRow).toBe(2);
    expect(plan.counts).toEqual({ new: 6, updated: 0, unchanged: 0 });
    expect(await db.registryApprovals.count()).toBe(0);

    const result = await importApprovals(db, approvals(), ACTOR, testClock());
    expect(result).toEqual({ ok: true, value: { added: 6, updated: 0, unchanged: 0 } });
    const stored = await db.registryApprovals.orderBy('code').toArray();
    expect(stored.map((a) => a.code)).toEqual(CYCLE_BASES.map((b) => b.code));
    expect(stored[0]).toMatchObject({
      type: 'A1',
      legacyType: 'keyLaboratory',
      city: '沈阳',
      year: 2008,
      sourceSha256: 'a'.repeat(64),
    });
    const audit = (await db.auditLog.toArray()).filter((e) => e.action === 'registry.approve');
    expect(audit).toEqual([expect.objectContaining({ roundId: 'registry', actor: ACTOR })]);
    expect((await registry()).bases.map((b) => b.status)).toEqual(Array(6).fill('active'));
  });

  it('changes nothing when the same file is imported twice', async () => {
    await importApprovals(db, approvals(), ACTOR, testClock());
    const before = await databaseDigest(db);
    const again = await importApprovals(db, approvals(), ACTOR, testClock('2025-01-01T00:00:00Z'));
    expect(again).toEqual({ ok: true, value: { added: 0, updated: 0, unchanged: 6 } });
    expect(await databaseDigest(db)).toBe(before);
  });

  it('gives a row without a code the same code each time, and updates a corrected row', async () => {
    const withoutCodes = approvalsGrid().map((row, i) =>
      i < 2 ? row : [row[0] ?? '', '', ...row.slice(2)],
    );
    await importApprovals(db, approvals(withoutCodes), ACTOR, testClock());
    const first = CYCLE_BASES[0];
    const code = derivedBaseCode({ name: first?.name ?? '', hostInstitution: first?.host ?? '' });
    expect(await db.registryApprovals.get(code)).toMatchObject({ name: first?.name });
    const corrected = withoutCodes.map((row, i) =>
      i === 2 ? row.map((cell, c) => (c === 6 ? '张明远' : cell)) : row,
    );
    const plan = await previewApprovals(db, approvals(corrected), testClock());
    expect(plan.counts).toEqual({ new: 0, updated: 1, unchanged: 5 });
    expect(plan.rows.find((r) => r.status === 'updated')?.previous?.director).toBe('张明');
    await importApprovals(db, approvals(corrected), ACTOR, testClock());
    expect((await db.registryApprovals.get(code))?.director).toBe('张明远');
    expect(await db.registryApprovals.count()).toBe(6);
  });

  it('refuses a file with a bad row, naming row and column, and writes nothing', async () => {
    const rows = approvalsGrid();
    rows[3] = rows[3]?.map((cell, c) => (c === 5 ? '北京' : cell)) ?? [];
    const before = await databaseDigest(db);
    const plan = await previewApprovals(db, approvals(rows), testClock());
    expect(plan.problems.map((p) => [p.row, p.column])).toEqual([[4, '所在地市']]);
    const result = await importApprovals(db, approvals(rows), ACTOR, testClock());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain('第 4 行「所在地市」');
      expect(result.error.message).toContain('本次没有写入任何批建');
    }
    expect(await databaseDigest(db)).toBe(before);
  });

  it('refuses a sheet without the roster header', async () => {
    const result = await importApprovals(
      db,
      approvals([
        ['名称', '金额'],
        ['x', '1'],
      ]),
      ACTOR,
      testClock(),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toContain('未找到同时含有「基地名称」和「基地类型」的表头行');
  });

  it('refuses a code that contradicts the code the registry has for the same base', async () => {
    await accept(await bundle());
    const first = CYCLE_BASES[0];
    const rows = [
      ['基地编号', '基地名称', '基地类型', '依托单位', '所在地市', '批建年份'],
      ['LN-OTHER', first?.name ?? '', '重点实验室', first?.host ?? '', '沈阳', '2008'],
    ];
    const plan = await previewApprovals(db, approvals(rows), testClock());
    expect(plan.problems).toEqual([expect.objectContaining({ row: 2, column: '基地编号' })]);
    expect(plan.problems[0]?.message).toContain('LN-REG-001');
  });
});
