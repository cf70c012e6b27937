// Every schema version must open a database left by the version before it with every
// record intact. Each version adds a case to MIGRATION_CASES: the raw records as the older
// version stored them, and what the current app must read back. v1 has no predecessor, so
// its case seeds v1 itself with a plain Dexie and reopens it with PingguDatabase.
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../renderer/db/database';
import type { PingguDatabase } from '../../../renderer/db/database';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, TABLE_NAMES } from '../../../renderer/db/schema';
import type { TableName } from '../../../renderer/db/schema';
import type { AuditEntry, Scoresheet, TrustedKey } from '../../../shared/domain/types';
import { listAuditOfEntity, listAuditOfRound } from '../../../renderer/db/queries';
import { addAuditGroup } from '../../../renderer/db/repositories/audit';
import {
  buildAuditEntry,
  buildDecision,
  buildRound,
  buildRoundRecords,
} from '../../helpers/builders';
import type { RoundRecords } from '../../helpers/builders';
import { readAll, seedDatabaseAtVersion, uniqueDatabaseName } from '../../helpers/db';
import type { RawSeed } from '../../helpers/db';

type MigrationCase = {
  /** The schema version the seed was written with. */
  from: number;
  description: string;
  seed: () => RawSeed;
  /** Records the current schema must hold afterwards; defaults to the seed unchanged. */
  expected?: (seed: RawSeed) => RawSeed;
};

/** Records of every v1 table, as the v1 app wrote them. */
function v1Seed(r: RoundRecords = buildRoundRecords()): RawSeed {
  const firstBase = r.bases[0];
  if (!firstBase) throw new Error('builder returned no bases');
  return {
    rounds: [r.round],
    bases: r.bases,
    templates: r.templates,
    panels: [r.panel],
    experts: r.experts,
    assignments: r.assignments,
    scoresheets: r.scoresheets,
    decisions: [buildDecision(firstBase)],
    conflicts: [
      {
        id: 'conflict-1',
        roundId: r.round.id,
        scoresheetId: r.scoresheets[0]?.id ?? '',
        local: r.scoresheets[0],
        incoming: { ...r.scoresheets[0], revision: 2 },
        detectedAt: '2024-05-11T10:00:00.000Z',
        sourceImportId: 'import-1',
      },
    ],
    bundleImports: [
      {
        id: 'import-1',
        roundId: r.round.id,
        kind: 'scores',
        fileName: '大连组-李明.pgb',
        deviceId: 'device-2',
        fingerprint: 'ab12 cd34',
        importedAt: '2024-05-11T10:00:00.000Z',
        counts: { added: 6, updated: 0, unchanged: 0, conflicts: 1, refused: 0 },
      },
    ],
    auditLog: [
      { ...buildAuditEntry(r.round.id, { action: 'round.create' }), seq: 1 },
      { ...buildAuditEntry(r.round.id), seq: 2 },
    ],
    settings: [
      { key: 'deviceId', value: 'device-1' },
      { key: 'currentRoundId', value: r.round.id },
      { key: 'language', value: 'zh-CN' },
    ],
  };
}

/** Records of every v2 table: v1's, a round archived from a result bundle, and key pins. */
function v2Seed(): RawSeed {
  const r = buildRoundRecords();
  const v1 = v1Seed(r);
  const archived = {
    ...buildRound({ status: 'closed' }),
    archive: {
      importedAt: '2024-06-01T08:00:00.000Z',
      fingerprint: '56A7-ADA6-525D-D92B',
      fileName: '2023年度评估结果.pgb',
      bundleCreatedAt: '2024-05-30T08:00:00.000Z',
    },
  };
  const trustedKeys: TrustedKey[] = [
    {
      id: 'key-secretariat',
      roundId: r.round.id,
      role: 'secretariat',
      deviceId: 'secretariat-pc',
      publicKey: 'A'.repeat(43) + '=',
      fingerprint: '56A7-ADA6-525D-D92B',
      firstSeenAt: '2024-05-10T08:00:00.000Z',
    },
    {
      id: 'key-panel-device',
      roundId: r.round.id,
      role: 'panelDevice',
      panelId: r.panel.id,
      deviceId: 'laptop-1',
      publicKey: 'B'.repeat(43) + '=',
      fingerprint: '0123-4567-89AB-CDEF',
      firstSeenAt: '2024-05-11T08:00:00.000Z',
      acceptedBy: '秘书处 王芳',
      replaced: [
        {
          publicKey: 'C'.repeat(43) + '=',
          fingerprint: 'FEDC-BA98-7654-3210',
          until: '2024-05-11T08:00:00.000Z',
        },
      ],
    },
  ];
  return { ...v1, rounds: [...(v1.rounds ?? []), archived], trustedKeys };
}

