// A base across rounds (the plan's dynamic adjustment, 有进有出): its aggregate in every
// round that has a base with the same registry code, each computed by computeRoundResults
// under THAT round's own rule, grade bands and pool of sheets, with the secretariat's
// final decision where the round has one.
import { computeRoundResults } from '../domain/results';
import type {
  AggregationMethod,
  Base,
  BaseTypeCode,
  DispositionCode,
  FinalDecision,
  GradeCode,
  Round,
  Scoresheet,
} from '../domain/types';

export type HistoryRoundInput = {
  round: Round;
  /** Every base of the round (z-scores and ranks need the whole round). */
  bases: readonly Base[];
  scoresheets: readonly Scoresheet[];
  decisions?: readonly FinalDecision[];
};

/**
 * One round of a base's history. A point computed from a round in this database has every
 * field; a point a registry bundle brought (isFromRegistry, shared/charts/registryHistory.ts)
 * carries what the department's registry keeps: no base id, type, rule, rank or sheet count.
 */
export type HistoryPoint = {
  roundId: string;
  roundName: string;
  year: number;
  /** The base's id in that round; absent for a point from the registry. */
  baseId?: string;
  /** The name the base had in that round (legacy names before 2019's integration). */
  name: string;
  /** The base's type in that round; absent for a point from the registry. */
  type?: BaseTypeCode;
  aggregate: number | null;
  /**
   * The round's rule (absent for a point from the registry), and the method the value was
   * actually computed with.
   */
  ruleMethod?: AggregationMethod;
  method: AggregationMethod;
  grade: GradeCode | null;
  rankInType: number | null;
  /** Bases of the type in that round; null for a point from the registry. */
  typeCount: number | null;
  /** Valid sheets counted; null for a point from the registry. */
  sheets: number | null;
  decision?: DispositionCode;
  /** Set on a point a registry bundle brought (a round this database does not hold). */
  isFromRegistry?: true;
};

/** Oldest round first (year, then creation time). */
export function baseHistory(code: string, rounds: readonly HistoryRoundInput[]): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  const ordered = [...rounds].sort(
    (a, b) =>
      a.round.year - b.round.year ||
      (a.round.createdAt < b.round.createdAt ? -1 : a.round.createdAt > b.round.createdAt ? 1 : 0),
  );
  for (const input of ordered) {
    const base = input.bases.find((candidate) => candidate.code === code);
    if (!base) continue;
    const results = computeRoundResults(input.round, input.bases, input.scoresheets);
    const result = results.find((row) => row.base.id === base.id);
    if (!result) continue;
    const decision = input.decisions?.find((d) => d.baseId === base.id)?.disposition.code;
    points.push({
      roundId: input.round.id,
      roundName: input.round.name,
      year: input.round.year,
      baseId: base.id,
      name: base.name,
      type: base.type,
      aggregate: result.aggregate,
      ruleMethod: input.round.aggregation.method,
      method: result.method,
      grade: result.grade,
      rankInType: result.rankInType,
      typeCount: result.typeCount,
      sheets: result.sheets,
      ...(decision === undefined ? {} : { decision }),
    });
  }
  return points;
}
