// Reading spreadsheets in a Web Worker with a size and a time budget: a table file (roster,
// expert list: readTableFileOffThread) or a whole workbook (readXlsxOffThread). A file over
// the size budget is refused before any work starts, and a read that runs past the time
// budget is stopped (the worker terminated) and refused in one sentence, so the window stays
// responsive whatever the file. A worker that fails or answers nonsense is an internal
// error, never "not an Excel file". Where there is no Worker (Node, unit tests) the reader
// runs synchronously; that fallback is for tests only, never taken in a browser.
import { readTableFile } from '../../shared/roster/tableFile';
import type { TableFileResult } from '../../shared/roster/tableFile';
import {
  internalFailure,
  shortName,
  spreadsheetFailure,
  timeoutMessage,
} from '../../shared/xlsx/errors';
import type { SpreadsheetFailure } from '../../shared/xlsx/errors';
import { readXlsx, XLSX_LIMITS } from '../../shared/xlsx/read';
import type { XlsxReadResult } from '../../shared/xlsx/read';
import { tableFileResultOf, xlsxReadResultOf } from './spreadsheetProtocol';
import type { SpreadsheetRequest } from './spreadsheetProtocol';

export type SpreadsheetBudget = {
  /** Larger files are refused before they are handed to a worker. */
  maxBytes: number;
  /** A read still running after this long is stopped and refused. */
  timeoutMs: number;
};

export const SPREADSHEET_BUDGET: SpreadsheetBudget = {
  maxBytes: XLSX_LIMITS.maxFileBytes,
  timeoutMs: 20_000,
};

/** What the client needs of a worker; startSpreadsheetWorker adapts a real one. */
export type SpreadsheetWorkerPort = {
  post: (request: SpreadsheetRequest) => void;
  listen: (onReply: (data: unknown) => void, onFailure: () => void) => void;
  stop: () => void;
};

/** A new worker for one read, or undefined where the platform has no Worker. */
export function startSpreadsheetWorker(): SpreadsheetWorkerPort | undefined {
  if (typeof Worker === 'undefined') return undefined;
  const worker = new Worker(new URL('./spreadsheetWorker.ts', import.meta.url), {
    type: 'module',
  });
  return {
    post: (request) => worker.postMessage(request),
    listen: (onReply, onFailure) => {
      worker.onmessage = (event: MessageEvent<unknown>) => onReply(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onFailure();
      };
      worker.onmessageerror = () => onFailure();
    },
    stop: () => worker.terminate(),
  };
}

export type ReadOffThreadOptions = {
  budget?: Partial<SpreadsheetBudget>;
  /** Starts the worker; tests pass a fake. */
  startWorker?: () => SpreadsheetWorkerPort | undefined;
};

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/** readTableFile in a worker, within the budget; never rejects. */
export function readTableFileOffThread(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOffThreadOptions = {},
): Promise<TableFileResult> {
  return offThread(
    fileName,
    { read: 'table', fileName, bytes },
    tableFileResultOf,
    () => readTableFile(fileName, bytes),
    options,
  );
}

/** readXlsx (every sheet of a workbook) in a worker, within the budget; never rejects. */
export function readXlsxOffThread(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOffThreadOptions = {},
): Promise<XlsxReadResult> {
  return offThread(
    fileName,
    { read: 'xlsx', bytes },
    xlsxReadResultOf,
    () => readXlsx(bytes),
    options,
  );
}

function offThread<T extends { ok: boolean }>(
  fileName: string,
  request: SpreadsheetRequest,
  resultOf: (data: unknown) => T | undefined,
  readInPlace: () => T,
  options: ReadOffThreadOptions,
): Promise<T | SpreadsheetFailure> {
  const budget: SpreadsheetBudget = { ...SPREADSHEET_BUDGET, ...options.budget };
  if (request.bytes.length > budget.maxBytes) {
    return Promise.resolve(
      spreadsheetFailure(
        'tooLarge',
        `文件「${shortName(fileName)}」大于 ${mb(budget.maxBytes)}，无法读取。请删除不需要的工作表，或另存为 CSV 后再导入。`,
      ),
    );
  }
  let port: SpreadsheetWorkerPort | undefined;
  try {
    port = (options.startWorker ?? startSpreadsheetWorker)();
  } catch {
    return Promise.resolve(internalFailure());
  }
  if (port === undefined) return Promise.resolve(readInPlace());
  const worker = port;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: T | SpreadsheetFailure): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.stop();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish(spreadsheetFailure('timeout', timeoutMessage(fileName, budget.timeoutMs / 1000))),
      budget.timeoutMs,
    );
    try {
      worker.listen(
        (data) => finish(resultOf(data) ?? internalFailure()),
        () => finish(internalFailure()),
      );
      worker.post(request);
    } catch {
      finish(internalFailure());
    }
  });
}
