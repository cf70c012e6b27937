// A panel laptop at work, through the real repositories: every expert of the panel starts a
// sheet for each assigned base, scores every indicator and (optionally) submits it.
import type { PingguDatabase } from '../../renderer/db/database';
import {
  applyScoresheetEdit,
  createScoresheet,
  saveScore,
  submitScoresheet,
} from '../../renderer/db/repositories/scoresheetRepository';
import type { ScoresheetDeps } from '../../shared/domain/scoresheet';
import { setRecommendation } from '../../shared/domain/scoresheet';
import { secondaryIndicators } from '../../shared/domain/templates';
import type { Scoresheet } from '../../shared/domain/types';
import { valueOf } from './importBuilders';

export type ScoringOptions = {
  /** Points for an indicator worth `max`; default 80% rounded to the 0.5 step. */
  points?: (max: number, index: number) => number;
  submit?: boolean;
};

const eightyPercent = (max: number): number => Math.round(max * 1.6) / 2;

/** Scores one sheet completely (and submits it) through the repositories. */
export async function scoreSheet(
  db: PingguDatabase,
  sheet: Scoresheet,
  deps: ScoresheetDeps,
  options: ScoringOptions = {},
): Promise<Scoresheet> {
  const template = await db.templates.get(sheet.templateId);
  if (!template) throw new Error(`template ${sheet.templateId} missing`);
  const base = await db.bases.get(sheet.baseId);
  const pick = options.points ?? eightyPercent;
  for (const [i, indicator] of secondaryIndicators(template).entries()) {
    const points = pick(indicator.maxPoints, i);
    valueOf(await saveScore(db, sheet.id, indicator.id, points, '专家', deps));
  }
  const current = valueOf(
    await applyScoresheetEdit(
      db,
      sheet.id,
      (s, { stamp }) =>
        setRecommendation(
          s,
          { disposition: { code: 'include', targetType: base?.type ?? 'A1' }, reason: '' },
          stamp,
        ),
      '专家',
      deps,
    ),
  );
  if (options.submit === false) return current;
  return valueOf(await submitScoresheet(db, sheet.id, '专家', deps));
}

/** Every assignment of the round on this laptop gets a scored sheet. */
export async function scoreEverySheet(
  db: PingguDatabase,
  roundId: string,
  deps: ScoresheetDeps,
  options: ScoringOptions = {},
): Promise<Scoresheet[]> {
  const assignments = await db.assignments.where('roundId').equals(roundId).toArray();
  const sheets: Scoresheet[] = [];
  for (const a of assignments.sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (a.recusal) continue;
    const key = { roundId, expertId: a.expertId, baseId: a.baseId };
    const created = valueOf(await createScoresheet(db, key, '专家', deps));
    sheets.push(await scoreSheet(db, created, deps, options));
  }
  return sheets;
}
