// English strings of the secretariat's roster tab; typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const rosterEn: Catalogue['roster'] = {
  importButton: 'Import roster (Excel/CSV)',
  dropHint: 'You can also drop an .xlsx or .csv file here',
  dropHere: 'Release to read the roster',
  templateXlsx: 'Download template (Excel)',
  templateCsv: 'Download template (CSV)',
  templateFileName: 'Roster template',
  templateSaved: 'Template saved',
  onlyOneFile: 'Import one file at a time.',
  readFailed: 'Could not read “{{file}}”.',
  count: '{{count}} bases',
  clear: 'Clear roster',
  clearConfirm:
    'Delete all {{count}} bases of this round and their panel assignments? This cannot be undone.',
  cleared: '{{count}} bases deleted',
  actions: 'Actions',
  delete: 'Delete',
  deleteConfirm: 'Delete the base “{{name}}” and its panel assignments?',
  deleted: 'Base “{{name}}” deleted',
  archivedNote: 'This round is an archive imported from a result bundle; its roster is read-only.',
  closedNote: 'This round is closed: bases can no longer be imported or deleted.',
  issuedNote:
    'Round bundles have been issued: new bases can still be imported (assign them to panels and export new bundles), but bases can no longer be deleted.',
  setupNote:
    'Importing adds to the current roster: a row with the same name and host institution as a base already in the round is a duplicate and is not imported again.',
  preview: {
    title: 'Import preview: {{file}}',
    sheet: 'Sheet “{{sheet}}”',
    encoding: 'Text encoding: {{encoding}}',
    headerRow: 'Header on row {{row}}',
    summary: '{{total}} data rows: {{valid}} can be imported, {{invalid}} have problems.',
    keyFigures: 'These columns are imported as key figures: {{columns}}',
    ready: 'No problems found; ready to import.',
    problems:
      '{{count}} problems found. Fix them in Excel and import again, or import only the rows without problems.',
    choiceHint:
      'Rows whose legacy type can go to several new types can be resolved by choosing the new type below.',
    row: 'Row',
    column: 'Column',
    message: 'Problem',
    chooseType: 'Choose new type',
    validRows: 'Bases to import ({{count}})',
    code: 'Code',
    codeGenerated: 'generated',
    confirm: 'Import {{count}} bases',
    confirmValidOnly: 'Import only the {{count}} bases without problems',
    confirmValidOnlyText:
      '{{invalid}} rows have problems and will not be imported. Import only the {{count}} bases without problems?',
    cancel: 'Discard',
    done: '{{count}} bases imported',
  },
  encodings: {
    'utf-8': 'UTF-8',
    gbk: 'GBK (CSV saved by older Excel)',
  },
};
