// The Web Worker that reads spreadsheets off the window's thread, so a hostile or huge file
// can never freeze the window: it runs readTableFile (which never throws) on one request
// and posts the result back. The window's client (spreadsheetClient.ts) starts one worker
// per file and terminates it when it answers or its time budget runs out.
import { readTableFile } from '../../shared/roster/tableFile';
import { internalFailure } from '../../shared/xlsx/errors';
import { isSpreadsheetRequest } from './spreadsheetProtocol';

self.onmessage = (event: MessageEvent<unknown>) => {
  const request = event.data;
  self.postMessage(
    isSpreadsheetRequest(request)
      ? readTableFile(request.fileName, request.bytes)
      : internalFailure(),
  );
};
