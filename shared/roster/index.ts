// Roster import: table files (.xlsx/CSV), CSV parsing and decoding choice, header detection,
// row validation, registry codes and the downloadable template.
export * from './csv';
export * from './roster';
export * from './experts';
export * from './rosterCodes';
export * from './rosterTemplate';
export * from './tableFile';
