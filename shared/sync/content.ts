// What a scoresheet says, as opposed to when and where it was last saved. Merge compares
// content to tell a real disagreement from two copies that say the same thing, and keys
// whole versions by their canonical JSON. Sheets are immutable values, so the canonical
// strings are cached per object.
import { canonicalJson } from '../bundle/canonicalJson';
import type { Recusal, Scoresheet } from '../domain/types';

/**
 * A sheet without its identity and bookkeeping. Everything not named here counts as content,
 * so a field added to Scoresheet later is compared by default. The recusal's and the
 * submission's timestamps are bookkeeping: the same recusal declared twice is one recusal.
 */
export type SheetContent = Omit<
  Scoresheet,
  | 'id'
  | 'revision'
  | 'hlc'
  | 'deviceId'
  | 'updatedAt'
  | 'submittedAt'
  | 'versions'
  | 'absorbedVersions'
  | 'recusal'
> & { recusal?: Omit<Recusal, 'at'> };

export function sheetContent(sheet: Scoresheet): SheetContent {
  const {
    id: _id,
    revision: _revision,
    hlc: _hlc,
    deviceId: _deviceId,
    updatedAt: _updatedAt,
    submittedAt: _submittedAt,
    versions: _versions,
    absorbedVersions: _absorbed,
    recusal,
    ...content
  } = sheet;
  return recusal
    ? { ...content, recusal: { reason: recusal.reason, source: recusal.source } }
    : content;
}

const contentKeys = new WeakMap<Scoresheet, string>();
const versionKeys = new WeakMap<Scoresheet, string>();

/** Canonical JSON of the sheet's content. */
export function contentKey(sheet: Scoresheet): string {
  let key = contentKeys.get(sheet);
  if (key === undefined) {
    key = canonicalJson(sheetContent(sheet));
    contentKeys.set(sheet, key);
  }
  return key;
}

/** Canonical JSON of the whole sheet: two versions are the same version iff these match. */
export function versionKey(sheet: Scoresheet): string {
  let key = versionKeys.get(sheet);
  if (key === undefined) {
    key = canonicalJson(sheet);
    versionKeys.set(sheet, key);
  }
  return key;
}

export function sameContent(a: Scoresheet, b: Scoresheet): boolean {
  return contentKey(a) === contentKey(b);
}

/** Same expert, base and round: one logical sheet, whatever ids the laptops gave it. */
export function logicalKey(sheet: Pick<Scoresheet, 'roundId' | 'baseId' | 'expertId'>): string {
  return canonicalJson([sheet.roundId, sheet.baseId, sheet.expertId]);
}

/** An untouched draft: nothing scored, written, recommended or declared. */
export function isPristine(sheet: Scoresheet): boolean {
  return (
    sheet.status === 'draft' &&
    sheet.recusal === undefined &&
    sheet.recommendation === undefined &&
    sheet.overallComment === '' &&
    Object.keys(sheet.scores).length === 0 &&
    Object.keys(sheet.comments).length === 0
  );
}
