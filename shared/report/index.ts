// The round report: model, workbook sheets, CSV and file names (shared by the app's 报告
// tab, its printout and the CLI).
export * from './types';
export * from './csv';
export * from './formats';
export * from './labels';
export * from './model';
export * from './summarySheets';
export * from './indicatorSheet';
export * from './detailSheets';
export * from './workbook';
export * from './voidedSheets';
export * from './fileNames';
