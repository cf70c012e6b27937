// Rounds for the assignment tests: hand-built ones (bases, panels and experts named so the
// tests read well) and fast-check arbitraries of whole rounds with conflicts, manual
// placements and started sheets.
import fc from 'fast-check';
import { BASE_TYPE_CODES } from '../../shared/domain/taxonomy';
import type { Base, BaseTypeCode, Expert, Panel, Scoresheet } from '../../shared/domain/types';
import type { RoundAssignmentRecords } from '../../shared/secretariat/assignmentChanges';
import { buildBase, buildExpert, buildPanel, buildScoresheet } from './builders';

export const ROUND_ID = 'round-asg';

export const INSTITUTIONS = ['东北大学', '大连理工大学', '中国医科大学', '鞍钢集团有限公司'];
const FIELDS = ['材料', '化工', '医药', '信息'];

export function panelsNamed(...names: string[]): Panel[] {
  return names.map((name, i) => buildPanel(ROUND_ID, { id: `p${i + 1}`, name }));
}

/** `count` bases, ids b01, b02 …, of the given types in turn. */
export function basesOf(count: number, types: readonly BaseTypeCode[] = ['A1']): Base[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `b${String(i + 1).padStart(2, '0')}`;
    return buildBase(ROUND_ID, {
      id,
      code: `LN-${id}`,
      name: `基地${i + 1}`,
      type: types[i % types.length] ?? 'A1',
      hostInstitution: '沈阳工业大学',
      field: '材料',
    });
  });
}

/** `count` experts of a panel, ids <panel>-e1 …, working outside every base's host. */
export function expertsOf(
  panelId: string,
  count: number,
  overrides: Partial<Expert> = {},
): Expert[] {
  return Array.from({ length: count }, (_, i) =>
    buildExpert(ROUND_ID, panelId, {
      id: `${panelId}-e${i + 1}`,
      name: `专家${panelId}-${i + 1}`,
      institution: '清华大学',
      ...overrides,
    }),
  );
}

export function records(parts: Partial<RoundAssignmentRecords>): RoundAssignmentRecords {
  return { bases: [], panels: [], experts: [], assignments: [], scoresheets: [], ...parts };
}

/** A started (draft) sheet of an expert for a base. */
export function startedSheet(base: Base, expert: Expert): Scoresheet {
  return buildScoresheet(base, expert, { scores: { x: 1 } });
}

// ---- arbitraries ----------------------------------------------------------------------------

export type RoundShape = {
  panels: Panel[];
  experts: Expert[];
  bases: Base[];
};

/** Panels (1–6), 0–5 experts each from a few institutions, 0–40 bases hosted by the same few. */
export const roundArb = (
  options: { withPlacements?: boolean; withConflicts?: boolean } = {},
): fc.Arbitrary<RoundShape> =>
  fc
    .record({
      panelCount: fc.integer({ min: 1, max: 6 }),
      expertCounts: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }),
      expertInstitutions: fc.array(fc.integer({ min: 0, max: INSTITUTIONS.length - 1 }), {
        minLength: 30,
        maxLength: 30,
      }),
      bases: fc.array(
        fc.record({
          type: fc.constantFrom(...BASE_TYPE_CODES),
          field: fc.constantFrom(...FIELDS),
          host: fc.integer({ min: 0, max: INSTITUTIONS.length - 1 }),
          panel: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
        }),
        { maxLength: 40 },
      ),
    })
    .map(({ panelCount, expertCounts, expertInstitutions, bases }) => {
      const panels = Array.from({ length: panelCount }, (_, i) =>
        buildPanel(ROUND_ID, { id: `p${i + 1}`, name: `第${i + 1}组` }),
      );
      let n = 0;
      const experts = panels.flatMap((panel, i) =>
        Array.from({ length: expertCounts[i] ?? 0 }, (_, k) => {
          const inst = expertInstitutions[n] ?? 0;
          n += 1;
          return buildExpert(ROUND_ID, panel.id, {
            id: `${panel.id}-e${k + 1}`,
            institution: options.withConflicts === false ? '清华大学' : (INSTITUTIONS[inst] ?? ''),
          });
        }),
      );
      const built = bases.map((b, i): Base => {
        // Panel indexes beyond the panels stand for a panel since deleted.
        const panelId =
          options.withPlacements === true && b.panel !== undefined ? `p${b.panel + 1}` : undefined;
        return buildBase(ROUND_ID, {
          id: `b${String(i + 1).padStart(2, '0')}`,
          code: `LN-${b.type}-${String(i + 1).padStart(3, '0')}`,
          type: b.type,
          field: b.field,
          hostInstitution: INSTITUTIONS[b.host] ?? '',
          ...(panelId === undefined ? {} : { panelId }),
        });
      });
      return { panels, experts, bases: built };
    });
