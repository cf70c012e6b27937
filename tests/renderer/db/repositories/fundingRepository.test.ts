import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { expandAudit } from '../../../../renderer/db/repositories/audit';
import {
  fundingRuleFor,
  parseFundingSettings,
  readFundingSettings,
  saveFundingRule,
} from '../../../../renderer/db/repositories/fundingRepository';
import { DEFAULT_FUNDING_RULE } from '../../../../shared/registry/funding';
import type { FundingRule } from '../../../../shared/registry/types';
import { openTestDatabase } from '../../../helpers/db';
import { acceptedRound, outcome } from '../../../helpers/fundingBuilders';

const clock = { now: () => '2024-03-01T02:00:00.000Z' };
let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
  await db.registryRounds.put(
    acceptedRound([outcome('LN-001', 'B1')], { roundId: 'R2023', name: '2023年度定期评估' }),
  );
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const rule: FundingRule = {
  amounts: { B1: { excellent: 300, good: 150, pass: 60, fail: 0 }, A1: { excellent: 10 } },
  budget: 800,
};

describe('saveFundingRule', () => {
  it('keeps the round’s rule, starts other rounds from its amounts, and audits it', async () => {
    const saved = await saveFundingRule(
      db,
      { roundId: 'R2023', rule, actor: '财务处 李明' },
      clock,
    );
    expect(saved.ok).toBe(true);
    const settings = await readFundingSettings(db);
    expect(fundingRuleFor(settings, 'R2023')).toEqual(rule);
    // Another round: the same amounts, no budget (a budget belongs to one year).
    expect(fundingRuleFor(settings, 'R2024')).toEqual({ amounts: rule.amounts });
    const audit = expandAudit(await db.auditLog.toArray());
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      roundId: 'R2023',
      action: 'registry.funding',
      entityId: 'R2023',
      actor: '财务处 李明',
      at: '2024-03-01T02:00:00.000Z',
    });
    expect(audit[0]?.detail).toBe(
      '后补助设置“2023年度定期评估”：后补助：A1 省重点实验室（优秀 10/良好 0/合格 0/不合格 0），B1 省工程研究中心（优秀 300/良好 150/合格 60/不合格 0）；稳定支持：B2、B3、B4、B5、C1、C2、C3；总预算 800 万元',
    );
  });

  it('refuses a fractional budget in Chinese and writes nothing', async () => {
    const result = await saveFundingRule(
      db,
      { roundId: 'R2023', rule: { ...rule, budget: 12.5 }, actor: '省科技厅' },
      clock,
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'editRejected',
        message: '总预算必须是不小于 0 的整数（万元），才能按整万元分配。',
      },
    });
    expect(await db.settings.get('fundingSettings')).toBeUndefined();
    expect(await db.auditLog.count()).toBe(0);
  });

  it('refuses a round the registry has not accepted', async () => {
    const result = await saveFundingRule(db, { roundId: 'nope', rule, actor: '省科技厅' }, clock);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('nope');
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe('parseFundingSettings', () => {
  it('starts from the default rule when nothing is stored', () => {
    expect(fundingRuleFor(parseFundingSettings(undefined), 'R')).toEqual({
      amounts: DEFAULT_FUNDING_RULE.amounts,
    });
  });

  it('drops malformed rules and keeps the good ones', () => {
    const text = JSON.stringify({
      amounts: { B2: { good: 5 } },
      rounds: {
        good: { amounts: { B1: { good: 7 } }, budget: 9 },
        negative: { amounts: { B1: { good: -7 } } },
        fractionalBudget: { amounts: {}, budget: 1.5 },
        notAnObject: 3,
      },
    });
    expect(parseFundingSettings(text)).toEqual({
      amounts: { B2: { good: 5 } },
      rounds: { good: { amounts: { B1: { good: 7 } }, budget: 9 } },
    });
    expect(parseFundingSettings('{not json')).toEqual({ rounds: {} });
  });
});
