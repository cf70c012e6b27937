import { describe, expect, it } from 'vitest';
import { generateDemoRound } from '../../../shared/demo/demoRound';
import {
  declarationsFromRecords,
  findConflictsOfInterest,
  isSameInstitution,
  normaliseInstitution,
} from '../../../shared/secretariat/conflicts';
import { buildAssignment, buildScoresheet, TEST_TIME } from '../../helpers/builders';
import { basesOf, expertsOf } from '../../helpers/assignmentBuilders';

describe('normaliseInstitution', () => {
  it('treats full-width letters, brackets and stray spaces as the written name', () => {
    expect(isSameInstitution(' 东北大学 ', '东北 大学')).toBe(true);
    expect(isSameInstitution('中国科学院（沈阳）ＡＢＣ研究所', '中国科学院(沈阳)ABC研究所')).toBe(
      true,
    );
    expect(isSameInstitution('东北大学\u3000', '东北大学')).toBe(true);
  });

  it('matches an employer written with and without its legal form', () => {
    expect(isSameInstitution('鞍钢集团', '鞍钢集团有限公司')).toBe(true);
    expect(isSameInstitution('瓦房店轴承集团有限责任公司', '瓦房店轴承集团')).toBe(true);
    expect(isSameInstitution('东软集团股份有限公司', '东软集团有限公司')).toBe(true);
    expect(isSameInstitution('中科院金属研究所', '中国科学院金属研究所')).toBe(true);
  });

  it('keeps different institutions apart, and never matches a blank name', () => {
    expect(isSameInstitution('东北大学', '东北财经大学')).toBe(false);
    expect(isSameInstitution('中国医科大学', '中国医科大学附属第一医院')).toBe(false);
    expect(isSameInstitution('', '')).toBe(false);
    expect(isSameInstitution('  ', '\u3000')).toBe(false);
    // A bare legal form is a name of its own, not an empty one.
    expect(normaliseInstitution('公司')).toBe('公司');
  });
});

describe('findConflictsOfInterest', () => {
  const [b1, b2, b3] = basesOf(3).map((b, i) => ({
    ...b,
    hostInstitution: ['东北大学', '鞍钢集团有限公司', '大连理工大学'][i] ?? '',
  }));
  const [e1, e2, e3] = expertsOf('p1', 3).map((e, i) => ({
    ...e,
    institution: ['东北 大学', '鞍钢集团', '清华大学'][i] ?? '',
  }));
  if (!b1 || !b2 || !b3 || !e1 || !e2 || !e3) throw new Error('builders');

  it('finds an expert whose institution hosts the base, with both names in the reason', () => {
    const conflicts = findConflictsOfInterest([b1, b2, b3], [e1, e2, e3], []);
    expect(conflicts).toEqual([
      {
        expertId: e1.id,
        baseId: b1.id,
        kind: 'institution',
        reason: '专家所在单位（东北 大学）与基地依托单位（东北大学）为同一单位',
        source: 'institution',
      },
      {
        expertId: e2.id,
        baseId: b2.id,
        kind: 'institution',
        reason: '专家所在单位（鞍钢集团）与基地依托单位（鞍钢集团有限公司）为同一单位',
        source: 'institution',
      },
    ]);
  });

  it('adds declared conflicts with their reason, once per pair, ignoring blank or unknown ones', () => {
    const conflicts = findConflictsOfInterest(
      [b1, b2, b3],
      [e3],
      [
        { expertId: e3.id, baseId: b3.id, reason: ' 曾指导该实验室主任 ' },
        { expertId: e3.id, baseId: b3.id, reason: '重复' },
        { expertId: e3.id, baseId: b1.id, reason: '  ' },
        { expertId: 'nobody', baseId: b1.id, reason: '不在名单' },
        { expertId: e3.id, baseId: b2.id, reason: '秘书处决定', source: 'secretariat' },
      ],
    );
    expect(conflicts.map((c) => [c.baseId, c.kind, c.reason, c.source])).toEqual([
      [b2.id, 'declared', '秘书处决定', 'secretariat'],
      [b3.id, 'declared', '曾指导该实验室主任', 'declared'],
    ]);
  });

  it('gives the same list whatever the input order', () => {
    const a = findConflictsOfInterest([b1, b2, b3], [e1, e2, e3], []);
    const b = findConflictsOfInterest([b3, b1, b2], [e3, e2, e1], []);
    expect(b).toEqual(a);
  });

  it('finds every recusal the demo generator made for an own-institution base', () => {
    const demo = generateDemoRound();
    const conflicts = findConflictsOfInterest(demo.bases, demo.experts, []);
    const found = new Set(conflicts.map((c) => `${c.expertId}|${c.baseId}`));
    const recorded = demo.assignments.filter((a) => a.recusal?.source === 'institution');
    expect(recorded.length).toBeGreaterThan(0);
    for (const a of recorded) expect(found.has(`${a.expertId}|${a.baseId}`)).toBe(true);
  });
});

describe('declarationsFromRecords', () => {
  it('reads declared recusals from assignments and sheets, not automatic ones', () => {
    const [b1, b2] = basesOf(2);
    const [e1] = expertsOf('p1', 1);
    if (!b1 || !b2 || !e1) throw new Error('builders');
    const at = TEST_TIME;
    const declarations = declarationsFromRecords(
      [
        buildAssignment(b1, e1, { recusal: { reason: '本单位', source: 'institution', at } }),
        buildAssignment(b2, e1, { recusal: { reason: '亲属任职', source: 'secretariat', at } }),
      ],
      [
        buildScoresheet(b2, e1, { recusal: { reason: '另一条', source: 'declared', at } }),
        buildScoresheet(b1, e1, { recusal: { reason: '曾任顾问', source: 'declared', at } }),
      ],
    );
    expect(declarations).toEqual([
      { expertId: e1.id, baseId: b2.id, reason: '亲属任职', source: 'secretariat' },
      { expertId: e1.id, baseId: b1.id, reason: '曾任顾问', source: 'declared' },
    ]);
  });
});
