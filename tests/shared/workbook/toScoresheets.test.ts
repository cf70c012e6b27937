import { describe, expect, it } from 'vitest';
import { scoresheetSchema } from '../../../shared/bundle/schemas';
import { admitSheet, assignmentsByPair } from '../../../shared/domain/sheetAdmission';
import type { Scoresheet } from '../../../shared/domain/types';
import { reconcileScoresheets } from '../../../shared/sync/mergeScoresheets';
import {
  readScoresheetWorkbook,
  toScoresheets,
  workbookDeviceId,
  writeScoresheetWorkbook,
} from '../../../shared/workbook';
import type { WorkbookRead } from '../../../shared/workbook';
import { buildScoresheet } from '../../helpers/builders';
import { typeInto, workbookRound } from '../../helpers/workbookBuilders';
import type { CellValue } from '../../helpers/workbookBuilders';

const crypto = globalThis.crypto;

async function filled(edits: Record<string, Record<string, CellValue>>) {
  const setup = workbookRound();
  const bytes = typeInto(await writeScoresheetWorkbook(setup.input, crypto), edits);
  const read = await readScoresheetWorkbook(bytes, setup.context, { crypto });
  if (!read.ok) throw new Error(read.refusal.message);
  return { setup, read };
}

const deps = { now: '2024-05-12T08:00:00.000Z', importId: 'import-1' };
const COMPLETE_A = {
  D5: 8,
  D6: 12.5,
  D7: 20,
  D8: 9,
  D9: 8.5,
  D10: 7,
  D11: 6,
  D12: 5,
  D13: 6.5,
  B18: '保留并调整方向',
  B22: '是',
};

describe('toScoresheets', () => {
  it('makes records from the device excel:<16 hex>, one edit each, at the export time', async () => {
    const { setup, read } = await filled({ 'LN-A1-001': COMPLETE_A, 'LN-B1-002': { D5: 4 } });
    const sheets = toScoresheets(read, setup.expert, setup.round);
    const device = `excel:${read.fileSha256.slice(0, 16)}`;
    expect(workbookDeviceId(read.fileSha256)).toBe(device);
    expect(sheets).toHaveLength(2);
    const [a, b] = sheets;
    expect(a).toMatchObject({
      roundId: 'round-wb',
      baseId: 'base-a',
      expertId: 'expert-wb',
      templateId: 'builtin-A1',
      templateVersion: 1,
      status: 'submitted',
      submittedAt: '2024-05-10T09:00:00.000Z',
      updatedAt: '2024-05-10T09:00:00.000Z',
      revision: 1,
      deviceId: device,
      versions: { [device]: 1 },
      hlc: `001715331600000-00000-${device}`,
      recommendation: { disposition: { code: 'keepAdjust' }, reason: '' },
    });
    expect(b).toMatchObject({ status: 'draft', scores: { 'B1.1.1': 4 } });
    expect(b).not.toHaveProperty('submittedAt');
    expect(a?.id).not.toBe(b?.id);
    // Valid as a score bundle's sheets are.
    for (const sheet of sheets) expect(scoresheetSchema.safeParse(sheet).success).toBe(true);
  });

  it('gives the same records for the same file, so importing it twice changes nothing', async () => {
    const { setup, read } = await filled({ 'LN-A1-001': COMPLETE_A });
    const first = toScoresheets(read, setup.expert, setup.round);
    const again = toScoresheets(read, setup.expert, setup.round);
    expect(again).toEqual(first);
    const imported = reconcileScoresheets([], first, [], deps);
    expect(imported.counts).toMatchObject({ added: 2, conflicts: 0 });
    const twice = reconcileScoresheets(imported.toPut, again, imported.newConflicts, deps);
    expect(twice.counts).toEqual({ added: 0, updated: 0, unchanged: 2, conflicts: 0, refused: 0 });
    expect(twice.toPut).toEqual([]);
  });

  it('is concurrent with a copy scored in the app: a difference becomes a conflict', async () => {
    const { setup, read } = await filled({ 'LN-A1-001': { D5: 8 } });
    const [base] = setup.bases;
    if (!base) throw new Error('base');
    const app: Scoresheet = buildScoresheet(base, setup.expert, {
      id: 'sheet-app',
      scores: { 'A1.1.1': 7 },
      versions: { 'laptop-1': 3 },
      deviceId: 'laptop-1',
      revision: 3,
    });
    const plan = reconcileScoresheets(
      [app],
      toScoresheets(read, setup.expert, setup.round),
      [],
      deps,
    );
    expect(plan.counts.conflicts).toBe(1);
    const conflict = plan.newConflicts[0];
    const sides = [conflict?.local.scores['A1.1.1'], conflict?.incoming.scores['A1.1.1']].sort();
    expect(sides).toEqual([7, 8]);
  });

  it('a base the expert has since been recused from is refused by admission, like a bundle sheet', async () => {
    const { setup, read } = await filled({ 'LN-A1-001': { D5: 8 } });
    const sheets = toScoresheets(read, setup.expert, setup.round);
    const recusedLater = setup.assignments.map((a) =>
      a.id === 'as-1'
        ? { ...a, recusal: { reason: '后来申报回避', source: 'declared' as const, at: deps.now } }
        : a,
    );
    const roster = {
      bases: new Map(setup.bases.map((b) => [b.id, b])),
      experts: new Map([setup.expert, setup.other].map((e) => [e.id, e])),
      assignments: assignmentsByPair(recusedLater),
    };
    expect(sheets.map((s) => admitSheet(s, 'panel-wb', roster, undefined))).toEqual([
      { kind: 'refused', reason: 'recusedPair' },
      { kind: 'taken' },
    ]);
  });

  it('takes a recusal recorded in the workbook as a recused sheet', async () => {
    const { setup, read } = await filled({ 'LN-B1-002': { B17: '是', B18: '曾任顾问' } });
    const [, b] = toScoresheets(read, setup.expert, setup.round);
    expect(b).toMatchObject({
      recusal: { reason: '曾任顾问', source: 'declared', at: '2024-05-10T09:00:00.000Z' },
      scores: {},
      status: 'draft',
    });
  });

  it('refuses to turn a workbook into another expert’s sheets', async () => {
    const { setup, read } = await filled({});
    const read2: WorkbookRead = read;
    expect(() => toScoresheets(read2, setup.other, setup.round)).toThrow(RangeError);
  });
});
