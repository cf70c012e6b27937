// Roster import: CSV parsing and decoding choice, header detection and row validation.
export * from './csv';
export * from './roster';
