// 后补助 settings: the amounts per type and grade and the budget of each accepted round, kept in
// the settings table under 'fundingSettings' (one JSON text, so backups carry it as a scalar).
// A round without a rule of its own starts from the amounts saved last (else the default
// rule, shared/registry/funding.ts). Saving checks the rule, writes it and its audit entry in
// one transaction; a rule that cannot be applied is refused with its Chinese reasons and
// nothing changes. Parsing never trusts the stored text: anything malformed is dropped.
import { GRADE_ORDER } from '../../../shared/domain/grading';
import { BASE_TYPE_CODES, baseTypeByCode } from '../../../shared/domain/taxonomy';
import type { BaseTypeCode, GradeCode } from '../../../shared/domain/types';
import { DEFAULT_FUNDING_RULE, fundingRuleProblems } from '../../../shared/registry/funding';
import type { FundingRule } from '../../../shared/registry/types';
import type { PingguDatabase } from '../database';
import { isRecord, parseJsonObject } from '../jsonSettings';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { fail, ok } from './errors';
import type { RepositoryResult } from './errors';

export type FundingSettings = {
  /** The amounts of the last save: where a round without its own rule starts. */
  amounts?: FundingRule['amounts'];
  /** Each accepted round's rule, by round id. */
  rounds: Record<string, FundingRule>;
};

const GRADES: readonly GradeCode[] = GRADE_ORDER;

function parseAmounts(value: unknown): FundingRule['amounts'] | undefined {
  if (!isRecord(value)) return undefined;
  const amounts: FundingRule['amounts'] = {};
  for (const type of BASE_TYPE_CODES) {
    const perGrade = value[type];
    if (!isRecord(perGrade)) continue;
    const kept: Partial<Record<GradeCode, number>> = {};
    for (const grade of GRADES) {
      const amount = perGrade[grade];
      if (typeof amount === 'number') kept[grade] = amount;
    }
    amounts[type] = kept;
  }
  return fundingRuleProblems({ amounts }).length === 0 ? amounts : undefined;
}

function parseRule(value: unknown): FundingRule | undefined {
  if (!isRecord(value)) return undefined;
  const amounts = parseAmounts(value['amounts']);
  if (amounts === undefined) return undefined;
  const { budget } = value;
  const rule: FundingRule = typeof budget === 'number' ? { amounts, budget } : { amounts };
  return fundingRuleProblems(rule).length === 0 ? rule : undefined;
}

/** The stored text as settings; what is malformed is dropped, rule by rule. */
export function parseFundingSettings(text: string | undefined): FundingSettings {
  const parsed = parseJsonObject(text) ?? {};
  const rounds: Record<string, FundingRule> = {};
  const stored = parsed['rounds'];
  if (isRecord(stored)) {
    for (const [roundId, value] of Object.entries(stored)) {
      const rule = parseRule(value);
      if (rule) rounds[roundId] = rule;
    }
  }
  const amounts = parseAmounts(parsed['amounts']);
  return amounts === undefined ? { rounds } : { amounts, rounds };
}

/** The rule a round is shown with: its own, else the last amounts without a budget. */
export function fundingRuleFor(settings: FundingSettings, roundId: string): FundingRule {
  const own = Object.hasOwn(settings.rounds, roundId) ? settings.rounds[roundId] : undefined;
  return own ?? { amounts: settings.amounts ?? DEFAULT_FUNDING_RULE.amounts };
}

/** Reads the settings row (Dexie calls only, so it also runs inside a transaction). */
export async function readFundingSettings(db: PingguDatabase): Promise<FundingSettings> {
  const record = await db.settings.get('fundingSettings');
  return parseFundingSettings(record?.key === 'fundingSettings' ? record.value : undefined);
}

/** A plain copy of the rule: the types in the plan's order, the grades best first. */
function normalisedRule(rule: FundingRule): FundingRule {
  const amounts: FundingRule['amounts'] = {};
  for (const type of BASE_TYPE_CODES) {
    const perGrade = rule.amounts[type];
    if (perGrade === undefined) continue;
    const kept: Partial<Record<GradeCode, number>> = {};
    for (const grade of GRADES) {
      const amount = perGrade[grade];
      if (amount !== undefined) kept[grade] = amount;
    }
    amounts[type] = kept;
  }
  return rule.budget === undefined ? { amounts } : { amounts, budget: rule.budget };
}

const GRADE_SHORT: Readonly<Record<GradeCode, string>> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

/** The rule in one line of the audit log. */
export function fundingRuleText(rule: FundingRule): string {
  const subsidised = BASE_TYPE_CODES.filter((type) => rule.amounts[type] !== undefined);
  const parts = subsidised.map((type: BaseTypeCode) => {
    const perGrade = rule.amounts[type] ?? {};
    const amounts = GRADES.map((g) => `${GRADE_SHORT[g]} ${String(perGrade[g] ?? 0)}`).join('/');
    return `${type} ${baseTypeByCode(type).nameZh}（${amounts}）`;
  });
  const stable = BASE_TYPE_CODES.filter((type) => rule.amounts[type] === undefined);
  const budget = rule.budget === undefined ? '未设总预算' : `总预算 ${String(rule.budget)} 万元`;
  return [
    parts.length > 0 ? `后补助：${parts.join('，')}` : '没有后补助类型',
    stable.length > 0 ? `稳定支持：${stable.join('、')}` : '',
    budget,
  ]
    .filter((part) => part !== '')
    .join('；');
}

export type SaveFundingInput = { roundId: string; rule: FundingRule; actor: string };

/** Saves an accepted round's rule (and its amounts as the next round's start), audited. */
export function saveFundingRule(
  db: PingguDatabase,
  input: SaveFundingInput,
  clock: Clock,
): Promise<RepositoryResult<FundingRule>> {
  const problems = fundingRuleProblems(input.rule);
  if (problems.length > 0) {
    return Promise.resolve(fail<FundingRule>('editRejected', problems.join(' ')));
  }
  const rule = normalisedRule(input.rule);
  return db.transaction('rw', [db.registryRounds, db.settings, db.auditLog], async () => {
    const round = await db.registryRounds.get(input.roundId);
    if (!round) {
      return fail<FundingRule>('notFound', `基地库中没有这个已接收的评估轮次：${input.roundId}`);
    }
    const settings = await readFundingSettings(db);
    const next: FundingSettings = {
      amounts: rule.amounts,
      rounds: { ...settings.rounds, [input.roundId]: rule },
    };
    await db.settings.put({ key: 'fundingSettings', value: JSON.stringify(next) });
    await appendAudit(
      db,
      {
        roundId: input.roundId,
        action: 'registry.funding',
        entityId: input.roundId,
        actor: input.actor,
        detail: `后补助设置“${round.name}”：${fundingRuleText(rule)}`,
      },
      clock,
    );
    return ok(rule);
  });
}
