// What stops a sheet from being submitted, as a list the expert can work through: every
// unscored indicator by name, inputs that hold a refused value, a missing recommendation
// and each problem with it. Pure; mirrors completeness() in shared/domain.
import { completeness } from '../../../shared/domain/scoresheetTotals';
import type {
  DispositionContext,
  DispositionProblem,
  DispositionProblemCode,
} from '../../../shared/domain/dispositions';
import { secondaryIndicators } from '../../../shared/domain/templates';
import type { IndicatorTemplate, Scoresheet } from '../../../shared/domain/types';

export type MissingItem =
  | { kind: 'score'; indicatorId: string; name: string; primaryName: string }
  | { kind: 'invalidInput'; indicatorId: string; name: string; primaryName: string }
  | { kind: 'recommendation' }
  | { kind: 'problem'; code: DispositionProblemCode; message: string };

/**
 * Everything missing from `sheet` (what is saved) plus the inputs that currently show a
 * refused value (`invalidIds`): those would silently keep their older saved value. A
 * recommendation still being chosen in the form (its target missing, so not saved yet)
 * is described by `draftProblems` instead of the saved one.
 */
export function missingItems(
  sheet: Scoresheet,
  template: IndicatorTemplate,
  context: DispositionContext,
  invalidIds: ReadonlySet<string> = new Set(),
  draftProblems: readonly DispositionProblem[] = [],
): MissingItem[] {
  const state = completeness(sheet, template, context);
  const missing = new Set(state.missingIndicatorIds);
  const primaryName = new Map(template.primaries.map((p) => [p.id, p.name]));
  const items: MissingItem[] = [];
  for (const s of secondaryIndicators(template)) {
    const where = {
      indicatorId: s.id,
      name: s.name,
      primaryName: primaryName.get(s.primaryId) ?? '',
    };
    if (invalidIds.has(s.id)) items.push({ kind: 'invalidInput', ...where });
    else if (missing.has(s.id)) items.push({ kind: 'score', ...where });
  }
  if (draftProblems.length > 0) {
    for (const problem of draftProblems) items.push({ kind: 'problem', ...problem });
    return items;
  }
  if (state.missingRecommendation) items.push({ kind: 'recommendation' });
  for (const problem of state.recommendationProblems) items.push({ kind: 'problem', ...problem });
  return items;
}
