import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { readXlsx } from '../../../shared/xlsx';
import type { XlsxReadResult } from '../../../shared/xlsx';
import { excelWorkbook } from '../../helpers/xlsxBuilders';
import { centralEntries } from '../../helpers/zipSurgery';

const NOT_XLSX = /^不是有效的 Excel 文件（\.xlsx）/u;
const NOT_XLSX_MESSAGE =
  '不是有效的 Excel 文件（.xlsx）：文件已损坏，或不是 Excel 工作簿。请在 Excel 中打开并另存为 .xlsx 后重试。';

function sheetsOf(result: XlsxReadResult): { name: string; rows: string[][] }[] {
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result.sheets;
}

function messageOf(result: XlsxReadResult): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

/** Overwrites every uncompressed size in local and central headers. */
function forgeStatedSizes(bytes: Uint8Array, size: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 4 <= bytes.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, size, true);
  }
}

/** Where a part's stored bytes lie: after its local header, as long as the directory says. */
function storedData(bytes: Uint8Array, name: string): { start: number; length: number } {
  const entry = centralEntries(bytes).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no part ${name}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start =
    entry.local +
    30 +
    view.getUint16(entry.local + 26, true) +
    view.getUint16(entry.local + 28, true);
  const length = view.getUint32(entry.central + 20, true);
  if (length < 2) throw new Error(`part ${name} has no data to damage`);
  return { start, length };
}

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A hand-made package, for shapes exceljs never writes. */
function handMadeXlsx(sheetXml: string, extra: Record<string, string> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': enc(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'xl/workbook.xml': enc(
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/worksheets/sheet1.xml': enc(sheetXml),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, enc(v)])),
  });
}

describe('readXlsx on workbooks written by exceljs', () => {
  it('reads strings, numbers, booleans and Chinese text as a person sees them', async () => {
    const bytes = await excelWorkbook([
      {
        name: '基地名单',
        rows: [
          ['基地名称', '批建年份', '经费', '在建'],
          ['辽宁省先进材料重点实验室', 2008, 1234.5, true],
          ['大连化物所催化中心', 2015, 0.1 + 0.2, false],
        ],
      },
    ]);
    expect(sheetsOf(readXlsx(bytes))).toEqual([
      {
        name: '基地名单',
        rows: [
          ['基地名称', '批建年份', '经费', '在建'],
          ['辽宁省先进材料重点实验室', '2008', '1234.5', 'TRUE'],
          ['大连化物所催化中心', '2015', '0.3', 'FALSE'],
        ],
      },
    ]);
  });

  it('fills skipped cells with empty text and keeps skipped rows so row numbers match the sheet', async () => {
    const bytes = await excelWorkbook([
      { name: 'S', rows: [['标题'], [], ['a', null, 'c'], [null, null, null, 'd']] },
    ]);
    expect(sheetsOf(readXlsx(bytes))[0]?.rows).toEqual([
      ['标题'],
      [],
      ['a', '', 'c'],
      ['', '', '', 'd'],
    ]);
  });

  it('reads every sheet in order with its name', async () => {
    const bytes = await excelWorkbook([
      { name: '说明', rows: [['本表为示例']] },
      { name: '名单', rows: [['x', 1]] },
      { name: '空表', rows: [] },
    ]);
    const sheets = sheetsOf(readXlsx(bytes));
    expect(sheets.map((s) => s.name)).toEqual(['说明', '名单', '空表']);
    expect(sheets[1]?.rows).toEqual([['x', '1']]);
    expect(sheets[2]?.rows).toEqual([]);
  });

  it('keeps formula-like text as text', async () => {
    const bytes = await excelWorkbook([{ name: 'S', rows: [['=SUM(1)', '+1', '@x', '-2']] }]);
    expect(sheetsOf(readXlsx(bytes))[0]?.rows).toEqual([['=SUM(1)', '+1', '@x', '-2']]);
  });

  it('shows the cached result of a formula cell', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.getCell('A1').value = 2;
    sheet.getCell('B1').value = { formula: 'A1*3', result: 6 };
    sheet.getCell('C1').value = { formula: 'TEXT(A1,"0")&"年"', result: '2年' };
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(sheetsOf(readXlsx(bytes))[0]?.rows).toEqual([['2', '6', '2年']]);
  });

  it('gives date-styled numbers as ISO dates', async () => {
    const bytes = await excelWorkbook([
      {
        name: 'S',
        rows: [[new Date(Date.UTC(2019, 4, 20)), 43605, 43605.5, 1]],
        numFmt: { B1: 'yyyy"年"m"月"d"日"', C1: 'yyyy-mm-dd hh:mm', D1: '0.00' },
      },
    ]);
    expect(sheetsOf(readXlsx(bytes))[0]?.rows).toEqual([
      ['2019-05-20', '2019-05-20', '2019-05-20 12:00', '1'],
    ]);
  });

  it('marks hidden sheets', async () => {
    const bytes = await excelWorkbook([
      { name: '下拉选项', rows: [['A1']], hidden: true },
      { name: '名单', rows: [['x']] },
    ]);
    const sheets = sheetsOf(readXlsx(bytes));
    expect(sheets[0]).toMatchObject({ name: '下拉选项', hidden: true });
    expect(sheets[1]).not.toHaveProperty('hidden');
  });
});

