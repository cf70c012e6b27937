// Round bundles on a panel laptop: the first brings the round; importing it again changes
// nothing; a re-issued one updates the roster but never a scoresheet or a local recusal, and
// withdraws what it no longer carries of its panel unless a sheet was started on it here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { prepareImport } from '../../../../renderer/db/bundles/prepareImport';
import { dataDigest, databaseDigest } from '../../../../renderer/db/bundles/digest';
import { recuseScoresheet } from '../../../../renderer/db/repositories/scoresheetRepository';
import { buildAssignment, buildExpert, testSheetDeps } from '../../../helpers/builders';
import type { RoundRecords } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import {
  commitDeps,
  importBundle,
  prepared,
  roundBundleFrom,
  secretariatDatabase,
  valueOf,
} from '../../../helpers/importBuilders';
import { scoreEverySheet } from '../../../helpers/panelWorkflow';

let secretariat: PingguDatabase;
let panel: PingguDatabase;
let r: RoundRecords;

beforeEach(async () => {
  [secretariat, panel] = await Promise.all([openTestDatabase(), openTestDatabase()]);
  r = await secretariatDatabase(secretariat);
});

afterEach(async () => {
  await Promise.all([secretariat.delete(), panel.delete()]);
});

const roundOnly = { prepare: { expectedKinds: ['round' as const] } };

