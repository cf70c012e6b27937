// What the CLI says of a round as a whole and of its round changes: `pinggu merge` carries a
// score sheet for a pair a change voided (voided, never counted) instead of refusing its file;
// `pinggu report` gives status, closedAt, version, keysVerified and each base's voidedSheets;
// `pinggu verify` ends every OK line with the signer's fingerprint, and `closed v<N>` for a
// closed round's result bundle.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import type { RoundChange } from '../../../shared/domain/types';
import { writeResultBundle, writeRoundBundle } from '../../helpers/cliTrust';
import { lines, openFile, runCli, writeDemo } from '../../helpers/cli';
import type { DemoFiles } from '../../helpers/cli';

const ROUND = 'demo-7-2023';
const PANEL_1 = `${ROUND}-panel-1`;

let demo: DemoFiles;
let rel: { rounds: string[]; scores: string[]; all: string[] };

beforeAll(async () => {
  demo = await writeDemo(['--seed', '7', '--bases', '12', '--panels', '2']);
  const relative = (files: string[]) => files.map((f) => path.relative(demo.dir, f));
  rel = { rounds: relative(demo.rounds), scores: relative(demo.scores), all: relative(demo.all) };
  const merged = await runCli(['merge', '--out', 'plain.pgb', ...rel.all], { cwd: demo.dir });
  if (merged.code !== 0) throw new Error(merged.stderr);
});

type Json = {
  round: string;
  status: string;
  closedAt: string | null;
  version: number | null;
  keysVerified: boolean;
  method: string;
  bases: {
    id: string;
    sheets: number;
    voidedSheets: number;
    mean: number | null;
    median: number | null;
    trimmedMean: number | null;
  }[];
};

