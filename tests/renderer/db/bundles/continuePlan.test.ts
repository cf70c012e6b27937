// 在本机继续, the pure planning: what a lost laptop's score bundle or backup may bring to this
// laptop (only its round and the panels opened here, never a file of its own), and what the
// plan writes: the sheets exactly as the lost laptop left them, never a concurrent copy.
import { describe, expect, it } from 'vitest';
import {
  continueAuditEntries,
  planContinuation,
} from '../../../../renderer/db/bundles/continuePlan';
import type { PlannedPart } from '../../../../renderer/db/bundles/continuePlan';
import { selectContinuation } from '../../../../renderer/db/bundles/continueSelect';
import type { ContinuePart } from '../../../../renderer/db/bundles/continueSelect';
import type { RoundRecords } from '../../../helpers/builders';
import {
  buildAuditEntry,
  buildExpert,
  buildPanel,
  buildRoundRecords,
} from '../../../helpers/builders';
import {
  backupPayloadOf,
  FRESH_DEVICE,
  LOST_DEVICE,
  LOST_FINGERPRINT,
  openedBackup,
  openedScores,
  scoresStateOf,
  sheetsOfLostLaptop,
  targetOf,
} from '../../../helpers/continueBuilders';

const FILE = '评分包-电脑A.pgb';
const DEPS = { now: '2024-05-12T16:00:00.000Z', importId: 'continue-1' };

function fileOf(r: RoundRecords, sheets = sheetsOfLostLaptop(r)) {
  const audit = sheets.map((s) =>
    buildAuditEntry(r.round.id, { entityId: s.id, actor: '李明', detail: '打分' }),
  );
  return openedScores({ scoresheets: sheets, audit }, { roundId: r.round.id, panelId: r.panel.id });
}

const partsOf = (
  r: RoundRecords,
  parts: readonly ContinuePart[],
  stored = scoresStateOf(r),
): PlannedPart[] => parts.map((part) => ({ part, state: stored }));