const MIGRATION_CASES: MigrationCase[] = [
  {
    from: 1,
    description: 'v1 → v2: every record intact, no key pinned yet',
    seed: () => v1Seed(),
    expected: (seed) => ({ ...seed, trustedKeys: [], roundChanges: [] }),
  },
  {
    from: 2,
    description: 'v2 → v3: every record and pin intact, no round change yet',
    seed: v2Seed,
    expected: (seed) => ({ ...seed, roundChanges: [] }),
  },
  {
    from: 3,
    description: 'v3 → v4: every record and round change intact, an empty registry',
    seed: v3Seed,
    expected: (seed) => ({
      ...seed,
      registryRounds: [],
      registryApprovals: [],
      registryHistory: [],
    }),
  },
  {
    from: 4,
    description:
      'v4 → v5: every record intact, the audit rows (one per imported sheet) as they were',
    seed: v4Seed,
  },
  {
    from: 5,
    description: 'v5 → v6: every record intact, the audit groups and rows as they were',
    seed: v5Seed,
  },
  { from: 6, description: 'v6 database reopened by the current app', seed: v5Seed },
  // Next version: { from: 6, description: 'v6 → v7 …', seed: v5Seed, expected: (s) => … },
];

/**
 * A v4 database: v3's records, and the audit rows a v4 import wrote, one per sheet, then an
 * edit of the first sheet after it.
 */
function v4Seed(): RawSeed {
  const v3 = v3Seed();
  const rows = v3.auditLog ?? [];
  const sheets = (v3.scoresheets ?? []) as { id: string; roundId: string }[];
  const imported = sheets.map((sheet, i) => ({
    seq: rows.length + 1 + i,
    at: '2024-05-11T10:00:00.000Z',
    roundId: sheet.roundId,
    action: 'scoresheet.import',
    entityId: sheet.id,
    actor: '秘书处 王芳',
    detail: '从“大连组-李明.pgb”导入：新评分表',
  }));
  const [first] = sheets;
  const edited = {
    seq: rows.length + imported.length + 1,
    at: '2024-05-11T11:00:00.000Z',
    roundId: first?.roundId ?? '',
    action: 'scoresheet.update',
    entityId: first?.id ?? '',
    actor: '秘书处 王芳',
    detail: '修改一项评分',
  };
  return { ...v3, auditLog: [...rows, ...imported, edited] };
}

/** A v5 database: v4's records and an import's entries as one group (repositories/audit.ts). */
function v5Seed(): RawSeed {
  const v4 = v4Seed();
  const rows = v4.auditLog ?? [];
  const sheets = (v4.scoresheets ?? []) as { id: string; roundId: string }[];
  const entries = sheets.map((sheet) => ({
    at: '2024-05-12T10:00:00.000Z',
    roundId: sheet.roundId,
    action: 'scoresheet.import',
    entityId: sheet.id,
    actor: '秘书处 王芳',
    detail: '从“大连组-李明-2.pgb”导入：修改 1 项评分',
  }));
  const group = {
    seq: rows.length + entries.length,
    at: '2024-05-12T10:00:00.000Z',
    roundId: sheets[0]?.roundId ?? '',
    action: 'scoresheet.import',
    entityId: 'import-2',
    actor: '秘书处 王芳',
    detail: '从“大连组-李明-2.pgb”导入',
    entityIds: sheets.map((s) => s.id),
    entries,
  };
  return { ...v4, auditLog: [...rows, group] };
}

