// Kendall's W per panel, computed by hand on 3 experts × 4 bases.
//
// Panel 甲 (bases a1–a4), totals and ranks (1 = highest):
//   e1: 90 80 70 60 → 1 2 3 4
//   e2: 85 88 70 65 → 2 1 3 4
//   e3: 80 75 60 70 → 1 2 4 3
//   rank sums R = 4 5 10 11, mean m(n + 1)/2 = 7.5, S = 3.5² + 2.5² + 2.5² + 3.5² = 37,
//   W = 12·37 / (3²·(4³ − 4)) = 444 / 540 = 37/45 ≈ 0.822 → 一致性较好.
// Panel 乙 (bases b1–b4): ranks e1 1 2 3 4, e2 2 1 4 3, e3 1 3 2 4 → R = 4 6 9 11,
//   S = 12.25 + 2.25 + 2.25 + 12.25 = 29, W = 12·29 / 540 = 29/45 ≈ 0.644 → 一般.
// Panel 丙 (bases c1–c4): ranks e1 1 2 3 4, e2 4 3 2 1, e3 2 1 4 3 → R = 7 6 9 8,
//   S = 0.25 + 2.25 + 2.25 + 0.25 = 5, W = 60 / 540 = 1/9 ≈ 0.111 → 较差.
import { describe, expect, it } from 'vitest';
import { concordanceReading, panelConcordance } from '../../../shared/charts/panelConcordance';
import type { Scoresheet } from '../../../shared/domain/types';
import { scoresheet } from '../../helpers/ratings';

type Table = Record<string, Record<string, number>>;

/** Submitted sheets, one per cell; the total is the single score. */
function sheetsOf(table: Table): Scoresheet[] {
  return Object.entries(table).flatMap(([expertId, row]) =>
    Object.entries(row).map(([baseId, total]) =>
      scoresheet({ baseId, expertId, scores: { s1: total } }),
    ),
  );
}

const basesOf = (panelId: string, ids: readonly string[]) => ids.map((id) => ({ id, panelId }));

const JIA: Table = {
  e1: { a1: 90, a2: 80, a3: 70, a4: 60 },
  e2: { a1: 85, a2: 88, a3: 70, a4: 65 },
  e3: { a1: 80, a2: 75, a3: 60, a4: 70 },
};
const YI: Table = {
  f1: { b1: 90, b2: 80, b3: 70, b4: 60 },
  f2: { b1: 80, b2: 90, b3: 60, b4: 70 },
  f3: { b1: 90, b2: 70, b3: 80, b4: 60 },
};
const BING: Table = {
  g1: { c1: 90, c2: 80, c3: 70, c4: 60 },
  g2: { c1: 60, c2: 70, c3: 80, c4: 90 },
  g3: { c1: 80, c2: 90, c3: 60, c4: 70 },
};

const PANELS = [
  { id: 'p-jia', name: '甲组' },
  { id: 'p-yi', name: '乙组' },
  { id: 'p-bing', name: '丙组' },
];
const BASES = [
  ...basesOf('p-jia', ['a1', 'a2', 'a3', 'a4']),
  ...basesOf('p-yi', ['b1', 'b2', 'b3', 'b4']),
  ...basesOf('p-bing', ['c1', 'c2', 'c3', 'c4']),
];

