import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import { getCurrentRound } from '../../../renderer/db/queries';
import { getExpertPins, putExpertPin } from '../../../renderer/db/repositories/expertPinRepository';
import { getIssuedBundles, recordIssue } from '../../../renderer/db/repositories/issueRepository';
import { getSetting, setSetting } from '../../../renderer/db/repositories/settingsRepository';
import {
  addRound,
  deleteRound,
  setCurrentRound,
} from '../../../renderer/db/repositories/roundRepository';
import { TABLE_NAMES } from '../../../renderer/db/schema';
import type { TableName } from '../../../renderer/db/schema';
import { builtinTemplateForType } from '../../../shared/domain/templates';
import type { IndicatorTemplate } from '../../../shared/domain/types';
import {
  buildAuditEntry,
  buildDecision,
  buildRound,
  buildRoundRecords,
  TEST_TIME,
  testClock,
} from '../../helpers/builders';
import type { RoundRecords } from '../../helpers/builders';
import { openTestDatabase, putRoundRecords } from '../../helpers/db';

let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

/** Everything stored for a round, table by table (the round row itself included). */
async function recordsOf(roundId: string) {
  return {
    rounds: await db.rounds.where('id').equals(roundId).count(),
    bases: await db.bases.where('roundId').equals(roundId).count(),
    panels: await db.panels.where('roundId').equals(roundId).count(),
    experts: await db.experts.where('roundId').equals(roundId).count(),
    assignments: await db.assignments.where('roundId').equals(roundId).count(),
    scoresheets: await db.scoresheets.where('roundId').equals(roundId).count(),
    decisions: await db.decisions.where('roundId').equals(roundId).count(),
    conflicts: await db.conflicts.where('roundId').equals(roundId).count(),
    bundleImports: await db.bundleImports.where('roundId').equals(roundId).count(),
    audit: await db.auditLog.where('roundId').equals(roundId).count(),
  };
}

/**
 * Whether a stored value names the id anywhere: a field, a key, or inside the JSON text a
 * settings row keeps (issuedRoundBundles is JSON keyed by round id).
 */
function mentions(value: unknown, id: string): boolean {
  if (typeof value === 'string') {
    if (value === id) return true;
    if (!value.startsWith('{') && !value.startsWith('[')) return false;
    try {
      return mentions(JSON.parse(value), id);
    } catch {
      return false;
    }
  }
  if (Array.isArray(value)) return value.some((item) => mentions(item, id));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, item]) => key === id || mentions(item, id));
  }
  return false;
}

/** The rows of every table of the schema that name the round (settings rows included). */
async function rowsNaming(roundId: string): Promise<Partial<Record<TableName, unknown[]>>> {
  const found: Partial<Record<TableName, unknown[]>> = {};
  for (const name of TABLE_NAMES) {
    const rows: unknown[] = await db.table(name).toArray();
    found[name] = rows.filter((row) => mentions(row, roundId));
  }
  return found;
}

/** The round's bundles issued to its panel (a settings row) and its pinned secretariat key. */
async function issueFullRound(r: RoundRecords): Promise<void> {
  const issued = await recordIssue(
    db,
    {
      roundId: r.round.id,
      issuedAt: TEST_TIME,
      bundles: [
        {
          panelId: r.panel.id,
          panelName: r.panel.name,
          fileName: `评审包-${r.panel.name}.pgb`,
          fingerprint: 'ABCD-EF01-2345-6789',
          encrypted: false,
          issuedAt: TEST_TIME,
          bases: r.bases.length,
          experts: r.experts.length,
        },
      ],
      templateIds: r.templates.map((t) => t.id),
      actor: '王秘书',
    },
    testClock(),
  );
  if (!issued.ok) throw new Error(issued.error.message);
  await db.trustedKeys.add({
    id: `${r.round.id}-pin`,
    roundId: r.round.id,
    role: 'secretariat',
    publicKey: 'A'.repeat(43) + '=',
    fingerprint: 'ABCD-EF01-2345-6789',
    firstSeenAt: TEST_TIME,
  });
  await db.roundChanges.add({
    id: `${r.round.id}-change`,
    roundId: r.round.id,
    kind: 'waiveMissing',
    at: TEST_TIME,
    actor: '王秘书',
    reason: '专家因病缺评。',
    voids: [],
  });
}

