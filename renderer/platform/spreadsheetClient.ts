// Reading a table file (roster, expert list) in a Web Worker with a size and a time budget:
// a file over the size budget is refused before any work starts, and a read that runs past
// the time budget is stopped (the worker terminated) and refused in one sentence, so the
// window stays responsive whatever the file. A worker that fails or answers nonsense is an
// internal error, never "not an Excel file". Where there is no Worker (Node, unit tests) the
// reader runs synchronously; that fallback is for tests only, never taken in a browser.
import { readTableFile } from '../../shared/roster/tableFile';
import type { TableFileResult } from '../../shared/roster/tableFile';
import {
  internalFailure,
  shortName,
  spreadsheetFailure,
  timeoutMessage,
} from '../../shared/xlsx/errors';
import { XLSX_LIMITS } from '../../shared/xlsx/read';
import { tableFileResultOf } from './spreadsheetProtocol';
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
  const budget: SpreadsheetBudget = { ...SPREADSHEET_BUDGET, ...options.budget };
  if (bytes.length > budget.maxBytes) {
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
  if (port === undefined) return Promise.resolve(readTableFile(fileName, bytes));
  const worker = port;
  return new Promise<TableFileResult>((resolve) => {
    let settled = false;
    const finish = (result: TableFileResult): void => {
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
        (data) => finish(tableFileResultOf(data) ?? internalFailure()),
        () => finish(internalFailure()),
      );
      worker.post({ fileName, bytes });
    } catch {
      finish(internalFailure());
    }
  });
}
