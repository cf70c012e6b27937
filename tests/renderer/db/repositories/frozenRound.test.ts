// A closed round (结束评估) is frozen: every write path of renderer/db refuses it with one
// Chinese sentence and changes nothing (the whole database, audit log included, digests the
// same before and after). One test per repository, each trying all of its writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import { prepareImport } from '../../../../renderer/db/bundles/prepareImport';
import type { RepositoryResult } from '../../../../renderer/db/repositories/errors';
import {
  addExpertToBase,
  applyAutoAssignment,
  declareConflict,
  moveBaseToPanel,
  removeExpertFromBase,
} from '../../../../renderer/db/repositories/assignmentRepository';
import {
  closeRound,
  waiveMissingSheet,
} from '../../../../renderer/db/repositories/closingRepository';
import { resolveConflict } from '../../../../renderer/db/repositories/conflictRepository';
import { recordDecision } from '../../../../renderer/db/repositories/decisionRepository';
import { recordIssue } from '../../../../renderer/db/repositories/issueRepository';
import {
  recordRoundChange,
  undoRoundChange,
} from '../../../../renderer/db/repositories/roundChangeRepository';
import {
  addExpert,
  createPanel,
  deletePanel,
  importExperts,
  removeExpert,
  renamePanel,
  setPanelChair,
  updateExpert,
} from '../../../../renderer/db/repositories/panelRepository';
import {
  clearRoster,
  deleteBase,
  importRoster,
} from '../../../../renderer/db/repositories/rosterRepository';
import { updateRoundSettings } from '../../../../renderer/db/repositories/roundSetupRepository';
import {
  createScoresheet,
  recuseScoresheet,
  reopenScoresheet,
  saveScore,
  submitScoresheet,
} from '../../../../renderer/db/repositories/scoresheetRepository';
import {
  assignTemplate,
  saveTemplate,
} from '../../../../renderer/db/repositories/templateRepository';
import { createHlc } from '../../../../shared/domain/hlc';
import { roundSetupOf } from '../../../../shared/domain/roundSetup';
import { builtinTemplateForType, secondaryIndicators } from '../../../../shared/domain/templates';
import { testDeps, testSheetDeps } from '../../../helpers/builders';
import { closingFixture } from '../../../helpers/closingBuilders';
import type { ClosingFixture } from '../../../helpers/closingBuilders';
import { keyOf, prepareOptions, scoresBundle } from '../../../helpers/importBuilders';

const ACTOR = '秘书处 王芳';
const FROZEN = /^本轮评估已结束，.+不能再修改；如需修改，请先重新开启本轮评估。$/;
const CLOSED = /本轮(评估|次)已结束/;

let f: ClosingFixture;
beforeEach(async () => {
  f = await closingFixture(true);
});
afterEach(async () => {
  await f.db.delete();
});

/** Runs each write, expects each refused with one sentence, and the database unchanged. */
async function expectAllRefused(
  writes: Record<string, () => Promise<RepositoryResult<unknown>>>,
  pattern: RegExp = FROZEN,
): Promise<void> {
  const before = await databaseDigest(f.db);
  for (const [name, write] of Object.entries(writes)) {
    const result = await write();
    expect(result.ok, name).toBe(false);
    if (!result.ok) expect(result.error.message, name).toMatch(pattern);
  }
  expect(await databaseDigest(f.db)).toBe(before);
}

const ids = () => {
  const [e1, e2, e3] = f.experts;
  const [b1, b2] = f.bases;
  if (!e1 || !e2 || !e3 || !b1 || !b2) throw new Error('fixture');
  return { e1, e2, e3, b1, b2 };
};

