import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import { getCurrentRound } from '../../../renderer/db/queries';
import {
  createRoundFromSetup,
  updateRoundSettings,
} from '../../../renderer/db/repositories/roundSetupRepository';
import { defaultRoundSetup, roundSetupOf } from '../../../shared/domain/roundSetup';
import type { RoundSetupInput } from '../../../shared/domain/roundSetup';
import { copyTemplate } from '../../../shared/domain/templateEditing';
import { builtinTemplateForType } from '../../../shared/domain/templates';
import { buildRound, testDeps } from '../../helpers/builders';
import { openTestDatabase } from '../../helpers/db';

let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

const setup = (overrides: Partial<RoundSetupInput> = {}): RoundSetupInput => ({
  ...defaultRoundSetup(2024),
  name: '2024年度省级科技创新基地定期评估',
  evaluationType: 'periodic',
  ...overrides,
});

describe('creating a round from the wizard', () => {
  it('stores the round, its built-in templates and an audit entry, and makes it current', async () => {
    const result = await createRoundFromSetup(db, setup(), '秘书处', testDeps('round'));

    if (!result.ok) throw new Error(result.error.message);
    const round = result.value;
    expect(await getCurrentRound(db)).toEqual(round);
    expect(round).toMatchObject({ status: 'setup', year: 2024, evaluationType: 'periodic' });
    expect((await db.templates.toArray()).map((t) => t.id).sort()).toEqual(
      Object.values(round.templateByType).sort(),
    );
    expect(await db.auditLog.toArray()).toMatchObject([
      { action: 'round.create', roundId: round.id, actor: '秘书处' },
    ]);
  });

  it('can reuse a template stored for an earlier round', async () => {
    const earlier = copyTemplate(builtinTemplateForType('A1'), { newId: () => 'a1-2023' });
    await db.templates.add(earlier);
    const templateByType = { ...defaultRoundSetup(2024).templateByType, A1: 'a1-2023' };

    const result = await createRoundFromSetup(db, setup({ templateByType }), '秘书处', testDeps());

    expect(result.ok && result.value.templateByType.A1).toBe('a1-2023');
    expect(await db.templates.get('a1-2023')).toEqual(earlier);
  });

  it('refuses invalid settings or a duplicate name, writing nothing', async () => {
    await db.rounds.add(buildRound({ name: '2024年度省级科技创新基地定期评估', year: 2024 }));

    const duplicate = await createRoundFromSetup(db, setup(), '秘书处', testDeps());
    const invalid = await createRoundFromSetup(
      db,
      setup({ name: '另一轮', quotas: { excellentMaxShare: 2, rectifyOrFailMinShare: null } }),
      '秘书处',
      testDeps(),
    );

    expect(duplicate).toMatchObject({ ok: false, error: { code: 'editRejected' } });
    expect(duplicate.ok ? '' : duplicate.error.message).toContain('已有同名');
    expect(invalid.ok ? '' : invalid.error.message).toBe(
      '比例限制须在 0% 到 100% 之间（或不设限制）',
    );
    expect(await db.rounds.count()).toBe(1);
    expect(await db.templates.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
    expect(await getCurrentRound(db)).toBeNull();
  });
});

describe('editing a round’s settings', () => {
  it('saves new settings with a round.update audit entry while the round is in setup', async () => {
    const round = buildRound();
    await db.rounds.add(round);
    const edited = {
      ...roundSetupOf(round),
      name: '改名后的轮次',
      aggregation: { method: 'zScore' as const, trimCount: 1, trimMinSheets: 5 },
    };

    const result = await updateRoundSettings(db, round.id, edited, '秘书处', testDeps());

    expect(result.ok).toBe(true);
    expect(await db.rounds.get(round.id)).toEqual({
      ...round,
      name: '改名后的轮次',
      aggregation: { method: 'zScore', trimCount: 1, trimMinSheets: 5 },
    });
    expect(await db.auditLog.toArray()).toMatchObject([
      { action: 'round.update', entityId: round.id, detail: '改名后的轮次' },
    ]);
  });

  it('refuses once the round is issued, and in an archived round', async () => {
    const issued = buildRound({ status: 'issued' });
    const archived = buildRound({
      archive: { importedAt: '', fingerprint: '', fileName: 'r.pgb', bundleCreatedAt: '' },
    });
    await db.rounds.bulkAdd([issued, archived]);

    const a = await updateRoundSettings(db, issued.id, roundSetupOf(issued), '秘书处', testDeps());
    const b = await updateRoundSettings(
      db,
      archived.id,
      roundSetupOf(archived),
      '秘书处',
      testDeps(),
    );

    expect(a).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(b).toMatchObject({ ok: false, error: { code: 'archived' } });
    expect(await db.auditLog.count()).toBe(0);
  });
});
