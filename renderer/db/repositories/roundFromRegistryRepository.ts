// A new round started from the department's registry bundle (从省厅名单包开始): the round from
// the wizard's settings, its roster from the bundle's bases (registry codes kept, nothing
// typed again) and each base's earlier rounds in registryHistory (the chair's 历年评估 chart
// reads them by code), in ONE transaction with its audit entries, and made the current round.
// The bundle is verified before (shared/secretariat/registrySource.ts); this write checks
// the wizard's settings again and refuses, writing nothing, what cannot become a round.
import { buildRound } from '../../../shared/domain/roundSetup';
import type { RoundSetupInput, RoundSetupProblem } from '../../../shared/domain/roundSetup';
import { BUILTIN_TEMPLATES } from '../../../shared/domain/templates';
import type { Base, Round } from '../../../shared/domain/types';
import { historyRecordsFromRegistry, rosterFromRegistry } from '../../../shared/registry/roster';
import type { RegistryContents } from '../../../shared/secretariat/registrySource';
import type { PingguDatabase, RegistryHistoryRecord } from '../database';
import { appendAudit } from './audit';
import { fail, ok } from './errors';
import type { RepositoryResult } from './errors';
import { addRound } from './roundRepository';
import type { RoundSetupDeps } from './roundSetupRepository';

export type RoundFromRegistryInput = {
  setup: RoundSetupInput;
  registry: RegistryContents;
  /** The bundle file: its name, SHA-256 and signing key's fingerprint, for the audit. */
  fileName: string;
  sha256: string;
  fingerprint: string;
  /** Who compared the fingerprint with the department's. */
  comparedBy: string;
};

export type RoundFromRegistry = {
  round: Round;
  bases: Base[];
  /** History lines written (or replaced, when another bundle brought the same ones). */
  historyLines: number;
};

const refused = <T>(problems: readonly RoundSetupProblem[]): RepositoryResult<T> =>
  fail<T>('editRejected', problems[0]?.message ?? '评估轮次设置有误', problems);

/** Why the registry's bases cannot be this round's roster, if they cannot. */
function rosterProblem(registry: RegistryContents): string | undefined {
  if (registry.bases.length === 0) return '名单包中没有任何基地，无法据此创建评估轮次。';
  const gone = registry.bases.find((b) => b.status === 'revoked' || b.status === 'merged');
  if (gone !== undefined) {
    return `名单包中的基地“${gone.name}”（${gone.code}）${gone.status === 'revoked' ? '已撤销' : '已并入其他基地'}，不能参加评估。`;
  }
  const seen = new Set<string>();
  for (const base of registry.bases) {
    if (seen.has(base.code)) return `名单包中的基地编码“${base.code}”重复。`;
    seen.add(base.code);
  }
  return undefined;
}

export function createRoundFromRegistry(
  db: PingguDatabase,
  input: RoundFromRegistryInput,
  actor: string,
  deps: RoundSetupDeps,
): Promise<RepositoryResult<RoundFromRegistry>> {
  const { registry } = input;
  const tables = [db.rounds, db.templates, db.bases, db.registryHistory, db.auditLog, db.settings];
  return db.transaction('rw', tables, async () => {
    const problem = rosterProblem(registry);
    if (problem !== undefined) return fail<RoundFromRegistry>('editRejected', problem);
    const comparedBy = input.comparedBy.trim();
    if (comparedBy === '') {
      return fail<RoundFromRegistry>('editRejected', '请填写核对签名密钥指纹的人员姓名。');
    }
    const [rounds, stored] = await Promise.all([db.rounds.toArray(), db.templates.toArray()]);
    const built = buildRound(input.setup, deps, {
      templates: [...stored, ...BUILTIN_TEMPLATES],
      existingRounds: rounds,
    });
    if (!built.ok) return refused<RoundFromRegistry>(built.problems);
    const added = await addRound(db, built.value, actor, deps);
    if (!added.ok) return fail<RoundFromRegistry>(added.error.code, added.error.message);
    const round = added.value;

    const bases = rosterFromRegistry(registry.bases, round.id, deps.newId);
    await db.bases.bulkAdd(bases);
    const history: RegistryHistoryRecord[] = historyRecordsFromRegistry(
      registry.bases,
      input.sha256,
    );
    await db.registryHistory.bulkPut(history);
    await appendAudit(
      db,
      {
        roundId: round.id,
        action: 'roster.import',
        entityId: round.id,
        actor,
        detail:
          `从省厅名单包“${input.fileName}”（${registry.title}）导入基地 ${bases.length} 个，` +
          `历年评估记录 ${history.length} 条；文件 SHA-256 ${input.sha256}；` +
          `签名密钥指纹 ${input.fingerprint}，由 ${comparedBy} 核对`,
      },
      deps,
    );
    await db.settings.put({ key: 'currentRoundId', value: round.id });
    return ok({ round, bases, historyLines: history.length });
  });
}
