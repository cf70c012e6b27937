// The undamaged spreadsheets the fuzz drill (tests/shared/roster/tableFileFuzz.test.ts) and
// the spreadsheet_fuzz_p99_ms bench damage: a roster written by our own writer, a workbook
// shaped like other programs' (two sheets, one hidden; rich and inline strings, a date
// style, prefixed elements, a comment, a part we never read), a plain UTF-8 CSV without
// quotes (so an inserted quote's row is known), a CSV with quoted cells and a BOM, and a
// GBK CSV. For each workbook: its parts, which of them the reader reads, and where in each
// part a tag starts inside the root element, with the element depth there.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeXlsx } from '../../shared/xlsx';

export type XmlSite = { at: number; depth: number };

export type XlsxOriginal = {
  kind: 'xlsx';
  label: string;
  bytes: Uint8Array;
  parts: Readonly<Record<string, string>>;
  /** Parts the reader reads, in the order it reads them. */
  readParts: readonly string[];
  /** Tag starts inside the root element of each read part. */
  sites: Readonly<Record<string, readonly XmlSite[]>>;
};

export type CsvOriginal = { kind: 'csv'; label: string; bytes: Uint8Array; quoteFree: boolean };

export type SpreadsheetOriginal = XlsxOriginal | CsvOriginal;

const CITIES = ['沈阳', '大连', '鞍山', '抚顺', '本溪', '丹东', '锦州', '营口'];
const TYPES = ['A1', '重点实验室', '工程技术研究中心', 'B5', '临床医学研究中心'];

const rosterRow = (i: number): string[] => [
  `辽宁省第${i + 1}号重点实验室`,
  TYPES[i % TYPES.length] ?? 'A1',
  `依托单位${i % 7}`,
  CITIES[i % CITIES.length] ?? '沈阳',
  `负责人${i}`,
  String(2000 + (i % 24)),
  '材料',
];

const HEADER = ['基地名称', '基地类型', '依托单位', '所在地市', '负责人', '批建年份', '所属领域'];

/** Where tags start inside the root element, and the element depth before each. */
export function xmlSites(xml: string): XmlSite[] {
  const sites: XmlSite[] = [];
  let depth = 0;
  let inRoot = false;
  for (let at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', at + 1)) {
    const next = xml.charAt(at + 1);
    if (inRoot) sites.push({ at, depth });
    if (next === '?' || next === '!') continue;
    const end = xml.indexOf('>', at);
    if (next === '/') depth -= 1;
    else if (xml.charAt(end - 1) !== '/') depth += 1;
    inRoot = depth > 0;
  }
  return sites;
}

function xlsxOriginal(label: string, bytes: Uint8Array, readParts: string[]): XlsxOriginal {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) parts[name] = strFromU8(data);
  const sites: Record<string, XmlSite[]> = {};
  for (const name of readParts) sites[name] = xmlSites(parts[name] ?? '');
  return { kind: 'xlsx', label, bytes, parts, readParts, sites };
}

const OTHER_WRITER_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="名单" sheetId="1" r:id="rId1"/><x:sheet name="下拉" sheetId="2" state="hidden" r:id="rId2"/></x:sheets></x:workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  'xl/sharedStrings.xml':
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>基地名称</t></si><si><t>批建年份</t></si><si><r><t>辽宁省</t></r><r><rPr><b/></rPr><t xml:space="preserve">先进材料 </t></r><rPh><t>x</t></rPh></si><si><t>A&amp;B &lt;1&gt; _x000D_</t></si></sst>',
  'xl/styles.xml':
    '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>',
  'xl/worksheets/sheet1.xml':
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!-- written by another program --><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>批建日期</t></is></c></row><row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>2008</v></c><c r="C3" s="1"><v>39448</v></c><c r="E3" t="b"><v>1</v></c></row><row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" s="2"><v>43466.5</v></c><c r="C4" t="str"><f>1+1</f><v>2</v></c><c r="D4" t="e"><v>#N/A</v></c></row></sheetData></worksheet>',
  'xl/worksheets/sheet2.xml':
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>沈阳</t></is></c></row></sheetData></worksheet>',
  'docProps/app.xml':
    '<?xml version="1.0"?><Properties><Application>Other</Application></Properties>',
};

const READ_PARTS = [
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml',
];

/** GBK bytes of 基地名称,基地类型\r\n沈阳材料中心,重点实验室\r\n, as older Excel saves CSV. */
const GBK_CSV = Uint8Array.from([
  0xbb, 0xf9, 0xb5, 0xd8, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xbb, 0xf9, 0xb5, 0xd8, 0xc0, 0xe0, 0xd0,
  0xcd, 0x0d, 0x0a, 0xc9, 0xf2, 0xd1, 0xf4, 0xb2, 0xc4, 0xc1, 0xcf, 0xd6, 0xd0, 0xd0, 0xc4, 0x2c,
  0xd6, 0xd8, 0xb5, 0xe3, 0xca, 0xb5, 0xd1, 0xe9, 0xca, 0xd2, 0x0d, 0x0a,
]);

/** The undamaged files, in a fixed order. */
export function spreadsheetOriginals(): SpreadsheetOriginal[] {
  const rows = Array.from({ length: 30 }, (_, i) => rosterRow(i));
  const ours = writeXlsx([{ name: '基地名单', rows: [['2024年度评估名单'], HEADER, ...rows] }]);
  const others = zipSync(
    Object.fromEntries(
      Object.entries(OTHER_WRITER_PARTS).map(([name, xml]) => [name, strToU8(xml)]),
    ),
    { level: 6 },
  );
  const csv = (lines: string[][]): string => `${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
  return [
    xlsxOriginal('ours', ours, READ_PARTS),
    xlsxOriginal('otherWriter', others, [...READ_PARTS, 'xl/worksheets/sheet2.xml']),
    {
      kind: 'csv',
      label: 'plainCsv',
      bytes: strToU8(csv([HEADER, ...rows.slice(0, 20)])),
      quoteFree: true,
    },
    {
      kind: 'csv',
      label: 'quotedCsv',
      bytes: strToU8(
        '\uFEFF基地名称,所属领域,备注\n"辽宁省""智能制造""中心","材料,冶金","第一行\n第二行"\n沈阳材料中心,,\n',
      ),
      quoteFree: false,
    },
    { kind: 'csv', label: 'gbkCsv', bytes: GBK_CSV, quoteFree: false },
  ];
}
