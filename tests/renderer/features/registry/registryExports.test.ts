// The registry area's exports against a real database holding the hand-worked cycle of
// tests/helpers/registryAcceptBuilders.ts: the registry bundle for the next round is signed,
// opens like any bundle, leaves revoked and merged bases out and is audited once saved;
// nothing is audited when the save is cancelled or nothing is chosen. The 基地库 workbook
// reads back with the product's reader, and the table's filters narrow what is exported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { loadRegistryInputs } from '../../../../renderer/db/registryHooks';
import {
  commitAcceptance,
  importApprovals,
  prepareAcceptance,
} from '../../../../renderer/db/repositories/registryRepository';
import { basesWorkbookBytes } from '../../../../renderer/features/registry/basesWorkbook';
import { filterBases } from '../../../../renderer/features/registry/basesFilter';
import { exportRegistryBundle } from '../../../../renderer/features/registry/registryBundleExport';
import type { RegistryBundleDeps } from '../../../../renderer/features/registry/registryBundleExport';
import { openBundle } from '../../../../shared/bundle/bundle';
import {
  generateSigningKeyPair,
  publicKeyFingerprint,
} from '../../../../shared/bundle/bundleCrypto';
import type { SaveBundleRequest } from '../../../../shared/ipc/contract';
import { ok } from '../../../../shared/ipc/result';
import { buildRegistry } from '../../../../shared/registry/fold';
import type { RegistryState } from '../../../../shared/registry/types';
import { readXlsx } from '../../../../shared/xlsx/read';
import { testClock } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import {
  approvalsGrid,
  cycleResultBundle,
  cycleResultPayload,
} from '../../../helpers/registryAcceptBuilders';

const crypto = globalThis.crypto;
const ACTOR = '省科技厅 刘洋';
let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
  const clock = testClock('2024-07-01T00:00:00.000Z');
  await importApprovals(
    db,
    { fileName: '批建.xlsx', rows: approvalsGrid(), sha256: 'b'.repeat(64) },
    ACTOR,
    clock,
  );
  const signer = await generateSigningKeyPair(crypto);
  const bytes = await cycleResultBundle(cycleResultPayload(), signer);
  const preview = await prepareAcceptance(db, bytes, '结果.pgb', {
    ...clock,
    crypto,
    actor: ACTOR,
  });
  if (!preview.ok) throw new Error(preview.error.message);
  await commitAcceptance(db, preview.value, { ...clock, actor: ACTOR });
});

afterEach(async () => {
  await db.delete();
});

async function registry(): Promise<RegistryState> {
  const inputs = await loadRegistryInputs(db);
  return buildRegistry(inputs.approvals, inputs.rounds);
}

async function deps(saved: SaveBundleRequest[], cancel = false): Promise<RegistryBundleDeps> {
  const keys = await generateSigningKeyPair(crypto);
  const fingerprint = await publicKeyFingerprint(crypto, keys.publicKeyRaw);
  return {
    signer: { ...keys, fingerprint },
    deviceId: 'department-pc',
    appVersion: '0.1.0',
    crypto,
    now: () => '2025-03-01T02:00:00.000Z',
    actor: ACTOR,
    saveBundle: async (request) => {
      saved.push(request);
      return ok(cancel ? { saved: false as const } : { saved: true as const });
    },
  };
}

const exportAudits = async () =>
  (await db.auditLog.toArray()).filter((e) => e.action === 'registry.export');

