import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import { assignTemplate, saveTemplate } from '../../../renderer/db/repositories/templateRepository';
import {
  copyTemplate,
  fitPrimaryToChildren,
  renameTemplate,
  setIndicatorPoints,
} from '../../../shared/domain/templateEditing';
import { builtinTemplateForType } from '../../../shared/domain/templates';
import type { IndicatorTemplate, Round } from '../../../shared/domain/types';
import { buildRound, testClock, testDeps } from '../../helpers/builders';
import { openTestDatabase } from '../../helpers/db';

let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

const a1 = builtinTemplateForType('A1');

/** The scenario edit: 学术交流与合作 5, 代表性研究成果 26, primaries adjusted to match. */
function scenarioEdit(template: IndicatorTemplate): IndicatorTemplate {
  let t = setIndicatorPoints(template, 'A1.3.2', 5);
  t = setIndicatorPoints(t, 'A1.1.3', 26);
  t = fitPrimaryToChildren(t, 'A1.1');
  return fitPrimaryToChildren(t, 'A1.3');
}

async function storeRound(overrides: Partial<Round> = {}): Promise<Round> {
  const round = buildRound(overrides);
  await db.rounds.add(round);
  await db.templates.put({ ...a1, primaries: a1.primaries.map((p) => ({ ...p })) });
  return round;
}

