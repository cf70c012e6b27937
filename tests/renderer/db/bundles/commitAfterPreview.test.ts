// A preview is shown, and then, before the clerk confirms, another window writes to the same
// database. The commit must decide on what is stored when it runs, never on the preview: a
// newer copy of a sheet written in between is not overwritten by the older one the preview
// showed as new, and the result says what really happened.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { listAuditOfEntity } from '../../../../renderer/db/queries';
import { testSheetDeps } from '../../../helpers/builders';
import type { RoundRecords } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import {
  confirmingDeps,
  importBundle,
  prepared,
  roundBundleFrom,
  scoresBundleFrom,
  secretariatDatabase,
} from '../../../helpers/importBuilders';
import { scoreEverySheet, scoreSheet } from '../../../helpers/panelWorkflow';

let secretariat: PingguDatabase;
let laptop: PingguDatabase;
let r: RoundRecords;

beforeEach(async () => {
  [secretariat, laptop] = await Promise.all([openTestDatabase(), openTestDatabase()]);
  r = await secretariatDatabase(secretariat);
  await importBundle(laptop, await roundBundleFrom(secretariat, r));
});

afterEach(async () => {
  await Promise.all([secretariat.delete(), laptop.delete()]);
});

const scoresOnly = (roundId: string) => ({ expectedKinds: ['scores' as const], roundId });

describe('a commit after another window wrote', () => {
  it('keeps the newer sheets another window imported after the preview, and says nothing was added', async () => {
    const drafts = await scoreEverySheet(laptop, r.round.id, testSheetDeps('laptop-1'), {
      submit: false,
    });
    const older = await scoresBundleFrom(laptop, r);
    for (const draft of drafts) {
      const stored = await laptop.scoresheets.get(draft.id);
      if (!stored) throw new Error('no draft');
      await scoreSheet(laptop, stored, testSheetDeps('laptop-1'));
    }
    const newer = await scoresBundleFrom(laptop, r);

    // This window previews the older bundle: every sheet is new here.
    const ready = await prepared(secretariat, older, scoresOnly(r.round.id), 'older.pgb');
    expect(ready.preview.sheets?.counts).toMatchObject({ added: drafts.length, unchanged: 0 });

    // Meanwhile another window imports the newer bundle.
    await importBundle(secretariat, newer, { prepare: scoresOnly(r.round.id) }, 'newer.pgb');
    const newerStored = await secretariat.scoresheets.toArray();
    expect(newerStored.every((s) => s.status === 'submitted')).toBe(true);

    // The clerk confirms the preview: nothing is overwritten, and the result says so.
    const result = await commitImport(secretariat, ready, confirmingDeps(ready));
    if (!result.ok) throw new Error(result.error.messageEn);
    expect(result.result.counts).toMatchObject({ added: 0, updated: 0, unchanged: drafts.length });
    expect(result.result.changed).toBe(false);
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await secretariat.scoresheets.toArray())).toEqual(byId(newerStored));
    // No import entry claims the older copies were written.
    for (const draft of drafts) {
      const imports = (await listAuditOfEntity(secretariat, draft.id)).filter(
        (e) => e.action === 'scoresheet.import',
      );
      expect(imports.map((e) => e.detail)).toEqual([expect.stringContaining('从“newer.pgb”导入')]);
    }
  });
});