async function report(file: string): Promise<Json> {
  const result = await runCli(['report', file], { cwd: demo.dir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

const AT = '2024-05-20T09:00:00.000Z';

/** Panel 1's round bundle re-issued after a conflict of interest declared on a scored pair. */
async function reissueWithConflict(): Promise<{
  file: string;
  sheetId: string;
  change: RoundChange;
}> {
  const [roundOne, scoresOne] = await Promise.all([
    openFile(demo.rounds[0] ?? ''),
    openFile(demo.scores[0] ?? ''),
  ]);
  if (roundOne.kind !== 'round' || scoresOne.kind !== 'scores') throw new Error('demo bundles');
  const sheet = scoresOne.payload.scoresheets.find(
    (s) => s.status === 'submitted' && s.recusal === undefined,
  );
  if (!sheet) throw new Error('no submitted sheet');
  const change: RoundChange = {
    id: 'change-conflict-1',
    roundId: ROUND,
    kind: 'declareConflict',
    at: AT,
    actor: '秘书处 王芳',
    reason: '评分开始后发现专家曾在该基地兼职',
    expertId: sheet.expertId,
    baseId: sheet.baseId,
    voids: [{ expertId: sheet.expertId, baseId: sheet.baseId }],
  };
  const assignments = roundOne.payload.assignments.map((a) =>
    a.expertId === sheet.expertId && a.baseId === sheet.baseId
      ? { ...a, recusal: { reason: change.reason, source: 'declared' as const, at: AT } }
      : a,
  );
  const file = await writeRoundBundle(
    path.join(demo.dir, 'round-panel-1-reissued.pgb'),
    { roundId: ROUND, panelId: PANEL_1 },
    { ...roundOne.payload, assignments, changes: [change] },
    {
      deviceId: 'secretariat-reissue',
      createdAt: AT,
      signer: await generateSigningKeyPair(globalThis.crypto),
    },
  );
  return { file: path.basename(file), sheetId: sheet.id, change };
}

describe('pinggu merge and report with a voided sheet', () => {
  it('carries the sheet of a pair voided by a change, says so, and counts it in no statistic', async () => {
    const { file, sheetId, change } = await reissueWithConflict();
    const files = [file, rel.rounds[1] ?? '', ...rel.scores];
    const merged = await runCli(['merge', '--out', 'voided.pgb', ...files], { cwd: demo.dir });
    expect(merged.code, merged.stdout + merged.stderr).toBe(0);
    expect(lines(merged.stderr)).toContain(
      `merge: ${rel.scores[0] ?? ''}: scoresheet "${sheetId}" (expert ${change.expertId ?? ''}, ` +
        `base ${change.baseId ?? ''}) is voided by round change "change-conflict-1" ` +
        '(declareConflict): carried in the result, never counted',
    );
    const bundle = await openFile(path.join(demo.dir, 'voided.pgb'));
    if (bundle.kind !== 'result') throw new Error('expected a result bundle');
    expect(bundle.payload.scoresheets.map((s) => s.id)).toContain(sheetId);
    expect(bundle.payload.changes).toEqual([change]);

    const before = await report('plain.pgb');
    const after = await report('voided.pgb');
    const row = (json: Json) => json.bases.find((b) => b.id === change.baseId);
    expect(row(before)?.voidedSheets).toBe(0);
    expect(row(after)).toMatchObject({
      voidedSheets: 1,
      sheets: (row(before)?.sheets ?? 0) - 1,
    });
    // Every other base keeps its sheets and the values its own sheets make (ranks, and z-scores
    // through the expert's other sheets, may move with the voided base).
    const others = (json: Json) =>
      json.bases
        .filter((b) => b.id !== change.baseId)
        .map(({ id, sheets, voidedSheets, mean, median, trimmedMean }) => ({
          id,
          sheets,
          voidedSheets,
          mean,
          median,
          trimmedMean,
        }));
    expect(others(after)).toEqual(others(before));
  });

  it('still refuses the recused sheet when no change voids its pair', async () => {
    const { file } = await reissueWithConflict();
    const reissued = await openFile(path.join(demo.dir, file));
    if (reissued.kind !== 'round') throw new Error('expected a round bundle');
    const undone = await writeRoundBundle(
      path.join(demo.dir, 'round-panel-1-undone.pgb'),
      { roundId: ROUND, panelId: PANEL_1 },
      {
        ...reissued.payload,
        changes: reissued.payload.changes.map((c) => ({
          ...c,
          undone: { at: AT, actor: '秘书处 王芳', reason: '核实后无利益关系' },
        })),
      },
      {
        deviceId: 'secretariat-undo',
        createdAt: AT,
        signer: await generateSigningKeyPair(globalThis.crypto),
      },
    );
    const files = [path.basename(undone), rel.rounds[1] ?? '', ...rel.scores];
    const merged = await runCli(['merge', '--out', 'undone.pgb', ...files], { cwd: demo.dir });
    expect(merged.code).toBe(2);
    expect(merged.stdout).toMatch(
      new RegExp(
        `REFUSED ${rel.scores[0] ?? ''}: scoresheet ".*" scores a base its expert is recused from`,
      ),
    );
  });
});

describe('pinggu report: the round as a whole', () => {
  it('says an unchecked, open round is open, never closed, and its keys not verified', async () => {
    const json = await report('plain.pgb');
    expect(Object.keys(json)).toEqual([
      'round',
      'status',
      'closedAt',
      'version',
      'keysVerified',
      'method',
      'bases',
    ]);
    expect(json).toMatchObject({
      status: 'open',
      closedAt: null,
      version: null,
      keysVerified: false,
    });
  });

  it('gives the closing time and version of a closed round, and verified keys', async () => {
    const plain = await openFile(path.join(demo.dir, 'plain.pgb'));
    if (plain.kind !== 'result') throw new Error('expected a result bundle');
    const closure = { version: 2, closedAt: '2024-06-20T10:00:00.000Z', closedBy: '组长 李明' };
    const signer = await generateSigningKeyPair(globalThis.crypto);
    const common = { deviceId: 'secretariat-pc', createdAt: '2024-06-20T10:00:00.000Z', signer };
    await writeResultBundle(
      path.join(demo.dir, 'closed.pgb'),
      ROUND,
      {
        ...plain.payload,
        round: { ...plain.payload.round, status: 'closed', closure },
        provenance: { ...plain.payload.provenance, keysVerified: true },
      },
      common,
    );
    // Reopened (重新开启) after its first closing: open again, its closure kept for the next.
    const reopened = {
      ...closure,
      version: 1,
      reopenedAt: '2024-06-21T08:00:00.000Z',
      reopenedBy: '组长 李明',
      reopenReason: '补录一份评分表',
    };
    await writeResultBundle(
      path.join(demo.dir, 'reopened.pgb'),
      ROUND,
      { ...plain.payload, round: { ...plain.payload.round, status: 'issued', closure: reopened } },
      common,
    );

    expect(await report('closed.pgb')).toMatchObject({
      status: 'closed',
      closedAt: '2024-06-20T10:00:00.000Z',
      version: 2,
      keysVerified: true,
    });
    expect(await report('reopened.pgb')).toMatchObject({
      status: 'open',
      closedAt: null,
      version: null,
    });

    const sheets = plain.payload.scoresheets.length;
    const fingerprint = (await openFile(path.join(demo.dir, 'closed.pgb'))).signer.fingerprint;
    const verified = await runCli(['verify', 'closed.pgb', 'reopened.pgb'], { cwd: demo.dir });
    expect(verified.code).toBe(0);
    expect(lines(verified.stdout)).toEqual([
      `OK closed.pgb result ${ROUND} - ${sheets} ${fingerprint} closed v2`,
      `OK reopened.pgb result ${ROUND} - ${sheets} ${fingerprint}`,
    ]);
  });
});
