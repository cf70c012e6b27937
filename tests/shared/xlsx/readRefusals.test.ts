// readXlsx on hostile and damaged workbooks: each is refused with a typed code and one
// Chinese message that says what is wrong (a damaged part, a DTD, nesting, oversized shared
// strings, too many sheets), and a failure of our own code is told apart from a bad file.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createWorkMeter, readXlsx, writeXlsx } from '../../../shared/xlsx';
import type { XlsxReadResult } from '../../../shared/xlsx';
import { withCentral } from '../../helpers/zipSurgery';

const ROSTER = writeXlsx([
  {
    name: '名单',
    rows: [
      ['基地名称', '批建年份'],
      ['辽宁省先进材料重点实验室', 2008],
    ],
  },
]);

/** The roster with one part's XML edited, re-zipped with correct CRCs. */
function edited(part: string, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(ROSTER);
  const xml = parts[part];
  if (xml === undefined) throw new Error(`no ${part}`);
  return zipSync({ ...parts, [part]: strToU8(edit(strFromU8(xml))) });
}

const failure = (result: XlsxReadResult): { code: string; message: string } => {
  if (result.ok) throw new Error('expected a refusal');
  return { code: result.code, message: result.message };
};

describe('readXlsx refuses damaged and hostile workbooks with a typed sentence', () => {
  it('reads the undamaged roster', () => {
    expect(readXlsx(ROSTER)).toEqual({
      ok: true,
      sheets: [
        {
          name: '名单',
          rows: [
            ['基地名称', '批建年份'],
            ['辽宁省先进材料重点实验室', '2008'],
          ],
        },
      ],
    });
  });

  it('refuses a part whose CRC-32 does not match, naming it', () => {
    const damaged = withCentral(ROSTER, 'xl/worksheets/sheet1.xml', 'crc', (crc) => crc + 1);
    expect(failure(readXlsx(damaged))).toEqual({
      code: 'corrupt',
      message:
        '文件已损坏：其中的部件「xl/worksheets/sheet1.xml」与它的校验和（CRC-32）或大小不符，可能在复制或下载时出错。请重新获取文件后重试。',
    });
  });

  it('refuses a DOCTYPE or ENTITY declaration in any part it reads', () => {
    const message =
      '文件中含有 DOCTYPE 或 ENTITY 声明（Excel、WPS 和 LibreOffice 都不会写出这种内容），为安全起见已拒绝读取。';
    const doctype = edited('xl/sharedStrings.xml', (xml) =>
      xml.replace('?>', '?><!DOCTYPE sst [<!ENTITY a "aaaaaaaa">]>'),
    );
    expect(failure(readXlsx(doctype))).toEqual({ code: 'dtd', message });
    const entity = edited('xl/workbook.xml', (xml) =>
      xml.replace('<sheets>', '<sheets><!ENTITY x SYSTEM "file:///etc/passwd">'),
    );
    expect(failure(readXlsx(entity))).toEqual({ code: 'dtd', message });
  });

  it('refuses XML nested deeper than 128 levels', () => {
    const deep = edited('xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('<sheetData>', `<sheetData>${'<n>'.repeat(5000)}${'</n>'.repeat(5000)}`),
    );
    expect(failure(readXlsx(deep))).toEqual({
      code: 'tooDeep',
      message: '文件中的 XML 嵌套超过 128 层（正常的 Excel 文件不会如此），为安全起见已拒绝读取。',
    });
  });

  it('refuses shared strings over their budget, whatever their header says', () => {
    const huge = edited('xl/sharedStrings.xml', (xml) =>
      xml.replace('</sst>', `<si><t>${'字'.repeat(400_000)}</t></si></sst>`),
    );
    const expected = {
      code: 'tooLarge',
      message: '工作簿中的文字（共享字符串表）解压后超过 1 MB，超出读取上限，已拒绝读取。',
    };
    expect(failure(readXlsx(huge, { maxSharedStringsBytes: 1024 * 1024 }))).toEqual(expected);
    const lying = withCentral(huge, 'xl/sharedStrings.xml', 'size', () => 100);
    expect(failure(readXlsx(lying, { maxSharedStringsBytes: 1024 * 1024 }))).toEqual(expected);
    // Within the default budget (8 MB) the same workbook reads.
    expect(readXlsx(huge).ok).toBe(true);
  });

  it('refuses more sheets than the limit, and two sheets on one part', () => {
    const three = writeXlsx([
      { name: 'A', rows: [['1']] },
      { name: 'B', rows: [['2']] },
      { name: 'C', rows: [['3']] },
    ]);
    expect(failure(readXlsx(three, { maxSheets: 2 }))).toEqual({
      code: 'tooLarge',
      message: '工作簿含有超过 2 个工作表，无法读取。请只保留需要导入的工作表后重试。',
    });
    const twice = edited('xl/workbook.xml', (xml) =>
      xml.replace('</sheets>', '<sheet name="again" sheetId="2" r:id="rId1"/></sheets>'),
    );
    expect(failure(readXlsx(twice)).code).toBe('notXlsx');
  });

  it('reads a number under a format code longer than Excel allows as a number, not a date', () => {
    // The first cell style (the one of unstyled cells such as B2) gets a custom format.
    const styledWith = (code: string): Uint8Array =>
      edited('xl/styles.xml', (xml) =>
        xml
          .replace(
            '<fonts',
            `<numFmts count="1"><numFmt numFmtId="200" formatCode="${code}"/></numFmts><fonts`,
          )
          .replace('<cellXfs count="2">', '<cellXfs count="3"><xf numFmtId="200"/>'),
      );
    const year = (bytes: Uint8Array): string | undefined => {
      const book = readXlsx(bytes);
      return book.ok ? book.sheets[0]?.rows[1]?.[1] : book.message;
    };
    // 2008 days after 1899-12-30 is 1905-06-30.
    expect(year(styledWith('yyyy-mm-dd'))).toBe('1905-06-30');
    expect(year(styledWith(`${'['.repeat(5000)}yyyy-mm-dd`))).toBe('2008');
  });

  it('reports an exception that is not a refusal of its own as an internal error', () => {
    const bytes = ROSTER.slice();
    Object.defineProperty(bytes, 'subarray', {
      value: () => {
        throw new RangeError('bug');
      },
    });
    const result = failure(readXlsx(bytes));
    expect(result.code).toBe('internal');
    expect(result.message).toMatch(/^读取时发生内部错误/u);
    expect(result.message).not.toMatch(/不是有效的 Excel 文件/u);
  });

  it('does work bounded by what it inflated', () => {
    const meter = createWorkMeter();
    readXlsx(ROSTER, {}, { meter });
    expect(meter.inflatedBytes).toBeGreaterThan(0);
    expect(meter.xmlChars).toBeLessThanOrEqual(meter.inflatedBytes);
    expect(meter.scannedChars).toBeLessThanOrEqual(4 * meter.xmlChars);
  });
});
