// The lenient zip reader of .xlsx packages: what it reads, and that it checks every entry's
// CRC-32, stops inflating at the budget or a part's cap whatever the headers say, and
// counts the bytes it produced.
import { deflateSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createWorkMeter } from '../../../shared/xlsx';
import { ZipEntries, ZipFailure } from '../../../shared/xlsx/zipEntries';
import type { ZipProblem } from '../../../shared/xlsx/zipEntries';
import { withCentral } from '../../helpers/zipSurgery';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const dec = (bytes: Uint8Array | undefined): string | undefined =>
  bytes === undefined ? undefined : new TextDecoder().decode(bytes);

const MIB = 1024 * 1024;

const SAMPLE = zipSync({
  'xl/workbook.xml': [enc('<workbook>工作簿</workbook>'), { level: 6 }],
  'xl/stored.xml': [enc('<stored/>'), { level: 0 }],
});

/** The problem and part of the ZipFailure that `run` throws. */
function failureOf(run: () => unknown): { problem: ZipProblem; part?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ZipFailure) {
      return error.part === undefined
        ? { problem: error.problem }
        : { problem: error.problem, part: error.part };
    }
    throw error;
  }
  throw new Error('expected a ZipFailure');
}

describe('ZipEntries reads the entries of a workbook package', () => {
  it('reads deflated and stored entries, by name without regard to case', () => {
    const zip = new ZipEntries(SAMPLE, MIB);
    expect(dec(zip.read('xl/workbook.xml'))).toBe('<workbook>工作簿</workbook>');
    expect(dec(zip.read('XL/Stored.xml'))).toBe('<stored/>');
    expect(zip.read('xl/missing.xml')).toBeUndefined();
    expect(zip.has('XL/WORKBOOK.XML')).toBe(true);
  });

  it('counts every byte it inflates or copies', () => {
    const meter = createWorkMeter();
    const zip = new ZipEntries(SAMPLE, MIB, meter);
    zip.read('xl/workbook.xml');
    zip.read('xl/stored.xml');
    // '<workbook>' (10) + 工作簿 (9 bytes of UTF-8) + '</workbook>' (11) = 30; '<stored/>' = 9.
    expect(meter.inflatedBytes).toBe(39);
  });

  it('refuses what is not a zip, and a zip cut short', () => {
    expect(failureOf(() => new ZipEntries(enc('基地名称,基地类型'), MIB))).toEqual({
      problem: 'notZip',
    });
    expect(failureOf(() => new ZipEntries(SAMPLE.subarray(0, SAMPLE.length - 30), MIB))).toEqual({
      problem: 'corrupt',
    });
  });
});

describe('ZipEntries checks CRC-32', () => {
  it.each(['xl/workbook.xml', 'xl/stored.xml'])(
    'refuses %s when its CRC-32 is off by one bit, naming the part',
    (name) => {
      const damaged = withCentral(SAMPLE, name, 'crc', (crc) => crc ^ 1);
      const zip = new ZipEntries(damaged, MIB);
      expect(failureOf(() => zip.read(name))).toEqual({ problem: 'corrupt', part: name });
    },
  );

  it('refuses content changed under a correct header: a flipped byte in stored data', () => {
    const damaged = SAMPLE.slice();
    const at = new TextDecoder('latin1').decode(damaged).indexOf('<stored/>');
    damaged[at + 1] = 0x53; // "s" → "S"
    expect(failureOf(() => new ZipEntries(damaged, MIB).read('xl/stored.xml'))).toEqual({
      problem: 'corrupt',
      part: 'xl/stored.xml',
    });
  });

  it('tolerates a wrong stated size when the CRC-32 matches, as spreadsheet programs do', () => {
    const lying = withCentral(SAMPLE, 'xl/workbook.xml', 'size', () => 7);
    expect(dec(new ZipEntries(lying, MIB).read('xl/workbook.xml'))).toBe(
      '<workbook>工作簿</workbook>',
    );
  });
});

describe('ZipEntries bounds what it inflates', () => {
  const spaces = new Uint8Array(4 * MIB).fill(0x20);
  const bomb = zipSync({ 'xl/sharedStrings.xml': [spaces, { level: 9 }] });

  it('refuses a stated size over the budget or the part cap before inflating', () => {
    const meter = createWorkMeter();
    expect(failureOf(() => new ZipEntries(bomb, MIB, meter).read('xl/sharedStrings.xml'))).toEqual({
      problem: 'tooLarge',
    });
    expect(
      failureOf(() => new ZipEntries(bomb, 8 * MIB, meter).read('xl/sharedStrings.xml', MIB)),
    ).toEqual({ problem: 'partTooLarge', part: 'xl/sharedStrings.xml' });
    expect(meter.inflatedBytes).toBe(0);
  });

  it('stops a bomb whose header lies about its size within one slice of the cap', () => {
    const lying = withCentral(bomb, 'xl/sharedStrings.xml', 'size', () => 100);
    const meter = createWorkMeter();
    expect(failureOf(() => new ZipEntries(lying, MIB, meter).read('xl/sharedStrings.xml'))).toEqual(
      { problem: 'tooLarge' },
    );
    // Slices of 2 KiB of input inflate to at most ~2 MiB each (deflate's limit is 1032:1).
    expect(meter.inflatedBytes).toBeGreaterThan(MIB);
    expect(meter.inflatedBytes).toBeLessThanOrEqual(MIB + 2 * 1032 * 1024);
    const capped = createWorkMeter();
    expect(
      failureOf(() =>
        new ZipEntries(lying, 64 * MIB, capped).read('xl/sharedStrings.xml', MIB / 2),
      ),
    ).toEqual({ problem: 'partTooLarge', part: 'xl/sharedStrings.xml' });
    expect(capped.inflatedBytes).toBeLessThanOrEqual(MIB / 2 + 2 * 1032 * 1024);
  });

  it('counts all entries against one budget', () => {
    const two = zipSync({ 'a.xml': enc('x'.repeat(600)), 'b.xml': enc('y'.repeat(600)) });
    const zip = new ZipEntries(two, 1000);
    expect(zip.read('a.xml')).toHaveLength(600);
    expect(failureOf(() => zip.read('b.xml'))).toEqual({ problem: 'tooLarge' });
  });
});

describe('ZipEntries refuses what it does not read', () => {
  it('refuses zip encryption, an unknown method, ZIP64 sizes and a damaged deflate stream', () => {
    const name = 'xl/workbook.xml';
    const read = (bytes: Uint8Array) => () => new ZipEntries(bytes, MIB).read(name);
    expect(failureOf(read(withCentral(SAMPLE, name, 'flags', (f) => f | 1)))).toEqual({
      problem: 'encrypted',
    });
    expect(failureOf(read(withCentral(SAMPLE, name, 'method', () => 12)))).toEqual({
      problem: 'unsupported',
    });
    expect(failureOf(read(withCentral(SAMPLE, name, 'size', () => 0xffffffff)))).toEqual({
      problem: 'unsupported',
    });
    const garbage = zipSync({ [name]: [deflateSync(enc('<a/>')).fill(0xff), { level: 0 }] });
    const asDeflate = withCentral(garbage, name, 'method', () => 8);
    expect(failureOf(() => new ZipEntries(asDeflate, MIB).read(name))).toEqual({
      problem: 'corrupt',
      part: name,
    });
  });
});
