// Conflicts of interest (回避) between experts and bases. Two kinds:
// - automatic: the expert works at the base's host institution (依托单位), compared after
//   normalising how rosters write the same employer (normaliseInstitution);
// - declared: someone said so (the expert on the scoring laptop, or the secretariat on the
//   expert's behalf), with a reason. Declarations are stored as a recusal on the pair's
//   Assignment or Scoresheet (declarationsFromRecords reads them back).
// Pure; results in code-point order of expert id, then base id, automatic before declared.
import type { Assignment, Base, Expert, RecusalSource, Scoresheet } from '../domain/types';
import { compareIds } from '../domain/aggregation';
import { compactText } from '../domain/taxonomy';

export type ConflictKind = 'institution' | 'declared';

export type ConflictOfInterest = {
  expertId: string;
  baseId: string;
  kind: ConflictKind;
  reason: string;
  /** 'institution' for automatic ones; who declared for the others. */
  source: RecusalSource;
};

/** A declared conflict: the expert must not score the base, for this reason. */
export type ConflictDeclaration = {
  expertId: string;
  baseId: string;
  reason: string;
  /** Defaults to 'declared'. */
  source?: Exclude<RecusalSource, 'institution'>;
};

// Legal-form suffixes, longest first. They name the form of a company, not which company
// it is: the department's lists write "鞍钢集团" where the register says "鞍钢集团有限公司",
// and a group's listed arm differs from the group only by "股份". Treating them as one
// employer can cost a base one reviewer (and the reason shows both names, so the clerk can
// judge); failing to match would let an employee score their own employer.
const LEGAL_FORM_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '公司'] as const;

// Abbreviations every roster uses for the same institution, expanded at the start.
const PREFIX_ALIASES: readonly (readonly [string, string])[] = [['中科院', '中国科学院']];

/**
 * The form two institution names are compared in: NFKC (full-width letters, digits,
 * brackets and the ideographic space become half-width), every whitespace removed,
 * 中科院 spelt out, and one legal-form suffix (有限公司, 有限责任公司, 股份有限公司, 公司)
 * dropped when at least two characters remain before it. Empty when the name is blank.
 */
export function normaliseInstitution(name: string): string {
  let text = compactText(name);
  for (const [short, full] of PREFIX_ALIASES) {
    if (text.startsWith(short)) text = full + text.slice(short.length);
  }
  for (const suffix of LEGAL_FORM_SUFFIXES) {
    if (text.endsWith(suffix) && text.length > suffix.length + 1) {
      return text.slice(0, text.length - suffix.length);
    }
  }
  return text;
}

/** True when both name the same institution (blank names never match). */
export function isSameInstitution(a: string, b: string): boolean {
  const left = normaliseInstitution(a);
  return left !== '' && left === normaliseInstitution(b);
}

/** The reason shown for an automatic conflict; both names when they are written differently. */
export function institutionConflictReason(expertInstitution: string, baseHost: string): string {
  const expert = expertInstitution.trim();
  const host = baseHost.trim();
  return expert === host
    ? `专家所在单位（${expert}）为该基地依托单位`
    : `专家所在单位（${expert}）与基地依托单位（${host}）为同一单位`;
}

/** Key of an (expert, base) pair for maps and sets. */
export function pairKey(expertId: string, baseId: string): string {
  return `${expertId}\u0000${baseId}`;
}

export function compareConflicts(a: ConflictOfInterest, b: ConflictOfInterest): number {
  return (
    compareIds(a.expertId, b.expertId) ||
    compareIds(a.baseId, b.baseId) ||
    Number(a.kind !== 'institution') - Number(b.kind !== 'institution') ||
    compareIds(a.reason, b.reason)
  );
}

/**
 * Every conflict between the given experts and bases: one automatic entry per pair whose
 * institutions match, one declared entry per declaration (the first per pair) naming an
 * expert and a base among the inputs with a non-blank reason. A pair may have both.
 */
export function findConflictsOfInterest(
  bases: readonly Base[],
  experts: readonly Expert[],
  declarations: readonly ConflictDeclaration[],
): ConflictOfInterest[] {
  const basesByHost = new Map<string, Base[]>();
  for (const base of bases) {
    const host = normaliseInstitution(base.hostInstitution);
    if (host === '') continue;
    const list = basesByHost.get(host);
    if (list) list.push(base);
    else basesByHost.set(host, [base]);
  }
  const conflicts: ConflictOfInterest[] = [];
  for (const expert of experts) {
    for (const base of basesByHost.get(normaliseInstitution(expert.institution)) ?? []) {
      conflicts.push({
        expertId: expert.id,
        baseId: base.id,
        kind: 'institution',
        reason: institutionConflictReason(expert.institution, base.hostInstitution),
        source: 'institution',
      });
    }
  }
  conflicts.push(...declaredConflicts(bases, experts, declarations));
  return conflicts.sort(compareConflicts);
}

