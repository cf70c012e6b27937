// The scoresheet form's state outside React: what each input shows, which scores are
// accepted, comments and the recommendation draft. Inputs subscribe to their own field
// only, so a keystroke re-renders one row and the totals, not the whole sheet. Every
// accepted change goes to the sink (the SheetSaver); a refused score never does.
import type {
  BaseTypeCode,
  DispositionCode,
  IndicatorTemplate,
  Scoresheet,
} from '../../../shared/domain/types';
import { secondaryIndicators } from '../../../shared/domain/templates';
import type { FlatSecondaryIndicator } from '../../../shared/domain/templates';
import { fieldKey } from './fieldEdits';
import type { FieldEdit } from './fieldEdits';
import { chooseDisposition, decisionFromDraft, draftFromDecision } from './recommendation';
import type { RecommendationDraft } from './recommendation';
import { formatScoreText, normalizeScoreText, parseScoreText, stepScore } from './scoreInput';
import type { ParsedScore } from './scoreInput';

export type SheetFormState = {
  /** What each score input shows (possibly a refused value). */
  texts: Readonly<Record<string, string>>;
  /** Accepted scores: saved or on their way; what totals are computed from. */
  accepted: Readonly<Record<string, number>>;
  comments: Readonly<Record<string, string>>;
  overall: string;
  draft: RecommendationDraft;
};

/** Where accepted edits go (the SheetSaver); keys are fieldKey(edit). */
export type EditSink = {
  schedule: (edit: FieldEdit) => void;
  isPending: (key: string) => boolean;
  cancel: (key: string) => boolean;
};

const without = <V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> => {
  const copy = { ...record };
  delete copy[key];
  return copy;
};

const withScore = (
  scores: Readonly<Record<string, number>>,
  indicatorId: string,
  value: number | null,
): Record<string, number> =>
  value === null ? without(scores, indicatorId) : { ...scores, [indicatorId]: value };

export function initialFormState(sheet: Scoresheet | null): SheetFormState {
  const scores = sheet?.scores ?? {};
  return {
    texts: Object.fromEntries(Object.entries(scores).map(([id, v]) => [id, formatScoreText(v)])),
    accepted: { ...scores },
    comments: { ...(sheet?.comments ?? {}) },
    overall: sheet?.overallComment ?? '',
    draft: draftFromDecision(sheet?.recommendation),
  };
}

export class SheetFormStore {
  private state: SheetFormState;
  private readonly listeners = new Set<() => void>();
  private readonly indicators: ReadonlyMap<string, FlatSecondaryIndicator>;
  /**
   * Per score field, the accepted value before the edits still waiting to be written
   * ("12" before typing "2" on the way to a refused "25"), to fall back to on a refusal.
   */
  private readonly beforeUnsaved = new Map<string, number | null>();

  constructor(
    template: IndicatorTemplate,
    sheet: Scoresheet | null,
    private readonly sink: EditSink,
    private readonly baseType: BaseTypeCode,
  ) {
    this.state = initialFormState(sheet);
    this.indicators = new Map(secondaryIndicators(template).map((s) => [s.id, s]));
  }

  getState = (): SheetFormState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(changes: Partial<SheetFormState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener();
  }

  /** The parse of what a score input shows. */
  parsed(indicatorId: string): ParsedScore {
    const max = this.indicators.get(indicatorId)?.maxPoints ?? 0;
    return parseScoreText(this.state.texts[indicatorId] ?? '', max);
  }

  /** Inputs that show a refused value. */
  invalidIds(): Set<string> {
    return new Set([...this.indicators.keys()].filter((id) => this.parsed(id).kind === 'invalid'));
  }

  // ---- scores -------------------------------------------------------------------------

  setScoreText(indicatorId: string, text: string): ParsedScore {
    const indicator = this.indicators.get(indicatorId);
    if (!indicator) return { kind: 'empty' };
    const parsed = parseScoreText(text, indicator.maxPoints);
    const texts = { ...this.state.texts, [indicatorId]: text };
    const key = fieldKey({ kind: 'score', indicatorId, value: null });
    if (parsed.kind === 'invalid') {
      // The keystrokes that led here (the "2" of "25") must not be saved either.
      const before = this.beforeUnsaved.get(indicatorId);
      this.beforeUnsaved.delete(indicatorId);
      if (this.sink.cancel(key) && before !== undefined) {
        this.update({ texts, accepted: withScore(this.state.accepted, indicatorId, before) });
      } else {
        this.update({ texts });
      }
      return parsed;
    }
    if (!this.sink.isPending(key)) {
      this.beforeUnsaved.set(indicatorId, this.state.accepted[indicatorId] ?? null);
    }
    const value = parsed.kind === 'valid' ? parsed.value : null;
    this.update({ texts, accepted: withScore(this.state.accepted, indicatorId, value) });
    this.sink.schedule({ kind: 'score', indicatorId, value });
    return parsed;
  }

  /** Arrow keys: 0.5 up or down from what the input shows, within [0, max]. */
  stepScore(indicatorId: string, direction: 1 | -1): void {
    const indicator = this.indicators.get(indicatorId);
    if (!indicator) return;
    const shown = Number(normalizeScoreText(this.state.texts[indicatorId] ?? ''));
    const typed = (this.state.texts[indicatorId] ?? '').trim() === '' ? null : shown;
    const from =
      typed !== null && Number.isFinite(typed) ? typed : (this.state.accepted[indicatorId] ?? null);
    const next = stepScore(from, direction, indicator.maxPoints);
    if (next === from) return;
    this.setScoreText(indicatorId, formatScoreText(next));
  }

  /** Esc: the input shows the accepted score again. */
  revertScore(indicatorId: string): void {
    const text = formatScoreText(this.state.accepted[indicatorId]);
    if (text === (this.state.texts[indicatorId] ?? '')) return;
    this.update({ texts: { ...this.state.texts, [indicatorId]: text } });
  }

  // ---- comments ---------------------------------------------------------------------

  setComment(indicatorId: string, text: string): void {
    this.update({ comments: { ...this.state.comments, [indicatorId]: text } });
    this.sink.schedule({ kind: 'comment', indicatorId, text });
  }

  setOverall(text: string): void {
    this.update({ overall: text });
    this.sink.schedule({ kind: 'overall', text });
  }

  // ---- recommendation ---------------------------------------------------------------

  private setDraft(draft: RecommendationDraft): void {
    this.update({ draft });
    const decided = decisionFromDraft(draft);
    // An unfinished draft (target missing) stays in the form until it has its target.
    if (decided.kind === 'complete') {
      this.sink.schedule({ kind: 'recommendation', decision: decided.decision });
    } else if (decided.kind === 'none') {
      this.sink.schedule({ kind: 'recommendation', decision: null });
    }
  }

  chooseDisposition(code: DispositionCode): void {
    this.setDraft(chooseDisposition(this.state.draft, code, this.baseType));
  }

  setTargetType(targetType: BaseTypeCode | null): void {
    this.setDraft({ ...this.state.draft, targetType });
  }

  setTargetBase(targetBaseId: string | null): void {
    this.setDraft({ ...this.state.draft, targetBaseId });
  }

  setReason(reason: string): void {
    this.setDraft({ ...this.state.draft, reason });
  }
}
