// The scoresheet workbook for experts without the app (docs/excel-scoresheet.md): writing an
// expert's .xlsx, reading a filled one back against the round, and its sheets as Scoresheets.
export {
  writeScoresheetWorkbook,
  plannedSheets,
  scoresheetWorkbookFileName,
  WorkbookExportError,
} from './write';
export type { PlannedSheet } from './write';
export { readScoresheetWorkbook } from './read';
export type { WorkbookReadDeps } from './read';
export { toScoresheets, workbookDeviceId } from './toScoresheets';
export type { ToScoresheetsDeps } from './toScoresheets';
export {
  COLUMNS,
  HEADER,
  HEADER_ROW,
  IDENTITY_SHEET,
  INPUT_KEYS,
  INPUT_LABELS,
  INSTRUCTIONS_SHEET,
  LAYOUT_VERSION,
  layoutDescription,
  sheetLayout,
  WORKBOOK_FORMAT,
} from './layout';
export type { IdentityBase, InputKey, SheetLayout } from './layout';
export type * from './types';