async function putFullRound(r: RoundRecords): Promise<void> {
  await putRoundRecords(db, r);
  const [base] = r.bases;
  const [sheet] = r.scoresheets;
  if (!base || !sheet) throw new Error('builder');
  await db.decisions.add(buildDecision(base));
  await db.conflicts.add({
    id: `${r.round.id}-conflict`,
    roundId: r.round.id,
    scoresheetId: sheet.id,
    local: sheet,
    incoming: { ...sheet, revision: sheet.revision + 1 },
    detectedAt: '2024-05-11T10:00:00.000Z',
    sourceImportId: `${r.round.id}-import`,
  });
  await db.bundleImports.add({
    id: `${r.round.id}-import`,
    roundId: r.round.id,
    kind: 'scores',
    fileName: 'scores.pinggu',
    deviceId: 'laptop-2',
    fingerprint: 'ab12',
    importedAt: '2024-05-11T10:00:00.000Z',
    counts: { added: 1, updated: 0, unchanged: 0, conflicts: 1, refused: 0 },
  });
  await db.auditLog.add(buildAuditEntry(r.round.id, { entityId: sheet.id }));
}

describe('adding a round', () => {
  it('stores the round with its templates and a round.create audit entry', async () => {
    const round = buildRound();
    const templates = [builtinTemplateForType('A1'), builtinTemplateForType('B4')];

    const result = await addRound(db, { round, templates }, '王秘书', testClock());

    expect(result.ok).toBe(true);
    expect(await db.rounds.get(round.id)).toEqual(round);
    expect((await db.templates.toArray()).map((t) => t.id).sort()).toEqual([
      'builtin-A1',
      'builtin-B4',
    ]);
    expect(await db.auditLog.toArray()).toMatchObject([
      { action: 'round.create', entityId: round.id, actor: '王秘书' },
    ]);
  });

  it('keeps an already stored (issued) template instead of overwriting it', async () => {
    const frozen: IndicatorTemplate = {
      ...builtinTemplateForType('A1'),
      frozenAt: '2024-04-01T00:00:00.000Z',
    };
    await db.templates.add(frozen);

    await addRound(
      db,
      { round: buildRound(), templates: [builtinTemplateForType('A1')] },
      '王秘书',
      testClock(),
    );

    expect(await db.templates.get('builtin-A1')).toEqual(frozen);
  });

  it('refuses a round whose id exists, writing nothing', async () => {
    const round = buildRound();
    await addRound(db, { round, templates: [] }, '王秘书', testClock());

    const again = await addRound(
      db,
      { round: { ...round, name: '另一个' }, templates: [] },
      '王秘书',
      testClock(),
    );

    expect(again).toMatchObject({ ok: false, error: { code: 'alreadyExists' } });
    expect((await db.rounds.get(round.id))?.name).toBe(round.name);
    expect(await db.auditLog.count()).toBe(1);
  });
});