describe('what a file may continue on this laptop', () => {
  it('takes a score bundle of the round and of a panel opened here, whole', () => {
    const r = buildRoundRecords({ status: 'issued' });
    const opened = fileOf(r);
    const selected = selectContinuation(FILE, opened, targetOf(r));
    expect(selected).toEqual({
      ok: true,
      parts: [{ panelId: r.panel.id, payload: opened.kind === 'scores' ? opened.payload : null }],
    });
  });

  it('refuses a score bundle of another round or panel, and one this laptop wrote', () => {
    const r = buildRoundRecords({ status: 'issued' });
    const other = buildRoundRecords({ status: 'issued', name: '2023年度评估' });
    const payload = { scoresheets: sheetsOfLostLaptop(r), audit: [] };
    const cases = [
      {
        opened: openedScores(payload, { roundId: other.round.id, panelId: r.panel.id }),
        code: 'otherRound',
        says: `它属于另一个评估轮次（${other.round.id}），不是本机打开的“${r.round.name}”`,
      },
      {
        opened: openedScores(payload, { roundId: r.round.id, panelId: 'panel-大连' }),
        code: 'otherPanel',
        says: `它属于评审组“panel-大连”，本机打开的是“${r.panel.name}”的评审任务包`,
      },
      {
        opened: openedScores(payload, {
          roundId: r.round.id,
          panelId: r.panel.id,
          deviceId: FRESH_DEVICE,
        }),
        code: 'sameDevice',
        says: `它是本机自己（设备 ${FRESH_DEVICE}）写出的，本机的评分表已在这里，无需继续`,
      },
    ];
    for (const { opened, code, says } of cases) {
      const selected = selectContinuation(FILE, opened, targetOf(r));
      expect(selected.ok).toBe(false);
      if (selected.ok) continue;
      expect(selected.error.code).toBe(code);
      expect(selected.error.message).toBe(`文件“${FILE}”：${says}，未作任何更改。`);
    }
  });

  it('refuses on a laptop where no round bundle of the round was opened', () => {
    const r = buildRoundRecords({ status: 'issued' });
    const selected = selectContinuation(FILE, fileOf(r), targetOf(r, { panels: [] }));
    expect(selected.ok ? '' : selected.error.code).toBe('noRoundHere');
  });

  it('takes from a backup only the sheets and audit entries of this round and panel', () => {
    const r = buildRoundRecords({ status: 'issued' });
    const otherRound = buildRoundRecords({ status: 'issued' });
    // Another panel of the same round, on the lost laptop too, but not opened here.
    const otherPanel = buildPanel(r.round.id, { name: '大连组' });
    const [ours, theirs] = [sheetsOfLostLaptop(r), sheetsOfLostLaptop(otherRound)];
    const [first] = ours;
    if (first === undefined) throw new Error('no sheet');
    const stranger = buildExpert(r.round.id, otherPanel.id, { name: '赵强' });
    const strangersSheet = { ...first, id: 'sheet-大连', expertId: stranger.id };
    const audit = [...ours, ...theirs, strangersSheet].map((s) =>
      buildAuditEntry(s.roundId, { entityId: s.id }),
    );
    const backup = backupPayloadOf({
      rounds: [r.round, otherRound.round],
      panels: [r.panel, otherPanel, otherRound.panel],
      experts: [...r.experts, stranger, ...otherRound.experts],
      scoresheets: [...theirs, ...ours, strangersSheet],
      audit,
    });
    const selected = selectContinuation(FILE, openedBackup(backup), targetOf(r));
    if (!selected.ok) throw new Error(selected.error.message);
    expect(selected.parts).toHaveLength(1);
    const [part] = selected.parts;
    expect(part?.panelId).toBe(r.panel.id);
    expect(part?.payload.scoresheets.map((s) => s.id)).toEqual(ours.map((s) => s.id));
    expect(part?.payload.audit.map((e) => e.entityId)).toEqual(ours.map((s) => s.id));
  });

  it('refuses a backup of another round, and one holding only other panels', () => {
    const r = buildRoundRecords({ status: 'issued' });
    const other = buildRoundRecords({ status: 'issued', name: '2023年度评估' });
    const ofOtherRound = backupPayloadOf({
      rounds: [other.round],
      scoresheets: sheetsOfLostLaptop(other),
    });
    const refused = selectContinuation(FILE, openedBackup(ofOtherRound), targetOf(r));
    expect(refused.ok ? '' : refused.error.message).toBe(
      `文件“${FILE}”：它属于另一个评估轮次（2023年度评估），不是本机打开的“${r.round.name}”，未作任何更改。`,
    );
    const panel = buildPanel(r.round.id, { name: '大连组' });
    const elsewhere = r.experts.map((e) => ({ ...e, panelId: panel.id }));
    const ofOtherPanel = backupPayloadOf({
      rounds: [r.round],
      panels: [panel],
      experts: elsewhere,
      scoresheets: sheetsOfLostLaptop(r),
    });
    const target = targetOf(r, { experts: elsewhere });
    const refusedPanel = selectContinuation(FILE, openedBackup(ofOtherPanel), target);
    expect(refusedPanel.ok ? '' : refusedPanel.error.message).toBe(
      `文件“${FILE}”：它属于评审组“大连组”，本机打开的是“${r.panel.name}”的评审任务包，未作任何更改。`,
    );
  });
});