/** The declared conflicts among these experts and bases: first per pair, reason not blank. */
export function declaredConflicts(
  bases: readonly Base[],
  experts: readonly Expert[],
  declarations: readonly ConflictDeclaration[],
): ConflictOfInterest[] {
  const expertIds = new Set(experts.map((e) => e.id));
  const baseIds = new Set(bases.map((b) => b.id));
  const seen = new Set<string>();
  const conflicts: ConflictOfInterest[] = [];
  for (const d of declarations) {
    const key = pairKey(d.expertId, d.baseId);
    const reason = d.reason.trim();
    if (reason === '' || seen.has(key)) continue;
    if (!expertIds.has(d.expertId) || !baseIds.has(d.baseId)) continue;
    seen.add(key);
    conflicts.push({
      expertId: d.expertId,
      baseId: d.baseId,
      kind: 'declared',
      reason,
      source: d.source ?? 'declared',
    });
  }
  return conflicts;
}

export type ConflictChecker = {
  /** The pair's conflicts, automatic first: empty when the expert may score the base. */
  of: (expert: Expert, base: Base) => ConflictOfInterest[];
  has: (expert: Expert, base: Base) => boolean;
  /** Base id → panel id → how many of that panel's experts are in conflict with the base. */
  countsByPanel: () => Map<string, Map<string, number>>;
};

/**
 * The same conflicts as findConflictsOfInterest, asked pair by pair, for the planners: a
 * round of 1,000 bases may hold tens of thousands of conflicts across panels, of which an
 * assignment only ever looks at those inside a panel (and at counts for placement).
 */
export function conflictChecker(
  bases: readonly Base[],
  experts: readonly Expert[],
  declarations: readonly ConflictDeclaration[],
): ConflictChecker {
  const baseNorm = new Map(bases.map((b) => [b.id, normaliseInstitution(b.hostInstitution)]));
  const expertNorm = new Map(experts.map((e) => [e.id, normaliseInstitution(e.institution)]));
  const declared = new Map<string, ConflictOfInterest>();
  for (const c of declaredConflicts(bases, experts, declarations)) {
    declared.set(pairKey(c.expertId, c.baseId), c);
  }
  const sameInstitution = (expert: Expert, base: Base): boolean => {
    const norm = expertNorm.get(expert.id) ?? normaliseInstitution(expert.institution);
    return (
      norm !== '' && norm === (baseNorm.get(base.id) ?? normaliseInstitution(base.hostInstitution))
    );
  };
  return {
    of: (expert, base) => {
      const found: ConflictOfInterest[] = [];
      if (sameInstitution(expert, base)) {
        found.push({
          expertId: expert.id,
          baseId: base.id,
          kind: 'institution',
          reason: institutionConflictReason(expert.institution, base.hostInstitution),
          source: 'institution',
        });
      }
      const d = declared.get(pairKey(expert.id, base.id));
      if (d) found.push(d);
      return found;
    },
    has: (expert, base) =>
      sameInstitution(expert, base) || declared.has(pairKey(expert.id, base.id)),
    countsByPanel: () => {
      // Experts per institution and panel, then each base takes its host's row.
      const perInstitution = new Map<string, Map<string, number>>();
      for (const e of experts) {
        const norm = expertNorm.get(e.id) ?? '';
        if (norm === '') continue;
        const row = perInstitution.get(norm) ?? new Map<string, number>();
        row.set(e.panelId, (row.get(e.panelId) ?? 0) + 1);
        perInstitution.set(norm, row);
      }
      const counts = new Map<string, Map<string, number>>();
      for (const b of bases) {
        const row = perInstitution.get(baseNorm.get(b.id) ?? '');
        if (row) counts.set(b.id, new Map(row));
      }
      const expertById = new Map(experts.map((e) => [e.id, e]));
      const baseById = new Map(bases.map((b) => [b.id, b]));
      for (const d of declared.values()) {
        const expert = expertById.get(d.expertId);
        const base = baseById.get(d.baseId);
        if (!expert || !base || sameInstitution(expert, base)) continue;
        const row = counts.get(base.id) ?? new Map<string, number>();
        row.set(expert.panelId, (row.get(expert.panelId) ?? 0) + 1);
        counts.set(base.id, row);
      }
      return counts;
    },
  };
}

/**
 * Declarations already on record: recusals on assignments, then on scoresheets (an expert's
 * 回避 arrives on the sheet), other than automatic ('institution') ones, which
 * findConflictsOfInterest works out again from the institutions.
 */
export function declarationsFromRecords(
  assignments: readonly Assignment[],
  scoresheets: readonly Scoresheet[],
): ConflictDeclaration[] {
  const seen = new Set<string>();
  const declarations: ConflictDeclaration[] = [];
  const add = (expertId: string, baseId: string, recusal: Assignment['recusal']): void => {
    if (!recusal || recusal.source === 'institution') return;
    const key = pairKey(expertId, baseId);
    if (seen.has(key)) return;
    seen.add(key);
    declarations.push({ expertId, baseId, reason: recusal.reason, source: recusal.source });
  };
  for (const a of assignments) add(a.expertId, a.baseId, a.recusal);
  for (const s of scoresheets) add(s.expertId, s.baseId, s.recusal);
  return declarations;
}

/** Conflicts grouped by pair, for cell lookups. */
export function indexConflicts(
  conflicts: readonly ConflictOfInterest[],
): Map<string, ConflictOfInterest[]> {
  const index = new Map<string, ConflictOfInterest[]>();
  for (const c of conflicts) {
    const key = pairKey(c.expertId, c.baseId);
    const list = index.get(key);
    if (list) list.push(c);
    else index.set(key, [c]);
  }
  return index;
}
