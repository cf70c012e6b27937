// A person settles a scoresheet conflict at the secretariat: the chosen (or agreed) values
// become the sheet, the record stays as resolved history with an audit entry, and importing
// the same bundles again opens nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import { dataDigest, databaseDigest } from '../../../renderer/db/bundles/digest';
import { listOpenConflicts } from '../../../renderer/db/queries';
import { resolveConflict } from '../../../renderer/db/repositories/conflictRepository';
import type { ResolveConflictDeps } from '../../../renderer/db/repositories/conflictRepository';
import { createHlc } from '../../../shared/domain/hlc';
import type { ConflictRecord } from '../../../shared/domain/types';
import { sameContent } from '../../../shared/sync/content';
import { buildScoresheet, testSheetDeps } from '../../helpers/builders';
import type { RoundRecords } from '../../helpers/builders';
import { openTestDatabase } from '../../helpers/db';
import {
  importBundle,
  roundBundleFrom,
  scoresBundleFrom,
  secretariatDatabase,
} from '../../helpers/importBuilders';
import { scoreSheet } from '../../helpers/panelWorkflow';

let secretariat: PingguDatabase;
let laptops: PingguDatabase[];
let r: RoundRecords;
let bundles: Uint8Array[];
let conflict: ConflictRecord;

const NOW = '2024-05-14T09:00:00.000Z';
const deps = (overrides: Partial<ResolveConflictDeps> = {}): ResolveConflictDeps => ({
  now: () => NOW,
  deviceId: 'secretariat-pc',
  clock: createHlc('secretariat-pc', () => Date.parse(NOW)),
  ...overrides,
});

beforeEach(async () => {
  secretariat = await openTestDatabase();
  laptops = [await openTestDatabase(), await openTestDatabase()];
  r = await secretariatDatabase(secretariat);
  const [base] = r.bases;
  const [expert] = r.experts;
  if (!base || !expert) throw new Error('no records');
  const start = buildScoresheet(base, expert, { versions: {} });
  const roundBytes = await roundBundleFrom(secretariat, r);
  bundles = [];
  for (const [i, laptop] of laptops.entries()) {
    await importBundle(laptop, roundBytes);
    await laptop.scoresheets.add(start);
    await scoreSheet(laptop, start, testSheetDeps(`laptop-${i}`), {
      submit: false,
      points: (max) => (i === 0 ? max : Math.round(max) / 2),
    });
    const bytes = await scoresBundleFrom(laptop, r, {
      deviceId: `laptop-${i}`,
      expertIds: [expert.id],
    });
    bundles.push(bytes);
    await importBundle(secretariat, bytes);
  }
  const [open] = await listOpenConflicts(secretariat, r.round.id);
  if (!open) throw new Error('no conflict opened');
  conflict = open;
});

afterEach(async () => {
  await Promise.all([secretariat, ...laptops].map((db) => db.delete()));
});

describe('resolving a scoresheet conflict', () => {
  it('takes the kept copy, records the resolution and opens nothing on re-import', async () => {
    const result = await resolveConflict(
      secretariat,
      conflict.id,
      'incoming',
      '秘书处 王芳',
      deps(),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(sameContent(result.value, conflict.incoming)).toBe(true);
    expect(await secretariat.scoresheets.get(result.value.id)).toEqual(result.value);
    expect(await secretariat.conflicts.get(conflict.id)).toMatchObject({
      resolvedAt: NOW,
      resolution: 'incoming',
    });
    expect(await listOpenConflicts(secretariat, r.round.id)).toEqual([]);
    const audit = await secretariat.auditLog.where('entityId').equals(result.value.id).toArray();
    expect(audit.at(-1)).toMatchObject({
      action: 'scoresheet.resolveConflict',
      actor: '秘书处 王芳',
      at: NOW,
    });

    const settled = await dataDigest(secretariat);
    for (const bytes of bundles) await importBundle(secretariat, bytes);
    expect(await listOpenConflicts(secretariat, r.round.id)).toEqual([]);
    expect(await dataDigest(secretariat)).toBe(settled);
  });

  it('writes the values the panel agreed on', async () => {
    const agreed = { scores: { 'A1-1-1': 3 }, comments: {}, overallComment: '组内商定' };
    const result = await resolveConflict(secretariat, conflict.id, agreed, '秘书处', deps());
    expect(result.ok && result.value).toMatchObject({
      scores: agreed.scores,
      overallComment: '组内商定',
    });
    expect((await secretariat.conflicts.get(conflict.id))?.resolution).toBe('manual');
  });

  it('refuses a resolution of a record that changed since it was shown, or was resolved', async () => {
    const before = await databaseDigest(secretariat);
    const seen = { ...conflict, incoming: { ...conflict.incoming, overallComment: '旧的显示' } };
    const stale = await resolveConflict(
      secretariat,
      conflict.id,
      'local',
      '秘书处',
      deps({ seen }),
    );
    expect(stale.ok || stale.error.code).toBe('stale');
    expect(await databaseDigest(secretariat)).toBe(before);

    await resolveConflict(secretariat, conflict.id, 'local', '秘书处', deps());
    const again = await resolveConflict(secretariat, conflict.id, 'incoming', '秘书处', deps());
    expect(again.ok || again.error.message).toContain('已经处理过');
    const missing = await resolveConflict(secretariat, 'conflict-none', 'local', '秘书处', deps());
    expect(missing.ok || missing.error.code).toBe('notFound');
  });
});