describe('the plan of a continuation', () => {
  it('writes every sheet exactly as the lost laptop left it: id, revision, hlc, versions', () => {
    const r = buildRoundRecords({ status: 'issued' });
    const sheets = sheetsOfLostLaptop(r);
    const opened = fileOf(r, sheets);
    const selected = selectContinuation(FILE, opened, targetOf(r));
    if (!selected.ok) throw new Error(selected.error.message);
    const planned = planContinuation(FILE, opened, r.round, partsOf(r, selected.parts), DEPS);
    if (!planned.ok) throw new Error(planned.error.message);
    expect(planned.plan.toPut).toEqual(sheets);
    expect(planned.plan.counts).toEqual({ continued: sheets.length, alreadyHere: 0, refused: 0 });
    expect(planned.plan.importedAudit.map((e) => e.entityId)).toEqual(sheets.map((s) => s.id));
    expect(planned.plan.rows.map((row) => [row.outcome, row.lastDeviceId, row.state])).toEqual(
      sheets.map(() => ['continue', LOST_DEVICE, 'draft']),
    );
  });

  it('leaves out a sheet this laptop edited concurrently, and keeps what is already here', () => {
    const r = buildRoundRecords({ status: 'issued' });
    const [first, second, ...rest] = sheetsOfLostLaptop(r);
    if (!first || !second) throw new Error('two sheets needed');
    // B took A's first copy earlier and edited it: concurrent with A's later copy.
    const onB = {
      ...first,
      overallComment: '本机修改',
      deviceId: FRESH_DEVICE,
      versions: { [LOST_DEVICE]: 1, [FRESH_DEVICE]: 1 },
    };
    const stored = scoresStateOf(r, { sheets: [onB, second] });
    const opened = fileOf(r, [{ ...first, overallComment: 'A 的修改' }, second, ...rest]);
    const selected = selectContinuation(FILE, opened, targetOf(r));
    if (!selected.ok) throw new Error(selected.error.message);
    const planned = planContinuation(
      FILE,
      opened,
      r.round,
      partsOf(r, selected.parts, stored),
      DEPS,
    );
    if (!planned.ok) throw new Error(planned.error.message);
    const outcome = new Map(planned.plan.rows.map((row) => [row.sheetId, row]));
    expect(outcome.get(first.id)).toMatchObject({ outcome: 'refused', refusal: 'concurrentHere' });
    expect(outcome.get(second.id)?.outcome).toBe('alreadyHere');
    expect(planned.plan.toPut.map((s) => s.id)).toEqual(rest.map((s) => s.id));
    expect(planned.plan.counts).toEqual({ continued: rest.length, alreadyHere: 1, refused: 1 });
  });

  it('refuses a closed round, and a file with nothing that can continue', () => {
    const r = buildRoundRecords({ status: 'issued' });
    const opened = fileOf(r);
    const selected = selectContinuation(FILE, opened, targetOf(r));
    if (!selected.ok) throw new Error(selected.error.message);
    const closed = { ...r.round, status: 'closed' as const };
    const refused = planContinuation(FILE, opened, closed, partsOf(r, selected.parts), DEPS);
    expect(refused.ok ? '' : refused.error.code).toBe('roundClosed');

    // Laptop B's roster has none of these experts: every sheet is refused by admission.
    const noExperts = scoresStateOf(r, { experts: [] });
    const none = planContinuation(
      FILE,
      opened,
      r.round,
      partsOf(r, selected.parts, noExperts),
      DEPS,
    );
    expect(none.ok ? '' : none.error.code).toBe('nothingToContinue');
  });

  it('audits every sheet taken: who, when, why, from which file, device and key', () => {
    const r = buildRoundRecords({ status: 'issued' });
    const opened = fileOf(r);
    const selected = selectContinuation(FILE, opened, targetOf(r));
    if (!selected.ok) throw new Error(selected.error.message);
    const planned = planContinuation(FILE, opened, r.round, partsOf(r, selected.parts), DEPS);
    if (!planned.ok) throw new Error(planned.error.message);
    const source = {
      kind: 'scores' as const,
      fileName: FILE,
      deviceId: LOST_DEVICE,
      fingerprint: LOST_FINGERPRINT,
      createdAt: '2024-05-12T15:30:00.000Z',
    };
    const context = {
      actor: '组长 李明',
      reason: '电脑A无法开机',
      now: DEPS.now,
      roundId: r.round.id,
    };
    const entries = continueAuditEntries(planned.plan, source, context);
    expect(entries).toHaveLength(r.scoresheets.length);
    const [entry] = entries;
    expect(entry).toMatchObject({
      at: DEPS.now,
      action: 'scoresheet.continue',
      actor: '组长 李明',
      entityId: r.scoresheets[0]?.id,
    });
    expect(entry?.detail).toBe(
      `在本机继续：电脑A无法开机；来自评分数据包“${FILE}”（设备 ${LOST_DEVICE}，指纹 ${LOST_FINGERPRINT}，2024-05-12T15:30:00.000Z 写出）；接续第 2 版，最后修改于设备 ${LOST_DEVICE}`,
    );
  });
});
