// The 报告 tab's exports against a real database: the workbook and the CSV hold what the
// pure report says for the stored round, and the result bundle is signed, opens like any
// bundle, and is refused (nothing saved) while a conflict is open.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../../renderer/db/database';
import { readReportRecords } from '../../../../../renderer/features/secretariat/report/reportData';
import {
  exportReportWorkbook,
  exportResultBundle,
  exportResultsCsv,
} from '../../../../../renderer/features/secretariat/report/reportExports';
import type {
  ReportExportDeps,
  ResultBundleDeps,
} from '../../../../../renderer/features/secretariat/report/reportExports';
import { openBundle } from '../../../../../shared/bundle/bundle';
import {
  generateSigningKeyPair,
  publicKeyFingerprint,
} from '../../../../../shared/bundle/bundleCrypto';
import type {
  SaveBundleRequest,
  SaveReportRequest,
  SaveValue,
} from '../../../../../shared/ipc/contract';
import { fail, ok } from '../../../../../shared/ipc/result';
import type { DesktopResult } from '../../../../../shared/ipc/result';
import { buildReportModel } from '../../../../../shared/report/model';
import { resultsCsv } from '../../../../../shared/report/workbook';
import { openTestDatabase } from '../../../../helpers/db';
import { buildReportFixture } from '../../../../helpers/reportBuilders';
import { loadWithExcelJs } from '../../../../helpers/xlsxBuilders';
import type { ReportFixture } from '../../../../helpers/reportBuilders';

const NOW = '2024-06-02T01:00:00.000Z';
const crypto = globalThis.crypto;

let db: PingguDatabase;
let fixture: ReportFixture;

beforeEach(async () => {
  db = await openTestDatabase();
  fixture = buildReportFixture();
  const { input } = fixture;
  await db.transaction('rw', db.tables, async () => {
    await db.rounds.add(input.round);
    await db.templates.bulkPut([...input.templates]);
    await db.panels.bulkAdd([...input.panels]);
    await db.experts.bulkAdd([...input.experts]);
    await db.bases.bulkAdd([...input.bases]);
    await db.assignments.bulkAdd([...input.assignments]);
    await db.scoresheets.bulkAdd([...input.scoresheets]);
    await db.decisions.bulkAdd([...input.decisions]);
    await db.conflicts.bulkAdd([...input.conflicts]);
    await db.auditLog.bulkAdd([...(input.audit ?? [])]);
  });
});

afterEach(async () => {
  await db.delete();
});

function recordingReports(
  answer: DesktopResult<SaveValue> = ok({ saved: true, path: '/home/wang/报告.xlsx' }),
) {
  const saved: SaveReportRequest[] = [];
  const deps: ReportExportDeps = {
    now: () => NOW,
    utcOffsetMinutes: 480,
    saveReport: async (request) => {
      saved.push(request);
      return answer;
    },
  };
  return { saved, deps };
}

async function bundleDeps() {
  const key = await generateSigningKeyPair(crypto);
  const saved: SaveBundleRequest[] = [];
  const fingerprint = await publicKeyFingerprint(crypto, key.publicKeyRaw);
  const deps: ResultBundleDeps = {
    signer: { privateKey: key.privateKey, publicKeyRaw: key.publicKeyRaw, fingerprint },
    deviceId: 'secretariat-pc',
    appVersion: '0.1.0',
    crypto,
    now: () => NOW,
    saveBundle: async (request) => {
      saved.push(request);
      return ok({ saved: true });
    },
  };
  return { saved, deps, fingerprint };
}