describe('a closed round refuses every write and changes nothing', () => {
  it('scoresheetRepository: start, save, submit, reopen and recuse', async () => {
    const indicator = secondaryIndicators(builtinTemplateForType('A1'))[0]?.id ?? '';
    const roundId = f.round.id;
    await expectAllRefused({
      create: () => createScoresheet(f.db, { roundId, ...f.missing }, 'e', testSheetDeps()),
      save: () => saveScore(f.db, f.draft.id, indicator, 5, '专家', testSheetDeps()),
      submit: () => submitScoresheet(f.db, f.draft.id, '专家', testSheetDeps()),
      reopen: () => reopenScoresheet(f.db, f.submitted.id, '组长确认', '专家', testSheetDeps()),
      recuse: () =>
        recuseScoresheet(
          f.db,
          { roundId, expertId: f.draft.expertId, baseId: f.draft.baseId },
          '曾在依托单位任职',
          '专家',
          testSheetDeps(),
        ),
    });
  });

  it('decisionRepository: a decision is neither recorded nor changed', async () => {
    const { b1, b2 } = ids();
    const decision = { disposition: { code: 'rectify' as const }, reason: '改正笔误' };
    await expectAllRefused({
      change: () =>
        recordDecision(f.db, { roundId: f.round.id, baseId: b1.id, decision }, ACTOR, testDeps()),
      record: () =>
        recordDecision(f.db, { roundId: f.round.id, baseId: b2.id, decision }, ACTOR, testDeps()),
    });
  });

  it('assignmentRepository: automatic assignment, moves, pairs and declarations', async () => {
    const { e1, e3, b1, b2 } = ids();
    const roundId = f.round.id;
    await expectAllRefused(
      {
        auto: () =>
          applyAutoAssignment(
            f.db,
            { roundId, options: { keepExisting: false } },
            ACTOR,
            testDeps(),
          ),
        move: () =>
          moveBaseToPanel(f.db, { roundId, baseId: b2.id, panelId: f.panel.id }, ACTOR, testDeps()),
        add: () => addExpertToBase(f.db, { roundId, ...f.missing }, ACTOR, testDeps()),
        remove: () =>
          removeExpertFromBase(
            f.db,
            { roundId, expertId: e3.id, baseId: b1.id },
            ACTOR,
            testDeps(),
          ),
        declare: () =>
          declareConflict(
            f.db,
            { roundId, expertId: e1.id, baseId: b2.id, reason: '依托单位兼职' },
            ACTOR,
            testDeps(),
          ),
      },
      CLOSED,
    );
  });

  it('templateRepository: no template is saved or assigned', async () => {
    const template = { ...builtinTemplateForType('A1'), id: 'a1-copy', name: '重点实验室（修订）' };
    const roundId = f.round.id;
    await expectAllRefused(
      {
        save: () => saveTemplate(f.db, { roundId, baseType: 'A1', template }, ACTOR, testDeps()),
        assign: () =>
          assignTemplate(
            f.db,
            { roundId, baseType: 'B4', templateId: builtinTemplateForType('B4').id },
            ACTOR,
            testDeps(),
          ),
      },
      CLOSED,
    );
  });

  it('rosterRepository: bases are neither imported nor deleted', async () => {
    const { b1 } = ids();
    const row = {
      row: 2,
      name: '辽宁省先进材料重点实验室',
      type: 'A1' as const,
      hostInstitution: '东北大学',
      city: '沈阳' as const,
      director: '张明',
      yearEstablished: 2008,
      field: '材料',
    };
    await expectAllRefused(
      {
        import: () => importRoster(f.db, f.round.id, [row], ACTOR, testDeps()),
        delete: () => deleteBase(f.db, b1.id, ACTOR, testDeps()),
        clear: () => clearRoster(f.db, f.round.id, ACTOR, testDeps()),
      },
      /本轮评估已结束|评审包已下发/,
    );
  });

  it('panelRepository and expertRepository: panels and experts stay as they are', async () => {
    const { e1, e2 } = ids();
    const fields = { name: '赵强', institution: '沈阳工业大学', title: '教授', field: '机械' };
    const roundId = f.round.id;
    await expectAllRefused(
      {
        create: () => createPanel(f.db, { roundId, name: '大连组' }, ACTOR, testDeps()),
        rename: () => renamePanel(f.db, f.panel.id, '沈阳组', ACTOR, testDeps()),
        delete: () => deletePanel(f.db, f.panel.id, { withMembers: true }, ACTOR, testDeps()),
        chair: () => setPanelChair(f.db, f.panel.id, e1.id, ACTOR, testDeps()),
        add: () => addExpert(f.db, { roundId, panelId: f.panel.id, fields }, ACTOR, testDeps()),
        update: () => updateExpert(f.db, e2.id, { fields }, ACTOR, testDeps()),
        remove: () => removeExpert(f.db, e2.id, ACTOR, testDeps()),
        import: () =>
          importExperts(
            f.db,
            { roundId, experts: [{ ...fields, panelId: f.panel.id }], fileName: '专家.csv' },
            ACTOR,
            testDeps(),
          ),
      },
      CLOSED,
    );
  });

  it('conflictRepository: a conflict is not settled', async () => {
    const deps = () => ({
      now: () => '2024-06-01T08:00:00.000Z',
      deviceId: 'secretariat-pc',
      clock: createHlc('secretariat-pc', () => Date.parse('2024-06-01T08:00:00.000Z')),
    });
    await expectAllRefused({
      keep: () => resolveConflict(f.db, f.conflict.id, 'local', ACTOR, deps()),
      take: () => resolveConflict(f.db, f.conflict.id, 'incoming', ACTOR, deps()),
    });
  });

  it('issueRepository: no round bundle is recorded as issued', async () => {
    const bundle = {
      panelId: f.panel.id,
      panelName: f.panel.name,
      fileName: '评审包.pgb',
      fingerprint: 'ABCD-EF01-2345-6789',
      encrypted: false,
      issuedAt: '2024-06-01T08:00:00.000Z',
      bases: 2,
      experts: 3,
    };
    const input = {
      roundId: f.round.id,
      issuedAt: bundle.issuedAt,
      bundles: [bundle],
      templateIds: [],
      actor: ACTOR,
    };
    await expectAllRefused({ issue: () => recordIssue(f.db, input, testDeps()) }, CLOSED);
  });

  it('roundSetupRepository: the round settings are not changed', async () => {
    const edited = { ...roundSetupOf(f.round), name: '改过的名称' };
    await expectAllRefused({
      settings: () => updateRoundSettings(f.db, f.round.id, edited, ACTOR, testDeps()),
    });
  });

  it('closingRepository: no waiver, and no second closing', async () => {
    await expectAllRefused(
      {
        waive: () =>
          waiveMissingSheet(
            f.db,
            { roundId: f.round.id, ...f.missing, reason: '专家因病缺席' },
            ACTOR,
            testDeps(),
          ),
        close: () => closeRound(f.db, f.round.id, ACTOR, testDeps()),
      },
      CLOSED,
    );
  });

  it('roundChangeRepository: no change is recorded or undone', async () => {
    const { b2 } = ids();
    const waiver = {
      id: 'change-waiver',
      roundId: f.round.id,
      kind: 'waiveMissing' as const,
      at: '2024-06-01T08:00:00.000Z',
      actor: ACTOR,
      reason: '专家因病缺席',
      ...f.missing,
      voids: [],
    };
    await f.db.roundChanges.add(waiver);
    const roundId = f.round.id;
    await expectAllRefused(
      {
        withdraw: () =>
          recordRoundChange(
            f.db,
            { roundId, change: { kind: 'withdrawBase', baseId: b2.id, reason: '基地申请退出' } },
            ACTOR,
            testDeps(),
          ),
        undo: () =>
          undoRoundChange(
            f.db,
            { roundId, changeId: waiver.id, reason: '专家已补交' },
            ACTOR,
            testDeps(),
          ),
      },
      CLOSED,
    );
  });

  it('a score bundle is refused at the secretariat before anything is written', async () => {
    const sheet = { ...f.draft, scores: { x: 1 }, revision: 2, deviceId: 'laptop-1' };
    const bytes = await scoresBundle(
      { scoresheets: [sheet], audit: [] },
      {
        signer: await keyOf('laptop-1'),
        deviceId: 'laptop-1',
        roundId: f.round.id,
        panelId: f.panel.id,
      },
    );
    const before = await databaseDigest(f.db);
    const result = await prepareImport(f.db, bytes, '沈阳组评分.pgb', prepareOptions());
    expect(result).toMatchObject({ ok: false, error: { code: 'closedRound' } });
    if (!result.ok) {
      expect(result.error.message).toBe(
        `文件“沈阳组评分.pgb”：评估轮次“${f.round.id}”已结束评估，不能再导入评分，未导入任何内容；如需补充评分，请先重新开启本轮评估。`,
      );
    }
    expect(await databaseDigest(f.db)).toBe(before);
  });
});