describe('saving an edited template for a round', () => {
  it('stores a fresh copy and points the round’s type at it, with an audit entry', async () => {
    const round = await storeRound();
    const copy = renameTemplate(
      scenarioEdit(copyTemplate(a1, { newId: () => 'a1-2024' })),
      '2024 重点实验室',
    );

    const result = await saveTemplate(
      db,
      { roundId: round.id, baseType: 'A1', template: copy },
      '秘书处',
      testDeps(),
    );

    expect(result).toMatchObject({ ok: true, value: { kind: 'created' } });
    expect((await db.rounds.get(round.id))?.templateByType.A1).toBe('a1-2024');
    expect((await db.templates.get('a1-2024'))?.primaries[0]?.maxPoints).toBe(51);
    expect(await db.templates.get('builtin-A1')).toEqual(a1);
    expect(await db.auditLog.toArray()).toMatchObject([
      {
        action: 'template.save',
        entityId: 'a1-2024',
        detail: 'A1 2024 重点实验室（第 1 版，新建）',
      },
    ]);
  });

  it('refuses a template whose points do not add up, writing nothing', async () => {
    const round = await storeRound();
    const broken = setIndicatorPoints(copyTemplate(a1, { newId: () => 'x' }), 'A1.3.2', 5);

    const result = await saveTemplate(
      db,
      { roundId: round.id, baseType: 'A1', template: broken },
      '秘书处',
      testDeps(),
    );

    expect(result).toMatchObject({ ok: false, error: { code: 'editRejected' } });
    expect(result.ok ? '' : result.error.message).toBe(
      '一级指标“开放交流与运行管理”的分值（20）与其二级指标分值之和（19）不一致',
    );
    expect(await db.templates.get('x')).toBeUndefined();
    expect((await db.rounds.get(round.id))?.templateByType.A1).toBe('builtin-A1');
    expect(await db.auditLog.count()).toBe(0);
  });

  it('never changes a frozen template: saves version + 1 and the round points at it', async () => {
    const frozen: IndicatorTemplate = {
      ...copyTemplate(a1, { newId: () => 'a1-issued' }),
      frozenAt: '2024-05-01T00:00:00.000Z',
    };
    const round = await storeRound({ status: 'issued', templateByType: { A1: 'a1-issued' } });
    await db.templates.add(frozen);

    const result = await saveTemplate(
      db,
      { roundId: round.id, baseType: 'A1', template: scenarioEdit(frozen) },
      '秘书处',
      testDeps('tpl'),
    );

    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.kind).toBe('newVersion');
    const saved = result.value.template;
    expect(saved).toMatchObject({ version: 2, derivedFrom: 'a1-issued' });
    expect(saved.frozenAt).toBeUndefined();
    expect(await db.templates.get('a1-issued')).toEqual(frozen);
    expect((await db.rounds.get(round.id))?.templateByType.A1).toBe(saved.id);
  });

  it('copies a template another round uses instead of changing that round’s system', async () => {
    const shared = copyTemplate(a1, { newId: () => 'a1-shared' });
    await db.templates.add(shared);
    const other = buildRound({ templateByType: { A1: 'a1-shared' } });
    await db.rounds.add(other);
    const round = await storeRound({ templateByType: { A1: 'a1-shared' } });

    const result = await saveTemplate(
      db,
      { roundId: round.id, baseType: 'A1', template: scenarioEdit(shared) },
      '秘书处',
      testDeps('tpl'),
    );

    expect(result).toMatchObject({ ok: true, value: { kind: 'newCopy' } });
    expect(await db.templates.get('a1-shared')).toEqual(shared);
    expect((await db.rounds.get(other.id))?.templateByType.A1).toBe('a1-shared');
    expect((await db.rounds.get(round.id))?.templateByType.A1).not.toBe('a1-shared');
  });

  it('saves over the round’s own unfrozen copy', async () => {
    const own = copyTemplate(a1, { newId: () => 'a1-own' });
    await db.templates.add(own);
    const round = await storeRound({ templateByType: { A1: 'a1-own' } });

    const result = await saveTemplate(
      db,
      { roundId: round.id, baseType: 'A1', template: scenarioEdit(own) },
      '秘书处',
      testDeps(),
    );

    expect(result).toMatchObject({ ok: true, value: { kind: 'updated' } });
    expect((await db.templates.get('a1-own'))?.primaries[2]?.maxPoints).toBe(19);
    expect(await db.templates.count()).toBe(2);
  });

  it('refuses edits in an archived or closed round', async () => {
    const archived = await storeRound({
      archive: { importedAt: '', fingerprint: '', fileName: 'r.pgb', bundleCreatedAt: '' },
    });
    const closed = buildRound({ status: 'closed' });
    await db.rounds.add(closed);
    const copy = scenarioEdit(copyTemplate(a1, { newId: () => 'c' }));

    const a = await saveTemplate(
      db,
      { roundId: archived.id, baseType: 'A1', template: copy },
      '秘书处',
      testDeps(),
    );
    const b = await saveTemplate(
      db,
      { roundId: closed.id, baseType: 'A1', template: copy },
      '秘书处',
      testDeps(),
    );

    expect(a).toMatchObject({ ok: false, error: { code: 'archived' } });
    expect(b).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await db.templates.get('c')).toBeUndefined();
  });
});

describe('choosing a template for a type', () => {
  it('points the type at a built-in, storing it on first use', async () => {
    const round = await storeRound();

    const result = await assignTemplate(
      db,
      { roundId: round.id, baseType: 'A1', templateId: 'builtin-A1-moe' },
      '秘书处',
      testClock(),
    );

    expect(result.ok && result.value.templateByType.A1).toBe('builtin-A1-moe');
    expect((await db.templates.get('builtin-A1-moe'))?.name).toContain('教育部');
    expect(await db.auditLog.toArray()).toMatchObject([
      { action: 'template.assign', entityId: 'builtin-A1-moe' },
    ]);
  });

  it('refuses a template of another type or an unknown one', async () => {
    const round = await storeRound();

    const wrongType = await assignTemplate(
      db,
      { roundId: round.id, baseType: 'A1', templateId: 'builtin-B1' },
      '秘书处',
      testClock(),
    );
    const unknown = await assignTemplate(
      db,
      { roundId: round.id, baseType: 'A1', templateId: 'nope' },
      '秘书处',
      testClock(),
    );

    expect(wrongType).toMatchObject({ ok: false, error: { code: 'editRejected' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect((await db.rounds.get(round.id))?.templateByType.A1).toBe('builtin-A1');
  });
});
