// The Web Worker that reads spreadsheets off the window's thread, so a hostile or huge file
// can never freeze the window: it runs one reader (readTableFile for a roster or expert
// list, readXlsx for a whole workbook; neither throws) on one request and posts the result
// back. The window's client (spreadsheetClient.ts) starts one worker per file and
// terminates it when it answers or its time budget runs out.
import { readTableFile } from '../../shared/roster/tableFile';
import { internalFailure } from '../../shared/xlsx/errors';
import { readXlsx } from '../../shared/xlsx/read';
import { isSpreadsheetRequest } from './spreadsheetProtocol';

self.onmessage = (event: MessageEvent<unknown>) => {
  const request = event.data;
  if (!isSpreadsheetRequest(request)) {
    self.postMessage(internalFailure());
    return;
  }
  self.postMessage(
    request.read === 'xlsx'
      ? readXlsx(request.bytes)
      : readTableFile(request.fileName, request.bytes),
  );
};
