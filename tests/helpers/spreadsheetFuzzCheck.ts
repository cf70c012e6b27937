// The verdict on one fuzzed spreadsheet: the reader must answer with a result, never throw;
// a refusal must carry a known code other than 'internal' (and 'timeout', which only the
// worker gives) and one line of Chinese; the case's own expectation must hold (the
// original's reading, or a refusal with given codes and row); and the work counted must be
// bounded by what the file inflated to: no more XML than inflated bytes, the tokenizer
// examining at most three times its text, no more CSV than the file's bytes, nothing past
// the inflation budget. Pure: no vitest, so the bench checks its cases the same way.
import { isDeepStrictEqual } from 'node:util';
import type { TableFileResult } from '../../shared/roster/tableFile';
import { isSpreadsheetErrorCode, XLSX_LIMITS } from '../../shared/xlsx';
import type { WorkMeter } from '../../shared/xlsx';
import type { FuzzCase } from './spreadsheetFuzz';

/** What a case came to: 'read', or the refusal's code. */
export type FuzzOutcome = { outcome: string; violation?: string };

export function judgeFuzzCase(
  fuzzCase: FuzzCase,
  result: TableFileResult,
  meter: WorkMeter,
  originalReading: TableFileResult,
): FuzzOutcome {
  const outcome = result.ok ? 'read' : result.code;
  const violation = violationOf(fuzzCase, result, meter, originalReading);
  return violation === undefined ? { outcome } : { outcome, violation };
}

function violationOf(
  fuzzCase: FuzzCase,
  result: TableFileResult,
  meter: WorkMeter,
  originalReading: TableFileResult,
): string | undefined {
  const work = workViolation(fuzzCase, meter);
  if (work !== undefined) return work;
  const { expect } = fuzzCase;
  if (result.ok) {
    if (!result.rows.every((row) => row.every((cell) => typeof cell === 'string'))) {
      return 'a cell that is not text';
    }
    if (expect.type === 'refused') return `read, but should be refused (${expect.codes.join('|')})`;
    if (expect.type === 'same' && !isDeepStrictEqual(result, originalReading)) {
      return 'read differently from the undamaged original';
    }
    return undefined;
  }
  if (!isSpreadsheetErrorCode(result.code)) return `unknown code ${String(result.code)}`;
  if (result.code === 'internal' || result.code === 'timeout') return `refused as ${result.code}`;
  if (!/[\u4e00-\u9fff]/u.test(result.message) || /[\r\n]/u.test(result.message)) {
    return `not one line of Chinese: ${result.message}`;
  }
  if (expect.type === 'same') return `refused (${result.code}), but should read as the original`;
  if (expect.type === 'refused') {
    if (!expect.codes.includes(result.code)) {
      return `refused as ${result.code}, not ${expect.codes.join('|')}`;
    }
    if (
      expect.row !== undefined &&
      (result.row !== expect.row || !result.message.includes(`第 ${expect.row} 行`))
    ) {
      return `refused without naming row ${expect.row}: ${result.message}`;
    }
  }
  return undefined;
}

function workViolation(fuzzCase: FuzzCase, meter: WorkMeter): string | undefined {
  if (meter.inflatedBytes > XLSX_LIMITS.maxInflatedBytes) {
    return `inflated ${meter.inflatedBytes} bytes, past the budget`;
  }
  if (meter.xmlChars > meter.inflatedBytes) {
    return `tokenized ${meter.xmlChars} characters from ${meter.inflatedBytes} inflated bytes`;
  }
  if (meter.scannedChars > 3 * meter.xmlChars) {
    return `examined ${meter.scannedChars} characters of ${meter.xmlChars}: not linear`;
  }
  if (meter.csvChars > fuzzCase.bytes.length) {
    return `parsed ${meter.csvChars} CSV characters from ${fuzzCase.bytes.length} bytes`;
  }
  return undefined;
}
