// Random but valid databases for backup tests, from the builders: 1–3 rounds (one maybe an
// archive), sheets with random scores and states, decisions, conflicts, import records,
// audit entries, settings and key pins.
import fc from 'fast-check';
import type { PingguDatabase, SettingRecord } from '../../renderer/db/database';
import type { TrustedKey } from '../../shared/domain/types';
import { buildAuditEntry, buildDecision, buildRoundRecords, TEST_TIME } from './builders';
import { putRoundRecords } from './db';

export type DatabaseSpec = {
  rounds: Array<{ scores: number[]; submitted: boolean[]; archived: boolean }>;
  conflicts: number;
  imports: number;
  audit: number;
  pins: number;
  settings: SettingRecord[];
};

const settingArb: fc.Arbitrary<SettingRecord[]> = fc
  .record({
    deviceId: fc.option(fc.constantFrom('laptop-1', '秘书处电脑')),
    language: fc.option(fc.constantFrom('zh-CN' as const, 'en' as const)),
    currentExpertId: fc.option(fc.constant('expert-x')),
    expertPins: fc.option(fc.constant('{}')),
  })
  .map((s) => {
    const rows: SettingRecord[] = [];
    if (s.deviceId !== null) rows.push({ key: 'deviceId', value: s.deviceId });
    if (s.language !== null) rows.push({ key: 'language', value: s.language });
    if (s.currentExpertId !== null) rows.push({ key: 'currentExpertId', value: s.currentExpertId });
    if (s.expertPins !== null) rows.push({ key: 'expertPins', value: s.expertPins });
    return rows;
  });

export const databaseSpecArb: fc.Arbitrary<DatabaseSpec> = fc.record({
  rounds: fc.array(
    fc.record({
      scores: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 6, maxLength: 6 }),
      submitted: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      archived: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  conflicts: fc.nat({ max: 3 }),
  imports: fc.nat({ max: 3 }),
  audit: fc.nat({ max: 8 }),
  pins: fc.nat({ max: 3 }),
  settings: settingArb,
});

/** Writes the spec's records into an empty database. */
export async function fillDatabase(db: PingguDatabase, spec: DatabaseSpec): Promise<void> {
  for (const [i, r] of spec.rounds.entries()) {
    const records = buildRoundRecords({ status: r.archived ? 'closed' : 'issued' });
    const round = r.archived
      ? {
          ...records.round,
          archive: {
            importedAt: TEST_TIME,
            fingerprint: '56A7-ADA6-525D-D92B',
            fileName: `结果-${i}.pgb`,
            bundleCreatedAt: TEST_TIME,
          },
        }
      : records.round;
    const scoresheets = records.scoresheets.map((sheet, j) => ({
      ...sheet,
      scores: { 'A1.1.1': r.scores[j] ?? 0 },
      ...(r.submitted[j] ? { status: 'submitted' as const, submittedAt: TEST_TIME } : {}),
    }));
    await putRoundRecords(db, { ...records, round, scoresheets });
    await db.decisions.bulkAdd(records.bases.map((b) => buildDecision(b)));
    const [sheet] = scoresheets;
    for (let c = 0; c < spec.conflicts && sheet; c += 1) {
      await db.conflicts.add({
        id: `conflict-${records.round.id}-${c}`,
        roundId: records.round.id,
        scoresheetId: sheet.id,
        local: sheet,
        incoming: { ...sheet, overallComment: `副本 ${c}`, revision: sheet.revision + c + 1 },
        detectedAt: TEST_TIME,
        sourceImportId: `import-${c}`,
        ...(c === 2 ? { resolvedAt: TEST_TIME, resolution: 'manual' as const } : {}),
      });
    }
    for (let k = 0; k < spec.imports; k += 1) {
      await db.bundleImports.add({
        id: `import-${records.round.id}-${k}`,
        roundId: records.round.id,
        kind: 'scores',
        fileName: `评分-${k}.pgb`,
        deviceId: `laptop-${k}`,
        fingerprint: 'ABCD-EF01-2345-6789',
        importedAt: TEST_TIME,
        counts: { added: k, updated: 0, unchanged: 1, conflicts: 0, refused: 0 },
      });
    }
    for (let a = 0; a < spec.audit; a += 1) {
      await db.auditLog.add(buildAuditEntry(records.round.id, { detail: `第 ${a} 条` }));
    }
    for (let p = 0; p < spec.pins; p += 1) {
      const pin: TrustedKey = {
        id: `key-${records.round.id}-${p}`,
        roundId: records.round.id,
        role: p === 0 ? 'secretariat' : 'panelDevice',
        deviceId: `device-${p}`,
        publicKey: `${'A'.repeat(42)}${p}=`,
        fingerprint: `000${p}-0000-0000-0000`,
        firstSeenAt: TEST_TIME,
        ...(p === 0 ? {} : { panelId: records.panel.id }),
        ...(p === 2
          ? {
              acceptedBy: '秘书处',
              replaced: [
                {
                  publicKey: 'B'.repeat(43) + '=',
                  fingerprint: 'FFFF-0000-0000-0000',
                  until: TEST_TIME,
                },
              ],
            }
          : {}),
      };
      await db.trustedKeys.add(pin);
    }
    if (i === 0) await db.settings.put({ key: 'currentRoundId', value: records.round.id });
  }
  await db.settings.bulkPut(spec.settings);
}
