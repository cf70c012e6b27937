// The window's side of reading spreadsheets in a worker: the worker's answer is passed on
// when it is a result, a worker that fails or answers nonsense is an internal error, a read
// past the time budget is stopped and refused, a file over the size budget never reaches a
// worker, and without a Worker (Node) the reader runs in place. Time is fake: no test waits.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  readTableFileOffThread,
  readXlsxOffThread,
  startSpreadsheetWorker,
} from '../../../renderer/platform/spreadsheetClient';
import { writeXlsx } from '../../../shared/xlsx';
import type { SpreadsheetWorkerPort } from '../../../renderer/platform/spreadsheetClient';
import type { SpreadsheetRequest } from '../../../renderer/platform/spreadsheetProtocol';

type FakeWorker = SpreadsheetWorkerPort & {
  posted: SpreadsheetRequest[];
  stopped: number;
  reply: (data: unknown) => void;
  fail: () => void;
};

function fakeWorker(): FakeWorker {
  let onReply: (data: unknown) => void = () => undefined;
  let onFailure: () => void = () => undefined;
  const fake: FakeWorker = {
    posted: [],
    stopped: 0,
    post: (request) => fake.posted.push(request),
    listen: (reply, failure) => {
      onReply = reply;
      onFailure = failure;
    },
    stop: () => {
      fake.stopped += 1;
    },
    reply: (data) => onReply(data),
    fail: () => onFailure(),
  };
  return fake;
}

const BYTES = new TextEncoder().encode('基地名称\n沈阳材料中心\n');
const INTERNAL = /^读取时发生内部错误/u;

afterEach(() => {
  vi.useRealTimers();
});

describe('readTableFileOffThread', () => {
  it('posts the file to a worker and passes on its result, then stops the worker', async () => {
    const worker = fakeWorker();
    const reading = readTableFileOffThread('名单.csv', BYTES, { startWorker: () => worker });
    expect(worker.posted).toEqual([{ read: 'table', fileName: '名单.csv', bytes: BYTES }]);
    worker.reply({ ok: true, rows: [['基地名称'], ['沈阳材料中心']], encoding: 'utf-8' });
    await expect(reading).resolves.toEqual({
      ok: true,
      rows: [['基地名称'], ['沈阳材料中心']],
      encoding: 'utf-8',
    });
    expect(worker.stopped).toBe(1);
  });

  it('passes on a refusal from the worker as it is', async () => {
    const worker = fakeWorker();
    const reading = readTableFileOffThread('名单.csv', BYTES, { startWorker: () => worker });
    const refusal = { ok: false, code: 'unclosedQuote', row: 3, message: '第 3 行…' };
    worker.reply(refusal);
    await expect(reading).resolves.toEqual(refusal);
  });

  it('reports a worker that fails, or answers something that is not a result, as internal', async () => {
    for (const answer of [
      (w: FakeWorker) => w.fail(),
      (w: FakeWorker) => w.reply({ ok: true, rows: [[1]] }),
      (w: FakeWorker) => w.reply({ ok: false, code: 'nonsense', message: 'x' }),
      (w: FakeWorker) => w.reply('text'),
    ]) {
      const worker = fakeWorker();
      const reading = readTableFileOffThread('名单.xlsx', BYTES, { startWorker: () => worker });
      answer(worker);
      const result = await reading;
      expect(result.ok ? '' : result.code).toBe('internal');
      expect(result.ok ? '' : result.message).toMatch(INTERNAL);
      expect(worker.stopped).toBe(1);
    }
  });

  it('stops a read that outlasts its time budget and refuses it in one sentence', async () => {
    vi.useFakeTimers();
    const worker = fakeWorker();
    const reading = readTableFileOffThread('名单.xlsx', BYTES, {
      startWorker: () => worker,
      budget: { timeoutMs: 5000 },
    });
    await vi.advanceTimersByTimeAsync(4999);
    expect(worker.stopped).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await expect(reading).resolves.toEqual({
      ok: false,
      code: 'timeout',
      message:
        '读取文件「名单.xlsx」超过 5 秒仍未完成，已停止读取：文件可能过大或已损坏。请删除不需要的工作表，或另存为 CSV 后重试。',
    });
    expect(worker.stopped).toBe(1);
    // A late answer changes nothing.
    worker.reply({ ok: true, rows: [] });
    expect(worker.stopped).toBe(1);
  });

  it('refuses a file over the size budget without starting a worker', async () => {
    const startWorker = vi.fn(fakeWorker);
    await expect(
      readTableFileOffThread('名单.xlsx', new Uint8Array(3 * 1024 * 1024), {
        startWorker,
        budget: { maxBytes: 2 * 1024 * 1024 },
      }),
    ).resolves.toEqual({
      ok: false,
      code: 'tooLarge',
      message:
        '文件「名单.xlsx」大于 2 MB，无法读取。请删除不需要的工作表，或另存为 CSV 后再导入。',
    });
    expect(startWorker).not.toHaveBeenCalled();
  });

  it('reports a worker that cannot start as internal', async () => {
    const result = await readTableFileOffThread('名单.csv', BYTES, {
      startWorker: () => {
        throw new Error('blocked');
      },
    });
    expect(result.ok ? '' : result.code).toBe('internal');
  });

  it('reads a whole workbook in a worker too, checking every sheet it answers', async () => {
    const bytes = writeXlsx([{ name: '评分', rows: [['得分']] }]);
    const worker = fakeWorker();
    const reading = readXlsxOffThread('评分表.xlsx', bytes, { startWorker: () => worker });
    expect(worker.posted).toEqual([{ read: 'xlsx', bytes }]);
    const sheets = [
      { name: '评分', rows: [['得分']] },
      { name: '身份', rows: [], hidden: true },
    ];
    worker.reply({ ok: true, sheets });
    await expect(reading).resolves.toEqual({ ok: true, sheets });

    const bad = fakeWorker();
    const badReading = readXlsxOffThread('评分表.xlsx', bytes, { startWorker: () => bad });
    bad.reply({ ok: true, sheets: [{ name: 1, rows: [] }] });
    const result = await badReading;
    expect(result.ok ? '' : result.code).toBe('internal');
    // Without a Worker, in place.
    await expect(readXlsxOffThread('评分表.xlsx', bytes)).resolves.toEqual({
      ok: true,
      sheets: [{ name: '评分', rows: [['得分']] }],
    });
  });

  it('reads in place where there is no Worker, as in Node', async () => {
    expect(startSpreadsheetWorker()).toBeUndefined();
    await expect(readTableFileOffThread('名单.csv', BYTES)).resolves.toEqual({
      ok: true,
      rows: [['基地名称'], ['沈阳材料中心']],
      encoding: 'utf-8',
    });
  });
});
