// The package-level parts of an .xlsx: where the workbook, its sheets, shared strings and
// styles live (relationships), the sheet list, the shared-string table and which cell
// styles show dates. Each reader takes the part's XML text (and optionally a work meter)
// and returns plain data.
import { decodeExcelEscapes, dateStyleOf } from './cellText';
import type { DateStyle } from './cellText';
import type { WorkMeter } from './workMeter';
import { scanXml } from './xml';

export type Relationship = { id: string; type: string; target: string };

/** Relationships of a part; external targets (links to other files) are left out. */
export function readRelationships(xml: string, meter?: WorkMeter): Relationship[] {
  const rels: Relationship[] = [];
  const open = (name: string, attrs: ReadonlyMap<string, string>): void => {
    if (name !== 'Relationship' || attrs.get('TargetMode') === 'External') return;
    rels.push({
      id: attrs.get('Id') ?? '',
      type: attrs.get('Type') ?? '',
      target: attrs.get('Target') ?? '',
    });
  };
  scanXml(xml, { open }, { meter });
  return rels;
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of the part that names it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.replace(/^\/+/u, '');
  const base = fromPart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.join('/');
}

export const relTypeIs = (rel: Relationship, kind: string): boolean =>
  rel.type.endsWith(`/${kind}`);

export type WorkbookSheet = { name: string; relId: string; hidden: boolean };

export type WorkbookInfo = { sheets: WorkbookSheet[]; date1904: boolean };

export function readWorkbook(xml: string, meter?: WorkMeter): WorkbookInfo {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  const open = (name: string, attrs: ReadonlyMap<string, string>): void => {
    if (name === 'workbookPr') {
      const flag = attrs.get('date1904');
      date1904 = flag === '1' || flag === 'true';
    } else if (name === 'sheet') {
      const state = attrs.get('state');
      sheets.push({
        name: attrs.get('name') ?? '',
        relId: attrs.get('id') ?? '',
        hidden: state === 'hidden' || state === 'veryHidden',
      });
    }
  };
  scanXml(xml, { open }, { meter });
  return { sheets, date1904 };
}

/**
 * Rich-text runs are joined; phonetic guides (<rPh>, the furigana of Japanese files) are
 * not part of the text a person reads in the cell, so their <t> is skipped.
 */
export function createRichTextCollector(): {
  open: (name: string) => void;
  close: (name: string) => void;
  text: (text: string) => void;
  take: () => string;
} {
  let value = '';
  let inText = false;
  let phoneticDepth = 0;
  return {
    open(name) {
      if (name === 'rPh') phoneticDepth += 1;
      else if (name === 't' && phoneticDepth === 0) inText = true;
    },
    close(name) {
      if (name === 'rPh') phoneticDepth -= 1;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText) value += text;
    },
    take() {
      const out = decodeExcelEscapes(value);
      value = '';
      inText = false;
      phoneticDepth = 0;
      return out;
    },
  };
}

export function readSharedStrings(xml: string, meter?: WorkMeter): string[] {
  const strings: string[] = [];
  const collector = createRichTextCollector();
  let inItem = false;
  scanXml(
    xml,
    {
      open(name, _attrs, selfClosing) {
        if (name === 'si') {
          inItem = true;
          collector.take();
          if (selfClosing) inItem = false;
        } else if (inItem) collector.open(name);
      },
      close(name) {
        if (name === 'si') {
          if (inItem) strings.push(collector.take());
          else strings.push('');
          inItem = false;
        } else if (inItem) collector.close(name);
      },
      text(text) {
        if (inItem) collector.text(text);
      },
    },
    { meter },
  );
  return strings;
}

/** Excel's limit for a number format code; a longer one is not a date format we know. */
export const MAX_FORMAT_CODE_CHARS = 255;

/**
 * For each cell style index (the `s` of a cell), the date style it shows, if any. Each
 * format is judged once however many styles use it, and codes longer than Excel allows are
 * not judged at all: the patterns that recognise dates then never see hostile lengths.
 */
export function readDateStyles(xml: string, meter?: WorkMeter): (DateStyle | undefined)[] {
  const customCodes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  scanXml(
    xml,
    {
      open(name, attrs) {
        if (name === 'numFmt') {
          const id = Number(attrs.get('numFmtId'));
          const code = attrs.get('formatCode');
          if (Number.isInteger(id) && code !== undefined) customCodes.set(id, code);
        } else if (name === 'cellXfs') {
          inCellXfs = true;
        } else if (name === 'xf' && inCellXfs) {
          const id = Number(attrs.get('numFmtId') ?? '0');
          formatIds.push(Number.isInteger(id) ? id : 0);
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    { meter },
  );
  const judged = new Map<number, DateStyle | undefined>();
  return formatIds.map((id) => {
    if (judged.has(id)) return judged.get(id);
    const code = customCodes.get(id);
    const style =
      code !== undefined && code.length > MAX_FORMAT_CODE_CHARS ? undefined : dateStyleOf(id, code);
    judged.set(id, style);
    return style;
  });
}