describe('readXlsx on shapes other writers produce', () => {
  it('reads inline strings, rich text runs without phonetic guides, entities and escapes', () => {
    const bytes = handMadeXlsx(
      '<worksheet><sheetData><row r="1">' +
        '<c r="A1" t="inlineStr"><is><t>A&amp;B &lt;1&gt; &#x6C88;&#38451;</t></is></c>' +
        '<c r="B1" t="s"><v>0</v></c>' +
        '<c r="C1" t="str"><v>line_x000D_</v></c>' +
        '</row></sheetData></worksheet>',
      {
        'xl/sharedStrings.xml':
          '<sst><si><r><t>东北</t></r><r><rPr><b/></rPr><t xml:space="preserve">大学 </t></r><rPh><t>とうほく</t></rPh></si></sst>',
      },
    );
    expect(sheetsOf(readXlsx(bytes))[0]?.rows).toEqual([['A&B <1> 沈阳', '东北大学 ', 'line\r']]);
  });

  it('reads cells without references and namespace-prefixed elements', () => {
    const bytes = handMadeXlsx(
      '<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>' +
        '<x:row><x:c t="e"><x:v>#DIV/0!</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    );
    expect(sheetsOf(readXlsx(bytes))[0]?.rows).toEqual([['1', 'TRUE'], ['#DIV/0!']]);
  });

  it('drops trailing rows whose cells are styled but empty', () => {
    const bytes = handMadeXlsx(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>7</v></c><c r="B1" s="1"/></row>' +
        '<row r="2"><c r="A2" s="1"/></row></sheetData></worksheet>',
    );
    expect(sheetsOf(readXlsx(bytes))[0]?.rows).toEqual([['7']]);
  });
});

describe('readXlsx refuses what it cannot read, with a message, and never throws', () => {
  it('refuses an empty file, random bytes and a text file', () => {
    expect(messageOf(readXlsx(new Uint8Array(0)))).toMatch(/空的/u);
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(messageOf(readXlsx(random))).toMatch(NOT_XLSX);
    expect(messageOf(readXlsx(enc('基地名称,基地类型\n')))).toMatch(NOT_XLSX);
  });

  it('refuses a zip that is not a workbook', () => {
    expect(messageOf(readXlsx(zipSync({ 'a.txt': enc('hello') })))).toMatch(NOT_XLSX);
  });

  it('refuses a workbook cut short at any point', async () => {
    const bytes = await excelWorkbook([{ name: 'S', rows: [['辽宁', 1, 2, 3]] }]);
    for (const length of [
      10,
      100,
      Math.floor(bytes.length / 2),
      bytes.length - 30,
      bytes.length - 1,
    ]) {
      const result = readXlsx(bytes.subarray(0, length));
      expect(result.ok, `cut at ${length}`).toBe(false);
    }
  });

  it('refuses a workbook whose bytes were damaged, naming the damaged part', async () => {
    const bytes = await excelWorkbook([{ name: 'S', rows: [['辽宁', 1, 2, 3]] }]);
    // Every part the reader opens, damaged in the middle of its stored (deflated) bytes: the
    // part no longer matches its CRC-32, and the refusal says which part it is.
    const opened = [
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
    ];
    for (const name of opened) {
      const damaged = bytes.slice();
      const { start, length } = storedData(damaged, name);
      const at = start + Math.floor(length / 2);
      damaged[at] = (damaged[at] ?? 0) ^ 0xff;
      expect(readXlsx(damaged), name).toEqual({
        ok: false,
        code: 'corrupt',
        message: `文件已损坏：其中的部件「${name}」与它的校验和（CRC-32）或大小不符，可能在复制或下载时出错。请重新获取文件后重试。`,
      });
    }
  });

  it('reads a damaged workbook either exactly as it was or not at all, with a reason', async () => {
    const bytes = await excelWorkbook([{ name: 'S', rows: [['辽宁', 1, 2, 3]] }]);
    const original = sheetsOf(readXlsx(bytes));
    const reasons = new Set([
      NOT_XLSX_MESSAGE,
      ...centralEntries(bytes).map(
        (entry) =>
          `文件已损坏：其中的部件「${entry.name}」与它的校验和（CRC-32）或大小不符，可能在复制或下载时出错。请重新获取文件后重试。`,
      ),
    ]);
    let refused = 0;
    for (let at = 0; at < bytes.length; at += 97) {
      const damaged = bytes.slice();
      damaged[at] = (damaged[at] ?? 0) ^ 0xff;
      const result = readXlsx(damaged);
      if (result.ok) {
        // A byte the reader never uses (a part it does not open, a timestamp): same content.
        expect(result.sheets, `flipped at ${at}`).toEqual(original);
        continue;
      }
      refused += 1;
      expect(result.code, `flipped at ${at}`).toBe('corrupt');
      expect(reasons, `flipped at ${at}: ${result.message}`).toContain(result.message);
    }
    // The sheet, workbook, styles, strings and relationships make up a good share of the file.
    expect(refused).toBeGreaterThan(10);
  });

  it('refuses malformed sheet XML', () => {
    const bytes = handMadeXlsx(
      '<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>',
    );
    expect(messageOf(readXlsx(bytes))).toMatch(NOT_XLSX);
  });

  it('refuses the old binary .xls format with advice', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(messageOf(readXlsx(ole))).toMatch(/旧版 \.xls/u);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const bytes = await excelWorkbook([{ name: 'S', rows: [['x']] }]);
    expect(messageOf(readXlsx(bytes, { maxFileBytes: bytes.length - 1 }))).toMatch(/文件大于/u);
  });

  it('refuses a sheet with more rows than the limit', async () => {
    const rows = Array.from({ length: 21 }, (_, i) => [`基地${i}`]);
    const bytes = await excelWorkbook([{ name: '名单', rows }]);
    expect(sheetsOf(readXlsx(bytes, { maxRows: 21 }))[0]?.rows).toHaveLength(21);
    expect(messageOf(readXlsx(bytes, { maxRows: 20 }))).toBe(
      '工作表「名单」超过 20 行，无法读取。请拆分后分别导入。',
    );
  });

  it('refuses a row number far beyond the limit without allocating it', () => {
    const bytes = handMadeXlsx(
      '<worksheet><sheetData><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>',
    );
    expect(messageOf(readXlsx(bytes))).toMatch(/超过 100000 行/u);
  });

  it('stops a zip bomb while inflating, whatever its headers claim', () => {
    // 8 MB of spaces deflates to a few KB; the stated size is then forged to 100 bytes.
    const huge = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    const bytes = zipSync({
      'xl/workbook.xml': enc(
        '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/worksheets/sheet1.xml': enc('<worksheet><sheetData/></worksheet>'),
      'xl/sharedStrings.xml': [huge, { level: 9 }],
    });
    expect(bytes.length).toBeLessThan(64 * 1024);
    forgeStatedSizes(bytes, 100);
    expect(messageOf(readXlsx(bytes, { maxInflatedBytes: 4 * 1024 * 1024 }))).toBe(
      '文件解压后超过 4 MB（或含过多部件），可能已损坏或不是正常的 Excel 文件，已拒绝读取。',
    );
  });
});
