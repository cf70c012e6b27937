// Totals of the form as typed: the domain's primaryTotals/sheetTotal over the accepted
// scores, so the screen can never disagree with what submit and aggregation compute.
import { primaryTotals, sheetTotal } from '../../../shared/domain/scoresheetTotals';
import { secondaryIndicators } from '../../../shared/domain/templates';
import type { IndicatorTemplate, Scoresheet } from '../../../shared/domain/types';

export type FormTotals = {
  byPrimary: Record<string, number>;
  total: number;
  scored: number;
  indicators: number;
};

/** A sheet holding nothing but scores, for the read-only totals functions. */
export function scoresOnlySheet(
  template: IndicatorTemplate,
  scores: Record<string, number>,
): Scoresheet {
  return {
    id: '',
    roundId: '',
    baseId: '',
    expertId: '',
    templateId: template.id,
    templateVersion: template.version,
    scores,
    comments: {},
    overallComment: '',
    status: 'draft',
    revision: 0,
    hlc: '',
    deviceId: '',
    updatedAt: '',
  };
}

export function formTotals(
  template: IndicatorTemplate,
  scores: Readonly<Record<string, number>>,
): FormTotals {
  const sheet = scoresOnlySheet(template, { ...scores });
  const secondaries = secondaryIndicators(template);
  return {
    byPrimary: primaryTotals(sheet, template),
    total: sheetTotal(sheet, template),
    scored: secondaries.filter((s) => Object.hasOwn(scores, s.id)).length,
    indicators: secondaries.length,
  };
}

/** Points as people write them: 87.5, 90 (scores are multiples of 0.5). */
export function formatPoints(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