describe('importing a round bundle on a panel laptop', () => {
  it('changes nothing when the same round bundle is imported again, and says so', async () => {
    const bytes = await roundBundleFrom(secretariat, r);
    await importBundle(panel, bytes, roundOnly);
    await scoreEverySheet(panel, r.round.id, testSheetDeps('laptop-1'), { submit: false });
    const before = await dataDigest(panel);
    const again = await prepared(panel, bytes, roundOnly.prepare);
    expect(again.preview.unchanged).toBe(true);
    expect(again.preview.key.status).toBe('pinned');
    expect(again.preview.roster?.experts).toEqual({ added: 0, changed: 0, unchanged: 3 });
    const result = await commitImport(panel, again, commitDeps());
    expect(result.ok && result.result).toMatchObject({ changed: false, keyPinned: false });
    expect(result.ok && result.result.message).toContain('没有任何更改');
    expect(await dataDigest(panel)).toBe(before);
    // the import itself is on record, once per commit
    expect(await panel.bundleImports.count()).toBe(2);
  });

  it('adds an expert from a re-issued bundle without touching any scoresheet', async () => {
    await importBundle(panel, await roundBundleFrom(secretariat, r), roundOnly);
    const sheets = await scoreEverySheet(panel, r.round.id, testSheetDeps('laptop-1'));
    const sheetsBefore = await databaseDigest(panel, { tables: ['scoresheets', 'conflicts'] });

    const newcomer = buildExpert(r.round.id, r.panel.id, { name: '赵新' });
    const [base] = r.bases;
    if (!base) throw new Error('no base');
    await secretariat.experts.add(newcomer);
    await secretariat.assignments.add(buildAssignment(base, newcomer));
    const reissued = await roundBundleFrom(secretariat, r, {
      createdAt: '2024-05-13T08:00:00.000Z',
    });
    const ready = await prepared(panel, reissued, roundOnly.prepare);
    expect(ready.preview.roster?.experts).toEqual({ added: 1, changed: 0, unchanged: 3 });
    expect(ready.preview.roster?.addedExperts).toEqual(['赵新']);
    expect(ready.preview.roster?.assignments.added).toBe(1);
    const result = await commitImport(panel, ready, commitDeps());
    expect(result.ok && result.result.changed).toBe(true);

    expect(await panel.experts.get(newcomer.id)).toEqual(newcomer);
    expect(await databaseDigest(panel, { tables: ['scoresheets', 'conflicts'] })).toBe(
      sheetsBefore,
    );
    expect(await panel.scoresheets.count()).toBe(sheets.length);
  });

  it('keeps a recusal declared on the laptop when the re-issued bundle does not carry it yet', async () => {
    await importBundle(panel, await roundBundleFrom(secretariat, r), roundOnly);
    const [assignment] = r.assignments;
    if (!assignment) throw new Error('no assignment');
    const key = {
      roundId: r.round.id,
      expertId: assignment.expertId,
      baseId: assignment.baseId,
    };
    valueOf(await recuseScoresheet(panel, key, '曾在该依托单位任职', '专家', testSheetDeps()));
    const recusal = (await panel.assignments.get(assignment.id))?.recusal;
    expect(recusal?.reason).toBe('曾在该依托单位任职');

    await secretariat.experts.update(assignment.expertId, { title: '研究员' });
    const reissued = await roundBundleFrom(secretariat, r, {
      createdAt: '2024-05-13T08:00:00.000Z',
    });
    await importBundle(panel, reissued, roundOnly);
    expect((await panel.experts.get(assignment.expertId))?.title).toBe('研究员');
    expect((await panel.assignments.get(assignment.id))?.recusal).toEqual(recusal);
  });

  it('withdraws a base moved to another panel and an expert taken off, with their assignments', async () => {
    const first = await roundBundleFrom(secretariat, r, { createdAt: '2024-05-12T08:00:00.000Z' });
    await importBundle(panel, first, roundOnly);
    const [kept, moved] = r.bases;
    const [stays, , leaves] = r.experts;
    if (!kept || !moved || !stays || !leaves) throw new Error('builder');
    // The secretariat moves one base to another panel and takes one expert off the panel.
    await secretariat.bases.update(moved.id, { panelId: 'another-panel' });
    await secretariat.experts.delete(leaves.id);
    const dropped = r.assignments.filter((a) => a.baseId === moved.id || a.expertId === leaves.id);
    await secretariat.assignments.bulkDelete(dropped.map((a) => a.id));
    const reissued = await roundBundleFrom(secretariat, r, {
      createdAt: '2024-05-13T08:00:00.000Z',
    });

    const ready = await prepared(panel, reissued, roundOnly.prepare);
    expect(ready.preview.unchanged).toBe(false);
    expect(ready.preview.roster?.withdrawn).toEqual({
      bases: [moved.name],
      experts: [leaves.name],
      assignments: dropped.length,
      keptScored: 0,
    });
    expect((await commitImport(panel, ready, commitDeps())).ok).toBe(true);

    expect(await panel.bases.toCollection().primaryKeys()).toEqual([kept.id]);
    expect((await panel.experts.toArray()).map((e) => e.id).sort()).toEqual(
      r.experts
        .filter((e) => e.id !== leaves.id)
        .map((e) => e.id)
        .sort(),
    );
    const left = r.assignments.filter((a) => !dropped.includes(a)).map((a) => a.id);
    expect((await panel.assignments.toArray()).map((a) => a.id).sort()).toEqual(left.sort());
    expect(await panel.assignments.where('expertId').equals(stays.id).count()).toBe(1);
    // The same file again withdraws nothing more.
    const again = await prepared(panel, reissued, roundOnly.prepare);
    expect(again.preview.unchanged).toBe(true);
    expect(again.preview.roster?.withdrawn).toEqual({
      bases: [],
      experts: [],
      assignments: 0,
      keptScored: 0,
    });
  });

  it('keeps withdrawn assignments, their expert and base, where a sheet was started here', async () => {
    const first = await roundBundleFrom(secretariat, r, { createdAt: '2024-05-12T08:00:00.000Z' });
    await importBundle(panel, first, roundOnly);
    const sheets = await scoreEverySheet(panel, r.round.id, testSheetDeps('laptop-1'), {
      submit: false,
    });
    const sheetsBefore = await databaseDigest(panel, { tables: ['scoresheets'] });
    const [, , leaves] = r.experts;
    if (!leaves) throw new Error('builder');
    await secretariat.experts.delete(leaves.id);
    const dropped = r.assignments.filter((a) => a.expertId === leaves.id);
    await secretariat.assignments.bulkDelete(dropped.map((a) => a.id));
    const reissued = await roundBundleFrom(secretariat, r, {
      createdAt: '2024-05-13T08:00:00.000Z',
    });

    const ready = await prepared(panel, reissued, roundOnly.prepare);
    expect(ready.preview.roster?.withdrawn).toEqual({
      bases: [],
      experts: [],
      assignments: 0,
      keptScored: dropped.length,
    });
    expect((await commitImport(panel, ready, commitDeps())).ok).toBe(true);

    expect(await panel.experts.get(leaves.id)).toEqual(leaves);
    expect(await panel.assignments.bulkGet(dropped.map((a) => a.id))).toEqual(dropped);
    expect(await panel.scoresheets.count()).toBe(sheets.length);
    expect(await databaseDigest(panel, { tables: ['scoresheets'] })).toBe(sheetsBefore);
  });

  it('refuses a round bundle older than the one taken for the panel, a stale file on the stick', async () => {
    const first = await roundBundleFrom(secretariat, r, { createdAt: '2024-05-12T08:00:00.000Z' });
    await importBundle(panel, first, roundOnly);
    // The secretariat adds an expert and re-issues the panel's bundle.
    const newcomer = buildExpert(r.round.id, r.panel.id, { name: '赵新' });
    await secretariat.experts.add(newcomer);
    const reissued = await roundBundleFrom(secretariat, r, {
      createdAt: '2024-05-13T08:00:00.000Z',
    });
    await importBundle(panel, reissued, roundOnly);
    const before = await databaseDigest(panel);

    const stale = await prepareImport(panel, first, 'round.pgb', {
      crypto: globalThis.crypto,
      expectedKinds: ['round'],
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'olderRoundBundle' } });
    expect(stale.ok ? '' : stale.error.message).toContain('2024-05-13T08:00:00.000Z');
    expect(await databaseDigest(panel)).toBe(before);
    expect(await panel.experts.get(newcomer.id)).toBeDefined();

    // The same re-issued bundle again is still taken (and changes nothing).
    const again = await prepared(panel, reissued, roundOnly.prepare);
    expect(again.preview.unchanged).toBe(true);
  });

  it('refuses a template whose id names different content here, changing nothing', async () => {
    const [template] = r.templates;
    if (!template) throw new Error('no template');
    await panel.templates.add({ ...template, name: '本机修改过的体系' });
    const before = await databaseDigest(panel);
    const result = await prepared(panel, await roundBundleFrom(secretariat, r), roundOnly.prepare)
      .then(() => undefined)
      .catch((error: unknown) => String(error));
    expect(result).toContain('idCollision');
    expect(await databaseDigest(panel)).toBe(before);
  });
});
