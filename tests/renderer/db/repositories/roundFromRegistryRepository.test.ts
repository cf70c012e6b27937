// A round started from the department's registry bundle: the round, its roster with the
// registry codes, the bases' earlier rounds and the audit, in one transaction; anything that
// cannot become a round is refused with a Chinese message and writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import { getCurrentRound, listAuditOfRound } from '../../../../renderer/db/queries';
import { createRoundFromRegistry } from '../../../../renderer/db/repositories/roundFromRegistryRepository';
import type { RoundFromRegistryInput } from '../../../../renderer/db/repositories/roundFromRegistryRepository';
import { defaultRoundSetup } from '../../../../shared/domain/roundSetup';
import type { RoundSetupInput } from '../../../../shared/domain/roundSetup';
import type { RegistryBase } from '../../../../shared/registry/types';
import { buildRound, testDeps } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import {
  historyLine,
  registryBase,
  registryContents,
} from '../../../helpers/registryRoundBuilders';

let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

const SHA = 'ab'.repeat(32);
const FINGERPRINT = 'ABCD-EF01-2345-6789';

const bases: RegistryBase[] = [
  registryBase('LN-A1-0001', 'A1', {
    name: '辽宁省先进材料重点实验室',
    history: [historyLine(2021, 58, { disposition: 'rectify' }), historyLine(2023, 74)],
  }),
  registryBase('LN-B4-0001', 'B4', {
    legacyType: 'engineeringTechnologyCenter',
    city: '大连',
    history: [historyLine(2023, 81, { grade: 'good' })],
  }),
  registryBase('LN-C2-0001', 'C2'),
];

const setupFor = (name: string, year = 2025): RoundSetupInput => ({
  ...defaultRoundSetup(year),
  name,
  evaluationType: 'periodic',
});

const input = (overrides: Partial<RoundFromRegistryInput> = {}): RoundFromRegistryInput => ({
  setup: setupFor('2025年度省级科技创新基地定期评估'),
  registry: registryContents(bases),
  fileName: '2025年度名单.pgb',
  sha256: SHA,
  fingerprint: FINGERPRINT,
  comparedBy: '王芳',
  ...overrides,
});

describe('createRoundFromRegistry', () => {
  it('creates the round with its roster under the registry codes and makes it current', async () => {
    const result = await createRoundFromRegistry(db, input(), '秘书处', testDeps('reg'));
    if (!result.ok) throw new Error(result.error.message);
    const { round } = result.value;
    expect(round).toMatchObject({
      name: '2025年度省级科技创新基地定期评估',
      year: 2025,
      evaluationType: 'periodic',
      status: 'setup',
    });
    const stored = await db.bases.where('roundId').equals(round.id).toArray();
    expect(stored.map((b) => [b.code, b.name, b.type, b.legacyType, b.city]).sort()).toEqual([
      ['LN-A1-0001', '辽宁省先进材料重点实验室', 'A1', undefined, '沈阳'],
      ['LN-B4-0001', '辽宁省LN-B4-0001基地', 'B4', 'engineeringTechnologyCenter', '大连'],
      ['LN-C2-0001', '辽宁省LN-C2-0001基地', 'C2', undefined, '沈阳'],
    ]);
    expect(new Set(stored.map((b) => b.id)).size).toBe(3);
    expect((await getCurrentRound(db))?.id).toBe(round.id);
  });

  it("stores every base's earlier rounds by registry code, with the bundle's SHA-256", async () => {
    const result = await createRoundFromRegistry(db, input(), '秘书处', testDeps('reg'));
    expect(result.ok).toBe(true);
    const lines = await db.registryHistory.orderBy('id').toArray();
    expect(lines.map((l) => [l.id, l.code, l.year, l.aggregate, l.disposition])).toEqual([
      ['LN-A1-0001:r-2021', 'LN-A1-0001', 2021, 58, 'rectify'],
      ['LN-A1-0001:r-2023', 'LN-A1-0001', 2023, 74, undefined],
      ['LN-B4-0001:r-2023', 'LN-B4-0001', 2023, 81, undefined],
    ]);
    expect(lines.every((l) => l.sourceSha256 === SHA)).toBe(true);
  });

  it('audits the round and where its roster came from, with who compared the fingerprint', async () => {
    const result = await createRoundFromRegistry(db, input(), '秘书处', testDeps('reg'));
    if (!result.ok) throw new Error(result.error.message);
    const audit = await listAuditOfRound(db, result.value.round.id);
    expect(audit.map((e) => e.action)).toEqual(['round.create', 'roster.import']);
    const detail = audit[1]?.detail ?? '';
    expect(detail).toContain('2025年度名单.pgb');
    expect(detail).toContain('导入基地 3 个');
    expect(detail).toContain('历年评估记录 3 条');
    expect(detail).toContain(SHA);
    expect(detail).toContain(`${FINGERPRINT}，由 王芳 核对`);
  });

  it('keeps the name a follow-up bundle proposes', async () => {
    const result = await createRoundFromRegistry(
      db,
      input({ setup: setupFor('2025年度省级科技创新基地复评') }),
      '秘书处',
      testDeps('reg'),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.round.name).toBe('2025年度省级科技创新基地复评');
    expect(result.value.round.evaluationType).toBe('periodic');
  });

  describe('refuses and writes nothing', () => {
    const refusedWith = async (bad: RoundFromRegistryInput, message: string | RegExp) => {
      const existing = buildRound({ name: '2025年度省级科技创新基地定期评估', year: 2025 });
      await db.rounds.add(existing);
      const before = await databaseDigest(db);
      const result = await createRoundFromRegistry(db, bad, '秘书处', testDeps('reg'));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.message).toMatch(message);
      expect(await databaseDigest(db)).toBe(before);
    };

    it('a round of the same name and year already here', async () => {
      await refusedWith(
        input(),
        '已有同名的 2025 年度评估轮次“2025年度省级科技创新基地定期评估”，请换一个名称',
      );
    });

    it('without the name of who compared the fingerprint', async () => {
      await refusedWith(
        input({ setup: setupFor('2025年度复评'), comparedBy: '  ' }),
        '请填写核对签名密钥指纹的人员姓名。',
      );
    });

    it('a registry without bases', async () => {
      await refusedWith(
        input({ setup: setupFor('2025年度复评'), registry: registryContents([]) }),
        '名单包中没有任何基地，无法据此创建评估轮次。',
      );
    });

    it('a merged base in the roster', async () => {
      const merged = registryBase('LN-B1-0003', 'B1', {
        name: '某工程研究中心',
        status: 'merged',
        mergedInto: 'LN-B4-0001',
      });
      await refusedWith(
        input({ setup: setupFor('2025年度复评'), registry: registryContents([...bases, merged]) }),
        '名单包中的基地“某工程研究中心”（LN-B1-0003）已并入其他基地，不能参加评估。',
      );
    });

    it('a registry code listed twice', async () => {
      const twice = [...bases, registryBase('LN-C2-0001', 'C2')];
      await refusedWith(
        input({ setup: setupFor('2025年度复评'), registry: registryContents(twice) }),
        '名单包中的基地编码“LN-C2-0001”重复。',
      );
    });
  });
});
