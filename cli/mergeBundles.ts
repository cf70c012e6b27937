// The merge behind `pinggu merge`, without the file system: opened round and score bundles
// of one round in, a result payload out, or the files it refuses and why.
//
// - The round is that of the first round bundle given; files of another round are refused.
// - Round bundles supply the roster: the union over panels of templates, bases, panels,
//   experts and assignments. A record that two round bundles spell differently refuses the
//   later file, as does a round record that differs.
// - A device id whose files are signed with two different keys refuses all of its files.
// - Score bundles must belong to a panel of the roster and score only its bases and experts;
//   a sheet of a pair a standing round change voided is carried as voided (mergeChecks.ts).
// - With a trust file, a score bundle must be signed by the key it trusts for its panel's
//   device; then the result's provenance says the keys were verified.
// - Scoresheets merge with reconcileScoresheets into an empty store, exactly as the app's
//   import does: the result holds each sheet's winner; concurrent edits that disagree are
//   counted as conflicts (the deterministic winner is kept, as in the app before a person
//   resolves them). Lists are sorted by id, so the argument order never changes the result.
// - Filled scoresheet workbooks, read against this roster (mergeWorkbooks.ts), come in as
//   score files of their expert's panel: the same admission, the same merge.
import type { OpenedBundle } from '../shared/bundle/bundle';
import { canonicalJson } from '../shared/bundle/canonicalJson';
import type { ResultPayload, RoundPayload } from '../shared/bundle/payload';
import type { TrustFile } from '../shared/bundle/trustFile';
import type { ConflictRecord, Scoresheet } from '../shared/domain/types';
import { isOpenConflict } from '../shared/sync/conflictRecords';
import { reconcileScoresheets } from '../shared/sync/mergeScoresheets';
import type { OpenedFile } from './bundleFiles';
import { admitSheets, panelKeysOf, trustRefusal } from './mergeChecks';
import type { VoidedSheetNote } from './mergeChecks';
import type { ScoreFile, WorkbookFiles } from './mergeWorkbooks';

export type { VoidedSheetNote } from './mergeChecks';

export type RefusedFile = { file: string; reason: string };

export type MergeOutcome = {
  refused: RefusedFile[];
  /** Set when nothing can be merged at all (e.g. no round bundle). */
  problem?: string;
  roundId?: string;
  payload?: ResultPayload;
  conflicts: ConflictRecord[];
  /** Sheets taken although their pair is voided by a round change: carried, never counted. */
  voided: VoidedSheetNote[];
  counts: {
    roundBundles: number;
    scoreBundles: number;
    /** Filled scoresheet workbooks taken. */
    workbooks: number;
    copies: number;
    sheets: number;
  };
};

/** A trust file given with --trust, and its name for messages. */
export type MergeTrust = { file: TrustFile; name: string };

type Valid = { file: string; bundle: OpenedBundle };
type RosterKey = Exclude<keyof RoundPayload, 'round'>;

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Refuses every file of a device id seen with more than one signing key. */
function keyClashes(valid: readonly Valid[]): Map<string, string> {
  const keys = new Map<string, Set<string>>();
  for (const { bundle } of valid) {
    const set = keys.get(bundle.manifest.deviceId) ?? new Set<string>();
    set.add(bundle.signer.fingerprint);
    keys.set(bundle.manifest.deviceId, set);
  }
  const reasons = new Map<string, string>();
  for (const [device, fingerprints] of keys) {
    if (fingerprints.size > 1) {
      reasons.set(
        device,
        `device "${device}" signed the input files with ${fingerprints.size} different keys ` +
          `(${[...fingerprints].sort().join(', ')}); none of its files is trusted`,
      );
    }
  }
  return reasons;
}

type Ided = { id: string };
type RosterLists = { [K in RosterKey]: Map<string, RoundPayload[K][number]> };
type Roster = { round: RoundPayload['round'] } & RosterLists;

const newRoster = (round: RoundPayload['round']): Roster => ({
  round,
  templates: new Map(),
  bases: new Map(),
  panels: new Map(),
  experts: new Map(),
  assignments: new Map(),
  changes: new Map(),
});

/** The id of the first record that `known` already holds with other content. */
function clashingId<T extends Ided>(known: Map<string, T>, records: readonly T[]) {
  return records.find((r) => {
    const other = known.get(r.id);
    return other !== undefined && canonicalJson(other) !== canonicalJson(r);
  })?.id;
}

function addAll<T extends Ided>(known: Map<string, T>, records: readonly T[]): void {
  for (const record of records) known.set(record.id, record);
}

/** Adds a round bundle's records to the roster, or says why the file is refused. */
function addToRoster(roster: Roster, payload: RoundPayload): string | undefined {
  if (canonicalJson(payload.round) !== canonicalJson(roster.round)) {
    return 'its round record differs from that of the first round bundle (another version of the round)';
  }
  const clashes: [RosterKey, string | undefined][] = [
    ['templates', clashingId(roster.templates, payload.templates)],
    ['bases', clashingId(roster.bases, payload.bases)],
    ['panels', clashingId(roster.panels, payload.panels)],
    ['experts', clashingId(roster.experts, payload.experts)],
    ['assignments', clashingId(roster.assignments, payload.assignments)],
    ['changes', clashingId(roster.changes, payload.changes)],
  ];
  for (const [key, id] of clashes) {
    if (id !== undefined)
      return `its ${key} record "${id}" differs from the one in an earlier round bundle`;
  }
  addAll(roster.templates, payload.templates);
  addAll(roster.bases, payload.bases);
  addAll(roster.panels, payload.panels);
  addAll(roster.experts, payload.experts);
  addAll(roster.assignments, payload.assignments);
  addAll(roster.changes, payload.changes);
  return undefined;
}

