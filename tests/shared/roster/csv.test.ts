import { describe, expect, it } from 'vitest';
import { chooseDecoding, looksLikeMojibake, parseCsv, readCsv } from '../../../shared/roster';
import { createWorkMeter } from '../../../shared/xlsx';

describe('parseCsv', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks', () => {
    const text =
      '基地名称,依托单位,所属领域\r\n' +
      '"辽宁省先进材料重点实验室","东北大学","材料,冶金"\r\n' +
      '"辽宁省""智能制造""工程技术研究中心",新松机器人,"机器人\n自动化"\r\n';
    expect(parseCsv(text)).toEqual([
      ['基地名称', '依托单位', '所属领域'],
      ['辽宁省先进材料重点实验室', '东北大学', '材料,冶金'],
      ['辽宁省"智能制造"工程技术研究中心', '新松机器人', '机器人\n自动化'],
    ]);
  });

  it('strips a BOM, accepts LF and ignores the trailing line break', () => {
    expect(parseCsv('\uFEFF基地名称,基地类型\n沈阳材料中心,A1\n')).toEqual([
      ['基地名称', '基地类型'],
      ['沈阳材料中心', 'A1'],
    ]);
  });

  it('keeps empty fields and a last record without a line break', () => {
    expect(parseCsv('a,,c\r\n,,\r\nx')).toEqual([['a', '', 'c'], ['', '', ''], ['x']]);
    expect(parseCsv('')).toEqual([]);
  });
});

describe('readCsv', () => {
  it('reads what parseCsv reads when every quote closes', () => {
    const text = 'a,"b\nc"\r\n"d""e",f\n';
    expect(readCsv(text)).toEqual({ ok: true, rows: parseCsv(text) });
    expect(parseCsv(text)).toEqual([
      ['a', 'b\nc'],
      ['d"e', 'f'],
    ]);
  });

  it('refuses a quote that never closes, with the row where it opened', () => {
    // Row 1 holds a closed multi-line cell; the quote in row 2 opens and never closes.
    const result = readCsv('a,"b\nc"\nx,"y\nz\n');
    expect(result).toMatchObject({ ok: false, code: 'unclosedQuote', row: 2 });
    expect(result.ok ? '' : result.message).toMatch(/^第 2 行有一个双引号（"）没有配对/u);
    // parseCsv, lenient, takes the rest of the text into the cell instead.
    expect(parseCsv('a,"b\nc"\nx,"y\nz\n')).toEqual([
      ['a', 'b\nc'],
      ['x', 'y\nz\n'],
    ]);
  });

  it('keeps a quote inside a field as a character, never as an opening quote', () => {
    expect(readCsv('5" 屏幕,x\n')).toEqual({ ok: true, rows: [['5" 屏幕', 'x']] });
  });

  it('refuses more rows or cells than its limits, as soon as it passes them', () => {
    expect(readCsv('1\n2\n3\n', { maxRows: 2 })).toEqual({
      ok: false,
      code: 'tooLarge',
      message: '超过 2 行，无法读取。请拆分后分别导入。',
    });
    expect(readCsv('1,2,3,4\n', { maxCells: 3 })).toEqual({
      ok: false,
      code: 'tooLarge',
      message: '单元格过多（超过 3 个），无法读取。',
    });
    expect(readCsv('1,2,3\n', { maxRows: 1, maxCells: 3 }).ok).toBe(true);
  });

  it('counts the characters it parsed', () => {
    const meter = createWorkMeter();
    readCsv('ab,c\n', {}, meter);
    expect(meter.csvChars).toBe(5);
  });
});

describe('chooseDecoding', () => {
  // GBK bytes of "基地名称,所在地市\n辽宁省重点实验室,沈阳\n" written out literally.
  const gbkBytes = new Uint8Array([
    0xbb, 0xf9, 0xb5, 0xd8, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xcb, 0xf9, 0xd4, 0xda, 0xb5, 0xd8, 0xca,
    0xd0, 0x0a, 0xc1, 0xc9, 0xc4, 0xfe, 0xca, 0xa1, 0xd6, 0xd8, 0xb5, 0xe3, 0xca, 0xb5, 0xd1, 0xe9,
    0xca, 0xd2, 0x2c, 0xc9, 0xf2, 0xd1, 0xf4, 0x0a,
  ]);

  it('picks GBK for bytes that older Excel saved in GBK', () => {
    const utf8 = new TextDecoder('utf-8').decode(gbkBytes);
    const gbk = new TextDecoder('gbk').decode(gbkBytes);
    expect(looksLikeMojibake(utf8)).toBe(true);
    expect(looksLikeMojibake(gbk)).toBe(false);
    const choice = chooseDecoding(utf8, gbk);
    expect(choice.encoding).toBe('gbk');
    expect(parseCsv(choice.text)).toEqual([
      ['基地名称', '所在地市'],
      ['辽宁省重点实验室', '沈阳'],
    ]);
  });

  it('decodes the literal GBK bytes of 沈阳', () => {
    const bytes = new Uint8Array([0xc9, 0xf2, 0xd1, 0xf4]);
    const choice = chooseDecoding(
      new TextDecoder('utf-8').decode(bytes),
      new TextDecoder('gbk').decode(bytes),
    );
    expect(choice).toEqual({ encoding: 'gbk', text: '沈阳' });
  });

  it('keeps UTF-8 even though its GBK reading is clean and has more ideographs', () => {
    const bytes = new TextEncoder().encode('基地名称,所在地市\n东北大学,沈阳\n');
    const utf8 = new TextDecoder('utf-8').decode(bytes);
    const gbk = new TextDecoder('gbk').decode(bytes);
    expect(chooseDecoding(utf8, gbk)).toEqual({ encoding: 'utf-8', text: utf8 });
  });

  it('keeps UTF-8 for plain ASCII', () => {
    expect(chooseDecoding('a,b\n', 'a,b\n').encoding).toBe('utf-8');
  });
});
