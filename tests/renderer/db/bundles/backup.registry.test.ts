// Backups carry the department's registry (format version 4): a department laptop restored
// from one has its accepted rounds, approvals (批建), history lines and 后补助 settings back,
// so its bases, statuses, flows and funding are those it had. A backup of version 3 restores
// with an empty registry; a damaged registry record is refused and nothing is written.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { exportBackupPayload } from '../../../../renderer/db/bundles/backup';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import { prepareImport } from '../../../../renderer/db/bundles/prepareImport';
import {
  fundingRuleFor,
  readFundingSettings,
  saveFundingRule,
} from '../../../../renderer/db/repositories/fundingRepository';
import { loadRegistryInputs } from '../../../../renderer/db/registryHooks';
import { registryFlows } from '../../../../shared/registry/flows';
import { buildRegistry } from '../../../../shared/registry/fold';
import { computeFunding } from '../../../../shared/registry/funding';
import type { RegistryHistoryRow } from '../../../../shared/registry/roster';
import * as golden from '../../../fixtures/bundles/v4/records';
import { testClock } from '../../../helpers/builders';
import { craftBundle, partsOf } from '../../../helpers/bundleBuilders';
import { openTestDatabase } from '../../../helpers/db';
import {
  backupBundle,
  importBundle,
  keyOf,
  prepareOptions,
  valueOf,
} from '../../../helpers/importBuilders';
import { buildAcceptedRound, buildApproval, buildOutcome } from '../../../helpers/registryBuilders';

let department: PingguDatabase;
let restored: PingguDatabase;

beforeEach(async () => {
  [department, restored] = await Promise.all([openTestDatabase(), openTestDatabase()]);
});

afterEach(async () => {
  await Promise.all([department.delete(), restored.delete()]);
});

const backup = { expectedKinds: ['backup' as const] };

async function backupOf(source: PingguDatabase): Promise<Uint8Array> {
  return backupBundle(await exportBackupPayload(source), {
    signer: await keyOf('department-laptop'),
    deviceId: 'department-laptop',
  });
}

const historyLine: RegistryHistoryRow = {
  id: 'LN-B4-0007:round-2019',
  code: 'LN-B4-0007',
  name: '辽宁省工业机器人专业技术创新中心',
  roundId: 'round-2019',
  roundName: '2019年度优化整合评估',
  year: 2019,
  version: 1,
  aggregate: 80,
  method: 'mean',
  grade: 'good',
  sourceSha256: 'c'.repeat(64),
};

/**
 * The department's registry: two approvals and the 2022 round, which included a key lab
 * (→ A1), put one base under rectification, revoked one and merged one into the key lab;
 * 后补助 for that round: A1 excellent 80 万元.
 */
async function fillRegistry(db: PingguDatabase): Promise<void> {
  const round = buildAcceptedRound(
    'round-2022',
    2022,
    [
      buildOutcome('LN-A1-0001', { grade: 'excellent', disposition: 'include', targetType: 'A1' }),
      buildOutcome('LN-A1-0004', {
        grade: 'pass',
        disposition: 'merge',
        mergedInto: 'LN-A1-0001',
      }),
      buildOutcome('LN-B1-0003', { type: 'B1', grade: 'fail', disposition: 'revoke' }),
      buildOutcome('LN-B4-0002', { type: 'B4', grade: 'pass', disposition: 'rectify' }),
    ],
    { bundleSha256: 'b'.repeat(64) },
  );
  await db.registryRounds.put(round);
  await db.registryApprovals.bulkPut([
    buildApproval('LN-A1-0001', {
      type: 'A1',
      legacyType: 'keyLaboratory',
      yearEstablished: 2010,
      year: 2010,
    }),
    buildApproval('LN-B1-0005'),
  ]);
  await db.registryHistory.put(historyLine);
  const rule = { amounts: { A1: { excellent: 80, good: 50 } } };
  valueOf(
    await saveFundingRule(db, { roundId: 'round-2022', rule, actor: '省科技厅 刘洋' }, testClock()),
  );
}

async function registryOf(db: PingguDatabase) {
  const inputs = await loadRegistryInputs(db);
  return buildRegistry(inputs.approvals, inputs.rounds);
}

