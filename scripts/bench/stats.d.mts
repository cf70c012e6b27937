export type Goal = 'atMost' | 'below' | 'atLeast' | 'above';
export declare function median(values: readonly number[]): number;
export declare function percentile(values: readonly number[], p: number): number;
export declare function measuredRuns<T>(
  values: readonly T[],
  warmup: number,
  minRuns?: number,
): T[];
export declare function ratioOfMedians(
  numerator: readonly number[],
  denominator: readonly number[],
): number;
export declare function meetsTarget(goal: Goal, value: unknown, target: number): boolean;
export declare const GOAL_SYMBOLS: Readonly<Record<Goal, string>>;
export declare const formatMb: (bytes: number) => string;
export declare const formatRuns: (values: readonly number[]) => string;