describe('deleting a round', () => {
  it('deletes every record of the round and nothing of another round', async () => {
    const doomed = buildRoundRecords();
    const kept = buildRoundRecords();
    await putFullRound(doomed);
    await putFullRound(kept);
    const keptBefore = await recordsOf(kept.round.id);

    const result = await deleteRound(db, doomed.round.id, '王秘书', testClock());

    expect(result.ok).toBe(true);
    expect(await recordsOf(doomed.round.id)).toEqual({
      rounds: 0,
      bases: 0,
      panels: 0,
      experts: 0,
      assignments: 0,
      scoresheets: 0,
      decisions: 0,
      conflicts: 0,
      bundleImports: 0,
      audit: 1, // the round.delete entry that records the deletion itself
    });
    expect((await db.auditLog.where('roundId').equals(doomed.round.id).first())?.action).toBe(
      'round.delete',
    );
    expect(await recordsOf(kept.round.id)).toEqual(keptBefore);
    // Templates the other round still uses stay.
    expect(await db.templates.count()).toBe(kept.templates.length);
  });

  it('leaves no row of any table naming the deleted round but its round.delete entry', async () => {
    const doomed = buildRoundRecords();
    const kept = buildRoundRecords();
    for (const r of [doomed, kept]) {
      await putFullRound(r);
      await issueFullRound(r);
    }
    await setCurrentRound(db, doomed.round.id);
    const keptIssued = await getIssuedBundles(db, kept.round.id);
    const keptBefore = await rowsNaming(kept.round.id);

    const result = await deleteRound(db, doomed.round.id, '王秘书', testClock());

    expect(result.ok && result.value.trustedKeys).toBe(1);
    expect(result.ok && result.value.roundChanges).toBe(1);
    const { auditLog, ...others } = await rowsNaming(doomed.round.id);
    expect(others).toEqual(
      Object.fromEntries(TABLE_NAMES.filter((n) => n !== 'auditLog').map((n) => [n, []])),
    );
    expect(auditLog).toMatchObject([{ action: 'round.delete', entityId: doomed.round.id }]);
    // The other round keeps its pinned key and the record of what it issued.
    const { settings: _before, ...keptRows } = keptBefore;
    const { settings: _after, ...keptRowsAfter } = await rowsNaming(kept.round.id);
    expect(keptRowsAfter).toEqual(keptRows);
    expect(keptRows.trustedKeys).toHaveLength(1);
    expect(keptRows.roundChanges).toHaveLength(1);
    expect(await getIssuedBundles(db, kept.round.id)).toEqual(keptIssued);
    expect(Object.keys(keptIssued)).toEqual([kept.panel.id]);
  });

  it('drops the issued-bundle settings row with the last round that issued', async () => {
    const only = buildRoundRecords();
    await putFullRound(only);
    await issueFullRound(only);

    await deleteRound(db, only.round.id, '王秘书', testClock());

    expect(await db.settings.get('issuedRoundBundles')).toBeUndefined();
    expect(await db.trustedKeys.count()).toBe(0);
  });

  it("forgets this laptop's PINs of the round's experts and its current expert", async () => {
    const doomed = buildRoundRecords();
    const kept = buildRoundRecords();
    await putFullRound(doomed);
    await putFullRound(kept);
    const pin = { kind: 'pin', salt: 'ab12', hash: 'cd34', setAt: TEST_TIME } as const;
    const [doomedExpert] = doomed.experts;
    const [keptExpert] = kept.experts;
    if (!doomedExpert || !keptExpert) throw new Error('builder');
    await putExpertPin(db, doomedExpert.id, pin);
    await putExpertPin(db, keptExpert.id, { kind: 'declined', at: TEST_TIME });
    await setSetting(db, 'currentExpertId', doomedExpert.id);

    await deleteRound(db, doomed.round.id, '王秘书', testClock());

    expect(await getExpertPins(db)).toEqual({
      [keptExpert.id]: { kind: 'declined', at: TEST_TIME },
    });
    expect(await getSetting(db, 'currentExpertId')).toBeUndefined();

    // The other round's expert stays chosen, and its row goes with its last PIN.
    await setSetting(db, 'currentExpertId', keptExpert.id);
    await deleteRound(db, doomed.round.id, '王秘书', testClock()); // unknown now: no change
    expect(await getSetting(db, 'currentExpertId')).toBe(keptExpert.id);
    await deleteRound(db, kept.round.id, '王秘书', testClock());
    expect(await db.settings.get('expertPins')).toBeUndefined();
    expect(await getSetting(db, 'currentExpertId')).toBeUndefined();
  });

  it('deletes templates no remaining round uses', async () => {
    const only = buildRoundRecords();
    await putFullRound(only);

    const result = await deleteRound(db, only.round.id, '王秘书', testClock());

    expect(result.ok && result.value.templates).toBe(only.templates.length);
    expect(await db.templates.count()).toBe(0);
  });

  it('clears the current-round choice when the current round is deleted', async () => {
    const r = buildRoundRecords();
    await putFullRound(r);
    await setCurrentRound(db, r.round.id);

    await deleteRound(db, r.round.id, '王秘书', testClock());

    expect(await getCurrentRound(db)).toBeNull();
  });

  it('reports an unknown round as not found', async () => {
    expect(await deleteRound(db, 'nope', '王秘书', testClock())).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe('current round', () => {
  it('opens on the round chosen last, and refuses an unknown one', async () => {
    const a = buildRound();
    const b = buildRound();
    await addRound(db, { round: a, templates: [] }, 'x', testClock());
    await addRound(db, { round: b, templates: [] }, 'x', testClock());

    await setCurrentRound(db, a.id);
    await setCurrentRound(db, b.id);
    expect((await getCurrentRound(db))?.id).toBe(b.id);

    expect(await setCurrentRound(db, 'nope')).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
    expect((await getCurrentRound(db))?.id).toBe(b.id);

    await setCurrentRound(db, null);
    expect(await getCurrentRound(db)).toBeNull();
  });
});
