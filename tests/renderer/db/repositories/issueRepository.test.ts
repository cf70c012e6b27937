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
const SHA_0 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const SHA_1 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function bundleFor(r: ExchangeRound, index: 0 | 1, changes: Partial<IssuedBundle> = {}) {
  const panel = r.panels[index];
  return {
    panelId: panel.id,
    panelName: panel.name,
    fileName: `评审包-${panel.name}-${r.round.name}.pgb`,
    fingerprint: 'ABCD-EF01-2345-6789',
    sha256: index === 0 ? SHA_0 : SHA_1,
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
    expect(audit[0]?.detail).toContain(`文件 SHA-256 ${SHA_0}`);
    expect(audit[1]?.detail).toContain(`文件 SHA-256 ${SHA_1}`);
  });

  it('keeps each file’s own SHA-256, so re-issuing one panel changes only its hash', async () => {
    const { db, r } = await setUp();
    await recordIssue(db, issueOf(r), testClock());
    const before = await getIssuedBundles(db, r.round.id);
    expect(before[r.panels[0].id]?.sha256).toBe(SHA_0);
    expect(before[r.panels[1].id]?.sha256).toBe(SHA_1);
    const newHash = SHA_0.replace(/^ba/, '00');
    await recordIssue(
      db,
      issueOf(r, { bundles: [bundleFor(r, 1, { sha256: newHash })] }),
      testClock(),
    );
    const after = await getIssuedBundles(db, r.round.id);
    expect(after[r.panels[0].id]?.sha256).toBe(SHA_0);
    expect(after[r.panels[1].id]?.sha256).toBe(newHash);
  });

  it('refuses a hash that is not a SHA-256, naming the panel, and changes nothing', async () => {
    const { db, r } = await setUp();
    const before = await databaseDigest(db);
    for (const sha256 of ['ABCD-EF01-2345-6789', SHA_0.toUpperCase(), SHA_0.slice(1), '']) {
      const result = await recordIssue(
        db,
        issueOf(r, { bundles: [bundleFor(r, 0), bundleFor(r, 1, { sha256 })] }),
        testClock(),
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'editRejected' } });
      expect(!result.ok && result.error.message).toContain('大连组');
      expect(!result.ok && result.error.message).toContain('SHA-256');
    }
    expect(await databaseDigest(db)).toBe(before);
  });

  it('reads a record of a bundle issued before hashes were kept as one without a hash', async () => {
    const { db, r } = await setUp();
    const { sha256: _none, ...older } = bundleFor(r, 0);
    await recordIssue(db, issueOf(r, { bundles: [older] }), testClock());
    const issued = await getIssuedBundles(db, r.round.id);
    expect(issued[r.panels[0].id]).toEqual(older);
    expect(issued[r.panels[0].id]).not.toHaveProperty('sha256');
    const [entry] = await db.auditLog.toArray();
    expect(entry?.detail).not.toContain('SHA-256');
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

  it('keeps a stored record whose hash is not a SHA-256, without the hash', () => {
    const r = buildExchangeRound();
    const good = bundleFor(r, 0);
    const { sha256: _dropped, ...withoutHash } = bundleFor(r, 1);
    const text = JSON.stringify({
      [r.round.id]: {
        [good.panelId]: good,
        [withoutHash.panelId]: { ...withoutHash, sha256: 'not-a-hash' },
      },
    });
    expect(parseIssuedBundles(text)).toEqual({
      [r.round.id]: { [good.panelId]: good, [withoutHash.panelId]: withoutHash },
    });
  });
});