describe('the registry bundle for the next round', () => {
  it('is signed, opens as a registry bundle and leaves the revoked and merged bases out', async () => {
    const saved: SaveBundleRequest[] = [];
    const outcome = await exportRegistryBundle(
      db,
      {
        year: 2025,
        title: '2025年度省级科技创新基地评估名单',
        selection: { purpose: 'periodic' },
        suggestedName: '基地库名单-2025年-4个基地',
      },
      await deps(saved),
    );
    expect(outcome).toMatchObject({
      kind: 'saved',
      bases: 4,
      codes: ['LN-REG-001', 'LN-REG-003', 'LN-REG-004', 'LN-REG-005'],
    });
    const [file] = saved;
    if (!file) throw new Error('nothing saved');
    const opened = await openBundle(file.bytes, { crypto, expectedKinds: ['registry'] });
    if (!opened.ok || opened.kind !== 'registry') throw new Error('not a registry bundle');
    expect(opened.payload.registry.year).toBe(2025);
    expect(opened.payload.registry.bases.map((b) => [b.code, b.status])).toEqual([
      ['LN-REG-001', 'active'],
      ['LN-REG-003', 'active'],
      ['LN-REG-004', 'rectifying'],
      ['LN-REG-005', 'active'],
    ]);
    expect(opened.signer.fingerprint).toBe(outcome.kind === 'saved' ? outcome.fingerprint : '');
    const audits = await exportAudits();
    expect(audits).toEqual([
      expect.objectContaining({
        roundId: 'registry',
        actor: ACTOR,
        entityId: outcome.kind === 'saved' ? outcome.sha256 : '',
      }),
    ]);
    expect(audits[0]?.detail).toContain('4 个基地');
  });

  it('takes only the rectifications due for a follow-up round', async () => {
    const saved: SaveBundleRequest[] = [];
    const early = await exportRegistryBundle(
      db,
      {
        year: 2025,
        title: '复评',
        selection: { purpose: 'followUp', rectifyDueBy: '2025-06-19' },
        suggestedName: '复评',
      },
      await deps(saved),
    );
    expect(early.kind).toBe('empty');
    const due = await exportRegistryBundle(
      db,
      {
        year: 2025,
        title: '复评',
        selection: { purpose: 'followUp', rectifyDueBy: '2025-06-20' },
        suggestedName: '复评',
      },
      await deps(saved),
    );
    expect(due).toMatchObject({ kind: 'saved', codes: ['LN-REG-004'] });
    expect(saved).toHaveLength(1);
    expect(await exportAudits()).toHaveLength(1);
  });

  it('audits nothing when the save is cancelled', async () => {
    const saved: SaveBundleRequest[] = [];
    const outcome = await exportRegistryBundle(
      db,
      { year: 2025, title: '名单', selection: { purpose: 'periodic' }, suggestedName: '名单' },
      await deps(saved, true),
    );
    expect(outcome.kind).toBe('cancelled');
    expect(saved).toHaveLength(1);
    expect(await exportAudits()).toEqual([]);
  });
});

describe('the 基地库 table and its Excel export', () => {
  it('filters by status, type and search, and exports exactly the rows shown', async () => {
    const { bases } = await registry();
    expect(filterBases(bases, { status: 'active' }).map((b) => b.code)).toEqual([
      'LN-REG-001',
      'LN-REG-003',
      'LN-REG-005',
    ]);
    expect(filterBases(bases, { type: 'B3' }).map((b) => b.code)).toEqual(['LN-REG-005']);
    expect(filterBases(bases, { search: ' 东北 大学' }).map((b) => b.code)).toEqual(['LN-REG-001']);
    expect(filterBases(bases, { search: 'ln-reg-006' }).map((b) => b.code)).toEqual(['LN-REG-006']);
    expect(filterBases(bases, { city: '大连', year: 2012 }).map((b) => b.code)).toEqual([
      'LN-REG-002',
    ]);

    const shown = filterBases(bases, { category: 'B' });
    const read = readXlsx(basesWorkbookBytes(shown, bases));
    if (!read.ok) throw new Error(read.message);
    const [sheet, history] = read.sheets;
    expect(sheet?.name).toBe('基地库');
    const rows = sheet?.rows ?? [];
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'LN-REG-002',
      'LN-REG-003',
      'LN-REG-004',
      'LN-REG-005',
    ]);
    const merged = rows.find((r) => r[0] === 'LN-REG-002') ?? [];
    expect(merged.slice(12, 16)).toEqual([
      '已并入',
      '',
      'LN-REG-003',
      '辽宁省化工过程工程技术研究中心',
    ]);
    const rectified = rows.find((r) => r[0] === 'LN-REG-004') ?? [];
    expect(rectified.slice(12, 14)).toEqual(['限期整改', '2025-06-20']);
    const converted = rows.find((r) => r[0] === 'LN-REG-005') ?? [];
    expect(converted.slice(3, 6)).toEqual(['B3', '省产业共性技术创新中心', '工程研究中心']);
    expect(history?.rows.length).toBe(5);
  });
});