describe('report exports', () => {
  it('reads every record the report needs, with the conflicts and audit of the round', async () => {
    const records = await readReportRecords(db, fixture.input.round.id);
    expect(records?.bases).toHaveLength(4);
    expect(records?.conflicts).toHaveLength(2);
    expect(records?.audit?.map((e) => e.actor)).toEqual(['王秘书']);
    expect(records?.templates.map((t) => t.id).sort()).toEqual(['builtin-A1', 'builtin-B4']);
    expect(await readReportRecords(db, 'no-such-round')).toBeNull();
  });

  it('saves the workbook as xlsx with the six sheets and the stored numbers', async () => {
    const { saved, deps } = recordingReports();
    const outcome = await exportReportWorkbook(db, fixture.input.round.id, deps);
    expect(outcome).toEqual({
      kind: 'saved',
      fileName: saved[0]?.suggestedName,
      path: '/home/wang/报告.xlsx',
    });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.kind).toBe('xlsx');
    expect(saved[0]?.suggestedName).toMatch(
      /^评估报告-2024-2024年度省级科技创新基地定期评估-\d{8}-\d{4}\.xlsx$/,
    );
    const workbook = await loadWithExcelJs(saved[0]?.bytes ?? new Uint8Array());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '基地结果',
      '指标均分',
      '评分表',
      '冲突',
      '决定',
    ]);
    const results = workbook.getWorksheet('基地结果');
    expect(results?.getRow(2).getCell(1).value).toBe('LN-A1-001');
    expect(results?.getRow(2).getCell(9).value).toBe(90);
    expect(workbook.getWorksheet('冲突')?.rowCount).toBe(3);
  });

  it('saves 基地结果 as UTF-8 CSV with a byte-order mark', async () => {
    const { saved, deps } = recordingReports();
    const outcome = await exportResultsCsv(db, fixture.input.round.id, deps);
    expect(outcome.kind).toBe('saved');
    expect(saved[0]?.kind).toBe('csv');
    const bytes = saved[0]?.bytes ?? new Uint8Array();
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const expected = resultsCsv(buildReportModel({ ...fixture.input, generatedAt: NOW }));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(expected);
  });

  it('reports a cancelled save dialog and a failed save without claiming success', async () => {
    const cancelled = recordingReports(ok({ saved: false }));
    expect(await exportReportWorkbook(db, fixture.input.round.id, cancelled.deps)).toEqual({
      kind: 'cancelled',
    });
    const broken = recordingReports(fail('ioFailed', '磁盘已满，文件没有保存。'));
    expect(await exportResultsCsv(db, fixture.input.round.id, broken.deps)).toEqual({
      kind: 'failed',
      message: '磁盘已满，文件没有保存。',
    });
    expect(await exportResultsCsv(db, 'gone', broken.deps)).toEqual({
      kind: 'failed',
      message: '找不到评估轮次：gone',
    });
  });

  it('refuses the result bundle while a conflict is open and saves nothing', async () => {
    const { saved, deps } = await bundleDeps();
    const outcome = await exportResultBundle(db, fixture.input.round.id, deps);
    expect(outcome).toEqual({
      kind: 'refused',
      message: '本轮仍有 1 项评分冲突未处理，请处理后再生成结果包。',
    });
    expect(saved).toHaveLength(0);
  });

  it('signs the result bundle with the device key once every conflict is resolved', async () => {
    await db.conflicts.update('conflict-open', {
      resolvedAt: '2024-05-23T01:00:00.000Z',
      resolution: 'local',
    });
    const { saved, deps, fingerprint } = await bundleDeps();
    const outcome = await exportResultBundle(db, fixture.input.round.id, deps);
    expect(outcome).toMatchObject({
      kind: 'saved',
      bases: 4,
      scoresheets: 12,
      decisions: 2,
      fingerprint,
    });
    expect(saved[0]?.suggestedName).toMatch(/^结果包-2024-.+\.pgb$/);
    const opened = await openBundle(saved[0]?.bytes ?? new Uint8Array(), { crypto });
    if (!opened.ok) throw new Error(opened.error.messageEn);
    expect(opened.kind).toBe('result');
    expect(opened.signer.fingerprint).toBe(fingerprint);
    if (opened.kind !== 'result') throw new Error('expected a result bundle');
    expect(opened.payload.decisions.map((d) => d.baseId).sort()).toEqual(
      fixture.input.decisions.map((d) => d.baseId).sort(),
    );
  });
});
