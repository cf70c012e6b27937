// The final files of a closing: the report workbook and the signed result bundle are saved
// with the version in their names, their SHA-256 is recorded on the closure, the result
// bundle carries the closure and the decisions' bases, and exporting it again (from the 报告
// tab) gives the very same bytes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeRound } from '../../../../../renderer/db/repositories/closingRepository';
import {
  exportResultBundle,
  reportWorkbookFile,
} from '../../../../../renderer/features/secretariat/report/reportExports';
import { writeFinalFiles } from '../../../../../renderer/features/secretariat/results/closingFiles';
import type { FinalFilesDeps } from '../../../../../renderer/features/secretariat/results/closingFiles';
import { openBundle } from '../../../../../shared/bundle/bundle';
import {
  generateSigningKeyPair,
  publicKeyFingerprint,
} from '../../../../../shared/bundle/bundleCrypto';
import { fileSha256 } from '../../../../../shared/bundle/fileHash';
import type { SaveBundleRequest, SaveReportRequest } from '../../../../../shared/ipc/contract';
import { ok } from '../../../../../shared/ipc/result';
import { testDeps } from '../../../../helpers/builders';
import { clearBlockers, CLOSING_ACTOR, closingFixture } from '../../../../helpers/closingBuilders';
import type { ClosingFixture } from '../../../../helpers/closingBuilders';
import { valueOf } from '../../../../helpers/importBuilders';

const crypto = globalThis.crypto;
let f: ClosingFixture;
let clockTicks = 0;

beforeEach(async () => {
  f = await closingFixture(false);
});
afterEach(async () => {
  await f.db.delete();
});

async function recordingDeps(answer: { saved: boolean } = { saved: true }) {
  const key = await generateSigningKeyPair(crypto);
  const fingerprint = await publicKeyFingerprint(crypto, key.publicKeyRaw);
  const reports: SaveReportRequest[] = [];
  const bundles: SaveBundleRequest[] = [];
  const deps: FinalFilesDeps = {
    actor: CLOSING_ACTOR,
    // A different time on every call: a closed round's files must not depend on it.
    now: () => new Date(Date.UTC(2024, 6, 1, 0, 0, (clockTicks += 1))).toISOString(),
    utcOffsetMinutes: 480,
    saveReport: async (request) => {
      reports.push(request);
      return ok(answer);
    },
    signer: { privateKey: key.privateKey, publicKeyRaw: key.publicKeyRaw, fingerprint },
    deviceId: 'secretariat-pc',
    appVersion: '0.1.0',
    crypto,
    saveBundle: async (request) => {
      bundles.push(request);
      return ok(answer);
    },
  };
  return { deps, reports, bundles };
}

async function closed(): Promise<void> {
  await clearBlockers(f);
  valueOf(await closeRound(f.db, f.round.id, CLOSING_ACTOR, testDeps()));
}

describe('the final files of a closing', () => {
  it('saves both files named with the version and records their SHA-256', async () => {
    await closed();
    const { deps, reports, bundles } = await recordingDeps();
    const outcome = await writeFinalFiles(f.db, f.round.id, deps);
    const [report] = reports;
    const [bundle] = bundles;
    if (!report || !bundle) throw new Error('nothing saved');
    expect(report.suggestedName).toMatch(/^评估报告-2024-.+-第1版\.xlsx$/);
    expect(bundle.suggestedName).toMatch(/^结果包-2024-.+-第1版\.pgb$/);
    const reportSha256 = await fileSha256(crypto, report.bytes);
    const resultSha256 = await fileSha256(crypto, bundle.bytes);
    expect(outcome).toEqual({
      kind: 'written',
      report: { kind: 'saved', fileName: report.suggestedName, sha256: reportSha256 },
      result: { kind: 'saved', fileName: bundle.suggestedName, sha256: resultSha256 },
    });
    const closure = (await f.db.rounds.get(f.round.id))?.closure;
    expect(closure).toMatchObject({ version: 1, reportSha256, resultSha256 });
  });

  it('writes a result bundle carrying the closure and the bases, the same bytes every time', async () => {
    await closed();
    const { deps, bundles } = await recordingDeps();
    await writeFinalFiles(f.db, f.round.id, deps);
    const again = await recordingDeps();
    const exported = await exportResultBundle(f.db, f.round.id, {
      ...again.deps,
      signer: deps.signer,
    });
    expect(exported.kind).toBe('saved');
    const [first] = bundles;
    const [second] = again.bundles;
    if (!first || !second) throw new Error('nothing saved');
    expect(second.suggestedName).toBe(first.suggestedName);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);

    const closure = (await f.db.rounds.get(f.round.id))?.closure;
    const opened = await openBundle(first.bytes, { crypto });
    if (!opened.ok || opened.kind !== 'result') throw new Error('not a result bundle');
    expect(opened.manifest.createdAt).toBe(closure?.closedAt);
    expect(opened.payload.round.status).toBe('closed');
    expect(opened.payload.round.closure).toEqual({
      version: 1,
      closedAt: closure?.closedAt,
      closedBy: CLOSING_ACTOR,
    });
    expect(opened.payload.decisions.every((d) => d.basis?.recordedAt === closure?.closedAt)).toBe(
      true,
    );
    expect(opened.payload.changes.filter((c) => c.kind === 'waiveMissing')).toHaveLength(5);
  });

  it('gives the same report workbook whenever a closed round’s report is exported', async () => {
    await closed();
    const { deps } = await recordingDeps();
    const a = await reportWorkbookFile(f.db, f.round.id, deps);
    const b = await reportWorkbookFile(f.db, f.round.id, deps);
    expect(a && b && Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('records nothing when the saves are cancelled', async () => {
    await closed();
    const { deps } = await recordingDeps({ saved: false });
    const outcome = await writeFinalFiles(f.db, f.round.id, deps);
    expect(outcome).toMatchObject({
      kind: 'written',
      report: { kind: 'cancelled' },
      result: { kind: 'cancelled' },
    });
    const closure = (await f.db.rounds.get(f.round.id))?.closure;
    expect(closure?.reportSha256).toBeUndefined();
    expect(closure?.resultSha256).toBeUndefined();
  });

  it('writes nothing for a round that is not closed', async () => {
    const { deps, reports, bundles } = await recordingDeps();
    expect(await writeFinalFiles(f.db, f.round.id, deps)).toEqual({
      kind: 'failed',
      message: '本轮评估尚未结束，不能写出最终文件。',
    });
    expect(reports.length + bundles.length).toBe(0);
  });
});