describe('a backup of a department laptop', () => {
  it('restores its registry: accepted rounds, approvals, history lines and 后补助', async () => {
    await fillRegistry(department);
    const bytes = await backupOf(department);
    await importBundle(restored, bytes, { prepare: backup });

    expect((await restored.registryRounds.toArray()).map((r) => r.roundId)).toEqual(['round-2022']);
    expect((await restored.registryApprovals.toArray()).map((a) => a.code)).toEqual([
      'LN-A1-0001',
      'LN-B1-0005',
    ]);
    expect(await restored.registryHistory.toArray()).toEqual([historyLine]);

    const registry = await registryOf(restored);
    expect(
      registry.bases.map((b) => [b.code, b.type, b.status, b.mergedInto ?? b.rectifyUntil ?? '']),
    ).toEqual([
      ['LN-A1-0001', 'A1', 'active', ''],
      ['LN-A1-0004', 'A1', 'merged', 'LN-A1-0001'],
      ['LN-B1-0003', 'B1', 'revoked', ''],
      ['LN-B1-0005', 'B1', 'active', ''],
      ['LN-B4-0002', 'B4', 'rectifying', '2023-07-15'],
    ]);
    expect(registry.bases.find((b) => b.code === 'LN-A1-0001')?.previousType).toBe('keyLaboratory');
    expect(registry).toEqual(await registryOf(department));
    // The round's bases other than the approved ones were still legacy key labs (buildOutcome).
    expect(registryFlows(registry)).toEqual([
      { year: 2010, from: 'new', to: 'A1', count: 1 },
      { year: 2021, from: 'new', to: 'B1', count: 1 },
      { year: 2022, from: 'keyLaboratory', to: 'A1', count: 1 },
      { year: 2022, from: 'keyLaboratory', to: 'merged', count: 1 },
      { year: 2022, from: 'keyLaboratory', to: 'revoked', count: 1 },
    ]);

    const settings = await readFundingSettings(restored);
    const rule = fundingRuleFor(settings, 'round-2022');
    expect(rule).toEqual({ amounts: { A1: { excellent: 80, good: 50 } } });
    const [round] = await restored.registryRounds.toArray();
    if (!round) throw new Error('no accepted round restored');
    const funding = computeFunding(round, rule);
    expect(funding.rows.find((r) => r.code === 'LN-A1-0001')).toMatchObject({
      kind: 'subsidy',
      amount: 80,
    });
    expect(funding.total).toBe(80);

    expect(await databaseDigest(restored)).toBe(await databaseDigest(department));
  });

  it('restores the version-4 golden backup with exactly its registry records', async () => {
    const bytes = await readFile(path.resolve('tests/fixtures/bundles/v4/backup.pgb'));
    await importBundle(restored, new Uint8Array(bytes), { prepare: backup });
    expect(await restored.registryRounds.toArray()).toEqual(golden.registryRounds);
    expect(await restored.registryApprovals.toArray()).toEqual(golden.registryApprovals);
    expect(await restored.registryHistory.toArray()).toEqual(golden.registryHistory);
    const funding = await readFundingSettings(restored);
    expect(fundingRuleFor(funding, 'round-2024')).toEqual({
      amounts: { A1: { excellent: 80, good: 50, pass: 20 } },
      budget: 150,
    });
  });

  it('restores a version-3 backup, which has no registry, with the registry empty', async () => {
    await fillRegistry(restored);
    const bytes = await readFile(path.resolve('tests/fixtures/bundles/v3/backup.pgb'));
    await importBundle(restored, new Uint8Array(bytes), { prepare: backup });
    expect(await restored.registryRounds.count()).toBe(0);
    expect(await restored.registryApprovals.count()).toBe(0);
    expect(await restored.registryHistory.count()).toBe(0);
    expect(await restored.rounds.count()).toBe(1);
  });
});

describe('a backup with a damaged registry record', () => {
  async function damaged(edit: (payload: Record<string, unknown>) => void): Promise<Uint8Array> {
    await fillRegistry(department);
    const parts = partsOf(await backupOf(department));
    edit(parts.payload);
    return craftBundle(parts);
  }

  async function refusalOf(bytes: Uint8Array) {
    await fillRegistry(restored);
    const before = await databaseDigest(restored);
    const result = await prepareImport(restored, bytes, '备份.pgb', prepareOptions(backup));
    expect(await databaseDigest(restored)).toBe(before);
    if (result.ok) throw new Error('the damaged backup was accepted');
    return result.error;
  }

  it('is refused with the entry, record and field named in Chinese, and nothing changes', async () => {
    const bytes = await damaged((payload) => {
      const rounds = payload['registryRounds.json'];
      if (!Array.isArray(rounds)) throw new Error('no registryRounds.json');
      rounds[0].bases[1].grade = 'superb';
    });
    const error = await refusalOf(bytes);
    expect(error.code).toBe('schema');
    expect(error.message).toContain('备份.pgb');
    expect(error.message).toContain('基地库已接收的评估结果');
    expect(error.message).toContain('bases[1].grade');
    expect(error.message).toContain('取值不在允许范围内');
  });

  it('is refused when an approval code appears twice', async () => {
    const bytes = await damaged((payload) => {
      const approvals = payload['registryApprovals.json'];
      if (!Array.isArray(approvals)) throw new Error('no registryApprovals.json');
      approvals.push(approvals[0]);
    });
    const error = await refusalOf(bytes);
    expect(error.code).toBe('schema');
    expect(error.message).toContain('基地库批建记录');
    expect(error.message).toContain('LN-A1-0001');
    expect(error.message).toContain('与前面的记录重复');
  });
});
