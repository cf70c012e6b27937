// Builders for scoresheet tests: deterministic stamps and deps, and shortcuts that apply
// a series of edits and fail loudly when the domain refuses one.
import { formatHlc } from '../../shared/domain/hlc';
import { createScoresheet, setRecommendation, setScore } from '../../shared/domain/scoresheet';
import type {
  EditStamp,
  ScoresheetDeps,
  ScoresheetEditResult,
} from '../../shared/domain/scoresheet';
import { builtinTemplateForType, secondaryIndicators } from '../../shared/domain/templates';
import type { DispositionDecision, IndicatorTemplate, Scoresheet } from '../../shared/domain/types';

const START_MS = Date.parse('2024-05-10T09:00:00.000Z');

/** The stamp of the n-th edit: one second apart, with a matching HLC. */
export function stampAt(n: number, deviceId = 'laptop-1'): EditStamp {
  const ms = START_MS + n * 1000;
  return {
    now: new Date(ms).toISOString(),
    hlc: formatHlc({ ms, counter: 0, deviceId }),
    deviceId,
  };
}

export function sheetDeps(deviceId = 'laptop-1'): ScoresheetDeps {
  let n = 0;
  return {
    now: () => new Date(START_MS).toISOString(),
    newId: () => `sheet-${++n}`,
    deviceId,
    hlc: () => formatHlc({ ms: START_MS, counter: 0, deviceId }),
  };
}

export function draftSheet(template: IndicatorTemplate = builtinTemplateForType('A1')): Scoresheet {
  return createScoresheet(
    { roundId: 'round-1', baseId: 'base-1', expertId: 'expert-1', template },
    sheetDeps(),
  );
}

/** The edited sheet, or a thrown error naming the refusal (for setting up a test). */
export function unwrap(result: ScoresheetEditResult): Scoresheet {
  if (!result.ok) throw new Error(`edit refused: ${result.error.code} ${result.error.message}`);
  return result.sheet;
}

export const INCLUDE_AS_A1: DispositionDecision = {
  disposition: { code: 'include', targetType: 'A1' },
  reason: '',
};

/** Scores every secondary with valueOf(max) (default: full marks), one stamp per edit. */
export function scoreEverything(
  sheet: Scoresheet,
  template: IndicatorTemplate,
  valueOf: (max: number) => number = (max) => max,
): Scoresheet {
  return secondaryIndicators(template).reduce(
    (current, indicator, i) =>
      unwrap(
        setScore(current, template, indicator.id, valueOf(indicator.maxPoints), stampAt(i + 1)),
      ),
    sheet,
  );
}

/** A draft that submitScoresheet accepts: full marks and 纳入 as A1. */
export function readyToSubmit(
  template: IndicatorTemplate = builtinTemplateForType('A1'),
): Scoresheet {
  const scored = scoreEverything(draftSheet(template), template);
  return unwrap(setRecommendation(scored, INCLUDE_AS_A1, stampAt(100)));
}
