// What `pinggu merge` checks of each score bundle besides its validity: that its sheets fit the
// roster of the round bundles (the app's admission rule, where a sheet of a pair voided by a
// round change is carried as voided instead of refused), and, with --trust, that its signer
// is the key the trust file holds for its panel's device.
import type { OpenedBundle } from '../shared/bundle/bundle';
import { canonicalJson } from '../shared/bundle/canonicalJson';
import { trustedKeyFor } from '../shared/bundle/trustFile';
import type { TrustFile } from '../shared/bundle/trustFile';
import { voidingChanges, withdrawnBaseIds } from '../shared/domain/roundChanges';
import { assignmentsByPair, pairKey, sheetRefusal } from '../shared/domain/sheetAdmission';
import type { SheetRefusal } from '../shared/domain/sheetAdmission';
import type {
  Assignment,
  Base,
  Expert,
  ResultProvenance,
  RoundChange,
  Scoresheet,
} from '../shared/domain/types';

/** The roster of the round bundles, as admission needs it. */
export type AdmissionInput = {
  panelIds: ReadonlySet<string>;
  bases: ReadonlyMap<string, Base>;
  experts: ReadonlyMap<string, Expert>;
  assignments: readonly Assignment[];
  changes: readonly RoundChange[];
};

/** A sheet taken although its pair is no longer assigned: a round change voided it. */
export type VoidedSheetNote = {
  file: string;
  sheetId: string;
  expertId: string;
  baseId: string;
  changeId: string;
  changeKind: RoundChange['kind'];
};

export type Admission = { refusal: string } | { refusal?: undefined; voided: VoidedSheetNote[] };

const REFUSAL_TEXT: Record<SheetRefusal, string> = {
  unknownBase: 'is for a base that no round bundle lists',
  unknownExpert: 'is by an expert whom no round bundle lists',
  otherPanel: "is by an expert of another panel than the file's",
  notAssigned: 'is for a base its expert was not assigned',
  recusedPair: 'scores a base its expert is recused from',
};

/** Refusals a standing round change explains: the pair was assigned, then the change voided it. */
const VOIDABLE: ReadonlySet<SheetRefusal> = new Set(['notAssigned', 'recusedPair']);

/** The standing change that voids the sheet's pair (or withdrew its base), if any. */
function voidingChangeOf(
  sheet: Scoresheet,
  voiding: ReadonlyMap<string, RoundChange>,
  changes: readonly RoundChange[],
  withdrawn: ReadonlySet<string>,
): RoundChange | undefined {
  const byPair = voiding.get(pairKey(sheet.expertId, sheet.baseId));
  if (byPair !== undefined || !withdrawn.has(sheet.baseId)) return byPair;
  return changes.find(
    (c) => c.kind === 'withdrawBase' && c.undone === undefined && c.baseId === sheet.baseId,
  );
}

/**
 * Whether a score file's sheets fit the round bundles given (the app's admission rule). A
 * sheet refused only because its pair is no longer assigned, where a standing change voided
 * that pair, is taken and noted: it is carried in the result as voided, never counted.
 */
export function admitSheets(
  roster: AdmissionInput,
  file: string,
  panelId: string,
  sheets: readonly Scoresheet[],
): Admission {
  if (!roster.panelIds.has(panelId)) {
    return { refusal: `no round bundle given for its panel "${panelId}"` };
  }
  const admission = {
    bases: roster.bases,
    experts: roster.experts,
    assignments: assignmentsByPair(roster.assignments),
  };
  const voiding = voidingChanges(roster.changes, roster.assignments);
  const withdrawn = withdrawnBaseIds(roster.changes);
  const voided: VoidedSheetNote[] = [];
  for (const sheet of sheets) {
    const refusal = sheetRefusal(sheet, panelId, admission);
    if (refusal === undefined) continue;
    const change = VOIDABLE.has(refusal)
      ? voidingChangeOf(sheet, voiding, roster.changes, withdrawn)
      : undefined;
    if (change === undefined)
      return { refusal: `scoresheet "${sheet.id}" ${REFUSAL_TEXT[refusal]}` };
    voided.push({
      file,
      sheetId: sheet.id,
      expertId: sheet.expertId,
      baseId: sheet.baseId,
      changeId: change.id,
      changeKind: change.kind,
    });
  }
  return { voided };
}

/**
 * Why a score bundle's signer is not the key the trust file holds for its (panel, device):
 * no key there, or another key. Whole public keys are compared, not only fingerprints.
 */
export function trustRefusal(
  trust: TrustFile,
  trustFileName: string,
  bundle: OpenedBundle,
): string | undefined {
  if (bundle.kind !== 'scores') return undefined;
  const { panelId, deviceId } = bundle.manifest;
  const { fingerprint, publicKey } = bundle.signer;
  const trusted = trustedKeyFor(trust, panelId, deviceId);
  if (trusted === undefined) {
    return (
      `panel "${panelId}" device "${deviceId}" signed it with key ${fingerprint}, but ` +
      `${trustFileName} trusts no key for that panel's device`
    );
  }
  if (trusted.publicKey === publicKey) return undefined;
  return (
    `panel "${panelId}" device "${deviceId}" signed it with key ${fingerprint}, but ` +
    `${trustFileName} trusts key ${trusted.fingerprint} for that panel's device`
  );
}

type Valid = { file: string; bundle: OpenedBundle };

/** The signer of each panel device's score files, sorted by panel, then device. */
export function panelKeysOf(valid: readonly Valid[]): ResultProvenance['panelKeys'] {
  const keys = new Map<string, ResultProvenance['panelKeys'][number]>();
  for (const { bundle } of valid) {
    if (bundle.kind !== 'scores') continue;
    const { panelId, deviceId } = bundle.manifest;
    const key = { panelId, deviceId, fingerprint: bundle.signer.fingerprint };
    keys.set(canonicalJson(key), key);
  }
  return [...keys.values()].sort(
    (a, b) => a.panelId.localeCompare(b.panelId) || a.deviceId.localeCompare(b.deviceId),
  );
}
