// Pure selectors behind the chair's dashboard, one module per chart. Each reads rows of
// computeRoundResults (shared/domain/results.ts) and the domain's statistics; none
// recomputes an aggregate its own way.
export * from './filters';
export * from './scope';
export * from './ranking';
export * from './baseProfile';
export * from './expertSpread';
export * from './leniency';
export * from './methodComparison';
export * from './overview';
export * from './history';
export * from './voidedSheets';
