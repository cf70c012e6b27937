// Recording an issue of round bundles: templates frozen, the round 'issued', the latest file
// per panel kept, an audit entry per bundle, all in one transaction; a refusal changes nothing;
// backups carry the records.
import { afterEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { exportBackupPayload, restoreBackup } from '../../../../renderer/db/bundles/backup';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import {
  getIssuedBundles,
  parseIssuedBundles,
  recordIssue,
} from '../../../../renderer/db/repositories/issueRepository';
import type {
  IssuedBundle,
  IssueInput,
} from '../../../../renderer/db/repositories/issueRepository';
import { openBundle } from '../../../../shared/bundle/bundle';
import { testClock } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import { buildExchangeRound, putExchangeRound } from '../../../helpers/exchangeBuilders';
import type { ExchangeRound } from '../../../helpers/exchangeBuilders';
import { backupBundle, keyOf, testCrypto } from '../../../helpers/importBuilders';

const opened: PingguDatabase[] = [];
async function machine(): Promise<PingguDatabase> {
  const db = await openTestDatabase();
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const ISSUED_AT = '2024-05-10T09:00:00.000Z';

function bundleFor(r: ExchangeRound, index: 0 | 1, changes: Partial<IssuedBundle> = {}) {
  const panel = r.panels[index];
  return {
    panelId: panel.id,
    panelName: panel.name,
    fileName: `评审包-${panel.name}-${r.round.name}.pgb`,
    fingerprint: 'ABCD-EF01-2345-6789',
    encrypted: index === 1,
    issuedAt: ISSUED_AT,
    bases: 2,
    experts: 3,
    ...changes,
  } satisfies IssuedBundle;
}

function issueOf(r: ExchangeRound, changes: Partial<IssueInput> = {}): IssueInput {
  return {
    roundId: r.round.id,
    issuedAt: ISSUED_AT,
    bundles: [bundleFor(r, 0), bundleFor(r, 1)],
    templateIds: r.templates.map((t) => t.id),
    actor: '秘书处 王芳',
    ...changes,
  };
}

async function setUp() {
  const db = await machine();
  const r = buildExchangeRound({ status: 'setup' });
  await putExchangeRound(db, r);
  return { db, r };
}

describe('recordIssue', () => {
  it('freezes the templates, marks the round issued, keeps each panel’s file and audits it', async () => {
    const { db, r } = await setUp();
    const result = await recordIssue(db, issueOf(r), testClock());
    expect(result).toEqual({
      ok: true,
      value: {
        frozenTemplateIds: r.templates.map((t) => t.id).sort(),
        roundStatusChanged: true,
      },
    });
    expect((await db.rounds.get(r.round.id))?.status).toBe('issued');
    for (const template of await db.templates.toArray()) {
      expect(template.frozenAt).toBe(ISSUED_AT);
    }
    const issued = await getIssuedBundles(db, r.round.id);
    expect(issued).toEqual({
      [r.panels[0].id]: bundleFor(r, 0),
      [r.panels[1].id]: bundleFor(r, 1),
    });
    const audit = await db.auditLog.toArray();
    expect(audit.map((e) => [e.action, e.entityId, e.actor, e.roundId])).toEqual([
      ['round.issue', r.panels[0].id, '秘书处 王芳', r.round.id],
      ['round.issue', r.panels[1].id, '秘书处 王芳', r.round.id],
    ]);
    expect(audit[1]?.detail).toContain('大连组');
    expect(audit[1]?.detail).toContain('已加密');
  });

  it('keeps a template’s first freeze and replaces only the re-issued panel’s record', async () => {
    const { db, r } = await setUp();
    await recordIssue(db, issueOf(r), testClock());
    const later = '2024-06-01T08:00:00.000Z';
    const reissue = bundleFor(r, 1, { issuedAt: later, fileName: '新文件.pgb', encrypted: false });
    const result = await recordIssue(
      db,
      issueOf(r, { issuedAt: later, bundles: [reissue] }),
      testClock(),
    );
    expect(result).toEqual({
      ok: true,
      value: { frozenTemplateIds: [], roundStatusChanged: false },
    });
    for (const template of await db.templates.toArray()) {
      expect(template.frozenAt).toBe(ISSUED_AT);
    }
    expect(await getIssuedBundles(db, r.round.id)).toEqual({
      [r.panels[0].id]: bundleFor(r, 0),
      [r.panels[1].id]: reissue,
    });
  });

  it('refuses an archived round, a closed round, an unknown panel or template and changes nothing', async () => {
    const { db, r } = await setUp();
    const before = await databaseDigest(db);
    const archive = {
      importedAt: ISSUED_AT,
      fingerprint: 'ABCD-EF01-2345-6789',
      fileName: 'result.pgb',
      bundleCreatedAt: ISSUED_AT,
    };
    await db.rounds.put({ ...r.round, archive });
    expect(await recordIssue(db, issueOf(r), testClock())).toMatchObject({
      ok: false,
      error: { code: 'archived' },
    });
    await db.rounds.put({ ...r.round, status: 'closed' });
    expect(await recordIssue(db, issueOf(r), testClock())).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    await db.rounds.put(r.round);
    const before2 = await databaseDigest(db);
    expect(before2).toBe(before);

    const stranger = bundleFor(r, 0, { panelId: 'panel-elsewhere', panelName: '外组' });
    const unknownPanel = await recordIssue(db, issueOf(r, { bundles: [stranger] }), testClock());
    expect(unknownPanel).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(!unknownPanel.ok && unknownPanel.error.message).toContain('外组');
    const unknownTemplate = await recordIssue(
      db,
      issueOf(r, { templateIds: ['template-missing'] }),
      testClock(),
    );
    expect(unknownTemplate).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(await databaseDigest(db)).toBe(before);
  });

  it('leaves the records of other rounds alone', async () => {
    const { db, r } = await setUp();
    const other = buildExchangeRound({ status: 'setup' });
    await putExchangeRound(db, other);
    await recordIssue(db, issueOf(r), testClock());
    await recordIssue(db, issueOf(other, { bundles: [bundleFor(other, 0)] }), testClock());
    expect(Object.keys(await getIssuedBundles(db, r.round.id))).toHaveLength(2);
    expect(Object.keys(await getIssuedBundles(db, other.round.id))).toEqual([other.panels[0].id]);
  });

  it('travels in a backup and restores exactly', async () => {
    const { db, r } = await setUp();
    await recordIssue(db, issueOf(r), testClock());
    const bytes = await backupBundle(await exportBackupPayload(db), {
      signer: await keyOf('secretariat'),
      deviceId: 'secretariat-pc',
    });
    const backup = await openBundle(bytes, { crypto: testCrypto });
    if (!backup.ok) throw new Error(backup.error.messageEn);
    const restored = await machine();
    expect(await restoreBackup(restored, backup)).toMatchObject({ ok: true });
    expect(await databaseDigest(restored)).toBe(await databaseDigest(db));
    expect(await getIssuedBundles(restored, r.round.id)).toEqual(
      await getIssuedBundles(db, r.round.id),
    );
  });
});

describe('parseIssuedBundles', () => {
  it('drops malformed text and records rather than trusting them', () => {
    expect(parseIssuedBundles(undefined)).toEqual({});
    expect(parseIssuedBundles('not json')).toEqual({});
    expect(parseIssuedBundles('[1,2]')).toEqual({});
    const r = buildExchangeRound();
    const good = bundleFor(r, 0);
    const text = JSON.stringify({
      [r.round.id]: {
        [good.panelId]: good,
        'panel-x': { ...good, panelId: 'panel-y' },
        'panel-z': { ...good, panelId: 'panel-z', encrypted: 'yes' },
      },
      'round-bad': 7,
    });
    expect(parseIssuedBundles(text)).toEqual({ [r.round.id]: { [good.panelId]: good } });
  });
});