describe('panelConcordance', () => {
  it('gives each panel its W on 3 experts × 4 bases, with its reading, in the panels’ order', () => {
    const rows = panelConcordance({
      panels: PANELS,
      bases: BASES,
      scoresheets: [...sheetsOf(JIA), ...sheetsOf(YI), ...sheetsOf(BING)],
    });
    expect(rows.map((row) => row.panelName)).toEqual(['甲组', '乙组', '丙组']);
    expect(rows[0]?.w).toBeCloseTo(37 / 45, 12);
    expect(rows[1]?.w).toBeCloseTo(29 / 45, 12);
    expect(rows[2]?.w).toBeCloseTo(1 / 9, 12);
    expect(rows.map((row) => row.reading)).toEqual(['good', 'fair', 'poor']);
    for (const row of rows) {
      expect(row).toMatchObject({
        experts: 3,
        bases: 4,
        droppedExperts: 0,
        droppedBases: 0,
        gap: null,
      });
    }
  });

  it('shares a mid-rank between tied totals and corrects for the tie', () => {
    // e3 gives a3 and a4 70 each: ranks 1 2 3.5 3.5, tie term 2³ − 2 = 6.
    // R = 4 5 9.5 11.5, S = 12.25 + 6.25 + 4 + 16 = 38.5,
    // W = 12·38.5 / (9·60 − 3·6) = 462 / 522 = 77/87 ≈ 0.885.
    const tied = { ...JIA, e3: { a1: 80, a2: 75, a3: 70, a4: 70 } };
    const [row] = panelConcordance({
      panels: [PANELS[0] ?? { id: '', name: '' }],
      bases: BASES,
      scoresheets: sheetsOf(tied),
    });
    expect(row?.w).toBeCloseTo(77 / 87, 12);
    expect(row?.reading).toBe('good');
  });

  it('computes on the largest complete block when an expert recused, and says what it left out', () => {
    // e3 recused from a4: a4 (1 of 3 experts missing) goes before e3 (1 of 4 bases missing).
    // Block 3 × 3: ranks e1 1 2 3, e2 2 1 3, e3 1 2 3 → R = 4 5 9, mean 6, S = 4 + 1 + 9 = 14,
    // W = 12·14 / (9·(27 − 3)) = 168 / 216 = 7/9 ≈ 0.778.
    const sheets = sheetsOf(JIA).map((sheet) =>
      sheet.expertId === 'e3' && sheet.baseId === 'a4'
        ? {
            ...sheet,
            recusal: { reason: '曾在该基地任职', source: 'declared' as const, at: sheet.updatedAt },
          }
        : sheet,
    );
    const [row] = panelConcordance({
      panels: PANELS.slice(0, 1),
      bases: BASES,
      scoresheets: sheets,
    });
    expect(row?.w).toBeCloseTo(7 / 9, 12);
    expect(row).toMatchObject({ experts: 3, bases: 3, droppedExperts: 0, droppedBases: 1 });
  });

  it('leaves drafts out, like every other statistic', () => {
    const sheets = sheetsOf(JIA).map((sheet) =>
      sheet.expertId === 'e2' ? { ...sheet, status: 'draft' as const } : sheet,
    );
    const [row] = panelConcordance({
      panels: PANELS.slice(0, 1),
      bases: BASES,
      scoresheets: sheets,
    });
    // e1 1 2 3 4 and e3 1 2 4 3: R = 2 4 7 7, mean 5, S = 9 + 1 + 4 + 4 = 18,
    // W = 12·18 / (4·60) = 216 / 240 = 0.9.
    expect(row?.w).toBeCloseTo(0.9, 12);
    expect(row).toMatchObject({ experts: 2, bases: 4 });
  });

  it('says why W cannot be computed: no scores, one expert, one base, or every total tied', () => {
    const panels = [
      { id: 'p-none', name: '未评组' },
      { id: 'p-one-expert', name: '单人组' },
      { id: 'p-one-base', name: '单基地组' },
      { id: 'p-tied', name: '同分组' },
    ];
    const bases = [
      ...basesOf('p-none', ['n1', 'n2']),
      ...basesOf('p-one-expert', ['o1', 'o2', 'o3']),
      ...basesOf('p-one-base', ['s1']),
      ...basesOf('p-tied', ['t1', 't2']),
    ];
    const scoresheets = sheetsOf({
      x1: { o1: 90, o2: 80, o3: 70 },
      y1: { s1: 90 },
      y2: { s1: 70 },
      z1: { t1: 80, t2: 80 },
      z2: { t1: 75, t2: 75 },
    });
    const rows = panelConcordance({ panels, bases, scoresheets });
    expect(rows.map((row) => [row.panelName, row.w, row.reading, row.gap])).toEqual([
      ['未评组', null, null, 'noRatings'],
      ['单人组', null, null, 'tooFewExperts'],
      ['单基地组', null, null, 'tooFewBases'],
      ['同分组', null, null, 'allTied'],
    ]);
    expect(rows[1]).toMatchObject({ experts: 1, bases: 3 });
    expect(rows[2]).toMatchObject({ experts: 2, bases: 1 });
  });

  it('ignores sheets of bases outside the panel', () => {
    const [row] = panelConcordance({
      panels: PANELS.slice(0, 1),
      bases: BASES,
      scoresheets: [...sheetsOf(JIA), ...sheetsOf(BING)],
    });
    expect(row?.w).toBeCloseTo(37 / 45, 12);
    expect(row).toMatchObject({ experts: 3, bases: 4, droppedExperts: 0 });
  });
});

describe('concordanceReading', () => {
  it('reads W ≥ 0.7 as good, 0.5 up to 0.7 as fair and below 0.5 as poor', () => {
    expect(concordanceReading(1)).toBe('good');
    expect(concordanceReading(0.7)).toBe('good');
    expect(concordanceReading(0.7 - 1e-12)).toBe('good');
    expect(concordanceReading(0.6999)).toBe('fair');
    expect(concordanceReading(0.5)).toBe('fair');
    expect(concordanceReading(0.4999)).toBe('poor');
    expect(concordanceReading(0)).toBe('poor');
  });
});
