// The domain core in one import: record types, taxonomy, indicator templates,
// scoresheets, rounds, the hybrid logical clock, and the statistics built on them.
export * from './types';
export * from './taxonomy'; // includes dispositions
export * from './templates'; // includes the built-in templates
export * from './scoresheet'; // includes totals and completeness
export * from './round';
export * from './hlc';
export * from './statistics';
export * from './aggregation';
export * from './concordance';
export * from './agreement';
export * from './grading';
export * from './ranking';
export * from './results';