const sortedValues = <T extends Ided>(known: Map<string, T>): T[] => [...known.values()].sort(byId);

export function mergeBundles(
  files: readonly OpenedFile[],
  deps: { now: string; importId: string },
  trust?: MergeTrust,
  workbooks?: WorkbookFiles,
): MergeOutcome {
  const refused: RefusedFile[] = [];
  const counts = { roundBundles: 0, scoreBundles: 0, workbooks: 0, copies: 0, sheets: 0 };
  const valid: Valid[] = [];
  for (const opened of files) {
    if (opened.ok) valid.push({ file: opened.file, bundle: opened.bundle });
    else refused.push({ file: opened.file, reason: opened.reason });
  }
  const clashes = keyClashes(valid);
  const trusted = valid.filter(({ file, bundle }) => {
    const reason = clashes.get(bundle.manifest.deviceId);
    if (reason !== undefined) refused.push({ file, reason });
    return reason === undefined;
  });

  const first = trusted.find(({ bundle }) => bundle.kind === 'round');
  if (first === undefined || first.bundle.kind !== 'round') {
    const problem =
      'no valid round bundle among the files: merge needs the round bundles of the panels ' +
      '(they supply the round, bases, experts and assignments)';
    return { refused, problem, conflicts: [], voided: [], counts };
  }
  const roundId = first.bundle.manifest.roundId;
  if (trust !== undefined && trust.file.roundId !== roundId) {
    const problem = `${trust.name} is the trust file of round "${trust.file.roundId}", not of "${roundId}" (the round of ${first.file})`;
    return { refused, problem, conflicts: [], voided: [], counts };
  }
  const roster = newRoster(first.bundle.payload.round);
  const scoreFiles: (ScoreFile & { workbook: boolean })[] = [];
  for (const { file, bundle } of trusted) {
    const reason =
      bundle.manifest.roundId !== roundId
        ? `belongs to round "${bundle.manifest.roundId ?? '-'}", not "${roundId}" (the round of ${first.file})`
        : bundle.kind === 'round'
          ? addToRoster(roster, bundle.payload)
          : trust === undefined
            ? undefined
            : trustRefusal(trust.file, trust.name, bundle);
    if (reason !== undefined) refused.push({ file, reason });
    else if (bundle.kind === 'round') counts.roundBundles += 1;
    else if (bundle.kind === 'scores') {
      scoreFiles.push({
        file,
        panelId: bundle.manifest.panelId,
        sheets: bundle.payload.scoresheets,
        workbook: false,
      });
    }
  }
  refused.push(...(workbooks?.refused ?? []));
  scoreFiles.push(...(workbooks?.scoreFiles ?? []).map((f) => ({ ...f, workbook: true })));

  const incoming: Scoresheet[] = [];
  const sourceOf: string[] = [];
  const voided: VoidedSheetNote[] = [];
  const admission = {
    panelIds: new Set(roster.panels.keys()),
    bases: roster.bases,
    experts: roster.experts,
    assignments: [...roster.assignments.values()],
    changes: [...roster.changes.values()],
  };
  for (const { file, panelId, sheets, workbook } of scoreFiles) {
    const admitted = admitSheets(admission, file, panelId, sheets);
    if (admitted.refusal !== undefined) {
      refused.push({ file, reason: admitted.refusal });
      continue;
    }
    voided.push(...admitted.voided);
    if (workbook) counts.workbooks += 1;
    else counts.scoreBundles += 1;
    incoming.push(...sheets);
    sourceOf.push(...sheets.map(() => file));
  }
  const plan = reconcileScoresheets([], incoming, [], deps);
  const refusedSheets = new Map<string, string>();
  plan.summary.forEach((entry, index) => {
    const file = sourceOf[index];
    if (entry.outcome === 'refused' && file !== undefined && !refusedSheets.has(file)) {
      refusedSheets.set(
        file,
        `scoresheet "${entry.sheetId}" uses an id that another expert's or base's sheet already has`,
      );
    }
  });
  for (const [file, reason] of refusedSheets) refused.push({ file, reason });

  const scoresheets = [...plan.toPut].sort(byId);
  const panelKeys = panelKeysOf(valid);
  counts.copies = incoming.length;
  counts.sheets = scoresheets.length;
  const payload: ResultPayload = {
    round: roster.round,
    templates: sortedValues(roster.templates),
    bases: sortedValues(roster.bases),
    panels: sortedValues(roster.panels),
    experts: sortedValues(roster.experts),
    assignments: sortedValues(roster.assignments),
    scoresheets,
    decisions: [],
    changes: sortedValues(roster.changes),
    // Verified only against a trust file (every key matched, or the file was refused);
    // without one each panel's signer is listed for a person to compare.
    provenance: { keysVerified: trust !== undefined && panelKeys.length > 0, panelKeys },
  };
  const conflicts = plan.newConflicts.filter(isOpenConflict).sort(byId);
  return { refused, roundId, payload, conflicts, voided, counts };
}