/** A v3 database: v2's records and a change during the round, undone once. */
function v3Seed(): RawSeed {
  const v2 = v2Seed();
  const round = v2.rounds?.[0] as { id: string } | undefined;
  const roundChanges = [
    {
      id: 'change-1',
      roundId: round?.id ?? 'round-1',
      kind: 'withdrawBase',
      at: '2024-05-12T08:00:00.000Z',
      actor: '秘书处 王芳',
      reason: '依托单位申请退出本轮评估。',
      baseId: 'base-1',
      voids: [{ expertId: 'expert-1', baseId: 'base-1' }],
      undone: { at: '2024-05-12T09:00:00.000Z', actor: '秘书处 王芳', reason: '误操作。' },
    },
  ];
  return { ...v2, roundChanges };
}

const opened: PingguDatabase[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('database schema versions', () => {
  it('declares versions in increasing order, each keeping every table of the one before', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(CURRENT_SCHEMA_VERSION).toBe(versions[versions.length - 1]);
    SCHEMA_VERSIONS.forEach((v, i) => {
      const before = Object.keys(SCHEMA_VERSIONS[i - 1]?.stores ?? {});
      for (const table of before) expect(Object.keys(v.stores), `v${v.version}`).toContain(table);
    });
    const latest = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1];
    const live = Object.entries(latest?.stores ?? {}).filter(([, spec]) => spec !== null);
    expect(live.map(([table]) => table).sort()).toEqual([...TABLE_NAMES].sort());
  });

  it('has a migration case from the version before each version, and one reopening the current', () => {
    const froms = new Set(MIGRATION_CASES.map((c) => c.from));
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > 1) expect(froms.has(v.version - 1)).toBe(true);
    }
    expect(froms.has(CURRENT_SCHEMA_VERSION)).toBe(true);
  });

  for (const c of MIGRATION_CASES) {
    it(`keeps every record when opening a v${c.from} database (${c.description})`, async () => {
      const name = uniqueDatabaseName('migration');
      const seed = c.seed();
      await seedDatabaseAtVersion(name, c.from, seed);

      const db = createDatabase(name);
      opened.push(db);
      await db.open();

      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      const expected = c.expected ? c.expected(seed) : seed;
      for (const table of TABLE_NAMES) {
        const want = [...(expected[table] ?? [])];
        const got = await readAll(db, table);
        expect(sortById(table, got), table).toEqual(sortById(table, want));
      }
    });
  }

  it('finds the bases and experts of a v5 database by their panel once opened as v6', async () => {
    const name = uniqueDatabaseName('migration');
    const seed = v5Seed();
    await seedDatabaseAtVersion(name, 5, seed);
    const db = createDatabase(name);
    opened.push(db);
    await db.open();
    const [round] = (seed.rounds ?? []) as Array<{ id: string }>;
    const [panel] = (seed.panels ?? []) as Array<{ id: string }>;
    if (!round || !panel) throw new Error('seed without round or panel');
    const key = [round.id, panel.id];
    // The builder's round: one panel, two bases and three experts, all of that panel.
    const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();
    const seeded = (rows: readonly object[] | undefined) =>
      ((rows ?? []) as Array<{ id: string; panelId?: string }>).filter(
        (r) => r.panelId === panel.id,
      );
    expect(seeded(seed.bases)).toHaveLength(2);
    expect(seeded(seed.experts)).toHaveLength(3);
    expect(ids(await db.bases.where('[roundId+panelId]').equals(key).toArray())).toEqual(
      ids(seeded(seed.bases)),
    );
    expect(ids(await db.experts.where('[roundId+panelId]').equals(key).toArray())).toEqual(
      ids(seeded(seed.experts)),
    );
  });

  it('shows under each sheet the rows a v4 import wrote, then the entries of a v5 import after them', async () => {
    const name = uniqueDatabaseName('migration');
    const seed = v4Seed();
    await seedDatabaseAtVersion(name, 4, seed);
    const db = createDatabase(name);
    opened.push(db);
    await db.open();
    const sheets = (seed.scoresheets ?? []) as Scoresheet[];
    const rows = (seed.auditLog ?? []) as AuditEntry[];
    const [first, second] = sheets;
    if (!first || !second) throw new Error('builder returned no sheets');
    // Rows 3–8: one import entry per sheet; row 9: the first sheet edited afterwards.
    for (const sheet of sheets) {
      expect(await listAuditOfEntity(db, sheet.id)).toEqual(
        rows.filter((row) => row.entityId === sheet.id),
      );
    }
    expect((await listAuditOfEntity(db, first.id)).map((e) => e.seq)).toEqual([3, 9]);

    // A v5 import: its six entries are one record, numbered 10–15 after the nine rows.
    const entry = (sheet: Scoresheet): AuditEntry => ({
      at: '2024-05-12T10:00:00.000Z',
      roundId: sheet.roundId,
      action: 'scoresheet.import',
      entityId: sheet.id,
      actor: '秘书处 王芳',
      detail: '从“大连组-李明-2.pgb”导入：修改 1 项评分',
    });
    await db.transaction('rw', db.auditLog, () =>
      addAuditGroup(db, sheets.map(entry), {
        roundId: first.roundId,
        at: '2024-05-12T10:00:00.000Z',
        importId: 'import-2',
        actor: '秘书处 王芳',
        detail: '从“大连组-李明-2.pgb”导入',
      }),
    );
    expect(await db.auditLog.count()).toBe(rows.length + 1);
    expect(await listAuditOfEntity(db, first.id)).toEqual([
      ...rows.filter((row) => row.entityId === first.id),
      { ...entry(first), seq: 10 },
    ]);
    expect(await listAuditOfEntity(db, second.id)).toEqual([
      ...rows.filter((row) => row.entityId === second.id),
      { ...entry(second), seq: 11 },
    ]);
    const round = await listAuditOfRound(db, first.roundId);
    expect(round.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    // The next single entry is numbered after the group's block.
    expect(await db.auditLog.add(buildAuditEntry(first.roundId))).toBe(16);
  });

  it('serves every screen query from an index after opening a seeded v1 database', async () => {
    const name = uniqueDatabaseName('migration');
    const records = buildRoundRecords();
    await seedDatabaseAtVersion(name, 1, v1Seed(records));
    const db = createDatabase(name);
    opened.push(db);
    const { round, bases, scoresheets } = records;
    const [base] = bases;
    const [sheet] = scoresheets;
    if (!base || !sheet) throw new Error('builder returned no records');

    expect(await db.bases.where('roundId').equals(round.id).count()).toBe(2);
    expect(await db.bases.where('[roundId+type]').equals([round.id, 'B4']).count()).toBe(1);
    expect(await db.bases.where('code').equals(base.code).count()).toBe(1);
    expect(await db.assignments.where('roundId').equals(round.id).count()).toBe(6);
    expect(await db.assignments.where('expertId').equals(sheet.expertId).count()).toBe(2);
    expect(await db.assignments.where('baseId').equals(base.id).count()).toBe(3);
    expect(
      await db.scoresheets
        .where('[expertId+baseId]')
        .equals([sheet.expertId, sheet.baseId])
        .count(),
    ).toBe(1);
    expect(await db.scoresheets.where('roundId').equals(round.id).count()).toBe(6);
    expect(await db.conflicts.where('scoresheetId').equals(sheet.id).count()).toBe(1);
    expect(await db.auditLog.where('roundId').equals(round.id).count()).toBe(2);
  });
});

function keyOf(table: TableName, record: unknown): string {
  if (typeof record !== 'object' || record === null) return '';
  const key = table === 'auditLog' ? 'seq' : table === 'settings' ? 'key' : 'id';
  const value: unknown = Reflect.get(record, key);
  return String(value).padStart(12, '0');
}

function sortById(table: TableName, records: unknown[]): unknown[] {
  return [...records].sort((a, b) => keyOf(table, a).localeCompare(keyOf(table, b)));
}
