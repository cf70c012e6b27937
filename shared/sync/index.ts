// Lossless, order-independent merge of scoresheets from score bundles (pure TypeScript).
export * from './content';
export * from './digest';
export * from './versions';
export * from './frontier';
export * from './conflictRecords';
export * from './settle';
export * from './mergeScoresheets';
export * from './resolveConflict';
