// Issuing round bundles to panels, the pure rules: what must hold of a panel before its bundle
// is written (bases, experts, a chair, every base scorable with a stored template), the
// passphrase typed twice, and the file name proposed for each bundle.
import { isSafeFileName, MAX_FILE_NAME_LENGTH } from '../ipc/fileNames';
import type { Assignment, Base, BaseTypeCode, Expert, Panel, Round } from './types';

export type IssueProblem =
  | { code: 'noBases' }
  | { code: 'noExperts' }
  | { code: 'noChair' }
  /** The chair named on the panel is not one of its experts. */
  | { code: 'chairNotInPanel' }
  /** Bases nobody of the panel can score (no assignment, or every expert recused). */
  | { code: 'unassignedBases'; bases: string[] }
  /** Base types of the panel without a template, or whose template is not stored. */
  | { code: 'missingTemplates'; types: BaseTypeCode[] };

export type IssueProblemCode = IssueProblem['code'];

export type IssueState = {
  round: Round;
  bases: readonly Base[];
  experts: readonly Expert[];
  assignments: readonly Assignment[];
  /** Ids of the templates stored on this machine. */
  storedTemplateIds: ReadonlySet<string>;
};

/** The bases a panel's round bundle carries: the panel's own and any assigned to it. */
export function basesOfPanel(state: IssueState, panelId: string): Base[] {
  const assigned = new Set(
    state.assignments.filter((a) => a.panelId === panelId).map((a) => a.baseId),
  );
  return state.bases.filter((b) => b.panelId === panelId || assigned.has(b.id));
}

/** Everything that stops the panel's round bundle from being issued; empty when it may go. */
export function panelIssueProblems(state: IssueState, panel: Panel): IssueProblem[] {
  const problems: IssueProblem[] = [];
  const bases = basesOfPanel(state, panel.id);
  const experts = state.experts.filter((e) => e.panelId === panel.id);
  if (bases.length === 0) problems.push({ code: 'noBases' });
  if (experts.length === 0) problems.push({ code: 'noExperts' });
  if (panel.chairExpertId === undefined) problems.push({ code: 'noChair' });
  else if (!experts.some((e) => e.id === panel.chairExpertId)) {
    problems.push({ code: 'chairNotInPanel' });
  }
  const scorable = new Set(
    state.assignments
      .filter((a) => a.panelId === panel.id && a.recusal === undefined)
      .map((a) => a.baseId),
  );
  const unassigned = bases.filter((b) => !scorable.has(b.id)).map((b) => b.name);
  if (unassigned.length > 0) problems.push({ code: 'unassignedBases', bases: unassigned });
  const types = [...new Set(bases.map((b) => b.type))].sort();
  const missing = types.filter((type) => {
    const id = state.round.templateByType[type];
    return id === undefined || !state.storedTemplateIds.has(id);
  });
  if (missing.length > 0) problems.push({ code: 'missingTemplates', types: missing });
  return problems;
}

// ---- passphrase --------------------------------------------------------------------------

export const MIN_PASSPHRASE_LENGTH = 8;

export type PassphraseCheck =
  /** Nothing typed: the bundle is not encrypted. */
  | { ok: true; passphrase: undefined }
  | { ok: true; passphrase: string }
  | { ok: false; code: 'tooShort' | 'mismatch' | 'missingRepeat' };

/** The passphrase typed twice: none (both empty), or one of at least 8 characters typed alike. */
export function checkPassphrase(first: string, second: string): PassphraseCheck {
  if (first === '' && second === '') return { ok: true, passphrase: undefined };
  if ([...first].length < MIN_PASSPHRASE_LENGTH) return { ok: false, code: 'tooShort' };
  if (second === '') return { ok: false, code: 'missingRepeat' };
  if (first.normalize('NFC') !== second.normalize('NFC')) return { ok: false, code: 'mismatch' };
  return { ok: true, passphrase: first };
}

// ---- file names --------------------------------------------------------------------------

// Windows' forbidden characters, both separators and control characters become "_".
// eslint-disable-next-line no-control-regex -- control characters are what we replace
const UNSAFE_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;
const PART_MAX = 60;
const EXTENSION = '.pgb';

function safePart(text: string, fallback: string): string {
  const cleaned = text.replace(UNSAFE_CHARACTERS, '_').replace(/\s+/g, ' ').trim();
  const cut = [...cleaned]
    .slice(0, PART_MAX)
    .join('')
    .replace(/[.\s]+$/, '');
  return cut === '' ? fallback : cut;
}

/** "评审包-大连组-2023年度….pgb", safe on every file system. */
export function roundBundleFileName(panelName: string, roundName: string): string {
  const name = `评审包-${safePart(panelName, '评审组')}-${safePart(roundName, '评估轮次')}${EXTENSION}`;
  return isSafeFileName(name) ? name : `round-bundle${EXTENSION}`;
}

/** The names with later repeats (ignoring case) numbered "… (2).pgb", "… (3).pgb". */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.toLowerCase().endsWith(EXTENSION)
      ? name.length - EXTENSION.length
      : name.length;
    const stem = name.slice(0, dot);
    const extension = name.slice(dot);
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) {
      const suffix = ` (${n})${extension}`;
      candidate = `${stem.slice(0, MAX_FILE_NAME_LENGTH - suffix.length)}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
