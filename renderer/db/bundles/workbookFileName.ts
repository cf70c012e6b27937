// Which files of a batch are Excel scoresheet workbooks (read by workbookImport.ts, loaded only
// when one is there) rather than bundles.
export const isWorkbookFileName = (name: string): boolean => name.toLowerCase().endsWith('.xlsx');
