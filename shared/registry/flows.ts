// 有进有出: what the registry's events say about the flow of bases, per year and per type.
// Pure functions of a RegistryState (shared/registry/fold.ts builds it).
//
// registryFlows: one RegistryFlow per (year, from, to), counting bases:
//   - 'entered' of an approval (批建, no roundId) → from 'new' to its type. A base first seen
//     in a round was on the department's list before the registry began: it enters the counts
//     of yearTypeCounts but makes no flow (its move, if any, is its 纳入/转/合并/撤销);
//   - 'included' (纳入) → from its legacy type to the new type;
//   - 'converted' (转) → from its type to the other type;
//   - 'merged' (合并) → from its type (or legacy type) to 'merged';
//   - 'revoked' (撤销) → from its type (or legacy type) to 'revoked';
//   - 'rectifying' (限期整改) moves nothing and makes no flow.
//   Where an event does not say where the base came from, its position is the one the earlier
//   events left it in (or, failing that, the registry's record: legacy type, else type).
//   Sorted by year, then `from` and `to` in FLOW_END_ORDER: 'new', the legacy types in the
//   plan's order, A1…C3, 'merged', 'revoked'.
//
// yearTypeCounts: per year (every year from the first event to the last) and new type, the
//   events counted under the type they concern: entered under the type it entered as (a legacy
//   base under the new type the plan sends it to), included under the type joined, converted
//   under the type left (转出), rectifying/merged/revoked under the type held at that time.
//   `active` is the number of bases still on the list at the year's end (运行中 and 限期整改,
//   not revoked or merged), by the type held then. Rows where everything is 0 are left out.
//
// sankeyData: Recharts' Sankey input in three columns, acyclic by construction: the left
//   column holds the legacy types and 'new' (批建); the middle the nine new types (node code =
//   the type code, e.g. 'B1'); the right the types converted into ('to:B4'), 'revoked' and
//   'merged'. A flow from a legacy type or 'new' goes left → middle (or straight to the right
//   column when a legacy base is revoked or merged); a flow from a new type goes middle →
//   right. Nothing leaves the right column, so B1 → B4 and B4 → B1 cannot form a cycle.
import { BASE_TYPE_CODES, baseTypeByCode, isBaseTypeCode, LEGACY_TYPES } from '../domain/taxonomy';
import type { BaseTypeCode, LegacyTypeCode } from '../domain/types';
import type { RegistryEvent, RegistryFlow, RegistryState } from './types';

type FlowEnd = RegistryFlow['from'] | RegistryFlow['to'];
type Position = BaseTypeCode | LegacyTypeCode;

/** The order flows and nodes are listed in. */
export const FLOW_END_ORDER: readonly FlowEnd[] = [
  'new',
  ...LEGACY_TYPES.map((legacy) => legacy.code),
  ...BASE_TYPE_CODES,
  'merged',
  'revoked',
];

const rankOf = (end: FlowEnd): number => FLOW_END_ORDER.indexOf(end);

const legacyCodes: ReadonlySet<string> = new Set(LEGACY_TYPES.map((legacy) => legacy.code));

const isLegacy = (code: string): code is LegacyTypeCode => legacyCodes.has(code);

/** Where a base stands as the events are replayed, with its record as the fallback. */
class Positions {
  private readonly positions = new Map<string, Position>();
  /** The new type each base entered as: a legacy base counts under it until its 纳入. */
  private readonly entryTypes = new Map<string, BaseTypeCode>();
  private readonly recorded = new Map<string, { type: BaseTypeCode; legacyType?: Position }>();

  constructor(state: RegistryState) {
    for (const base of state.bases) {
      this.recorded.set(base.code, {
        type: base.type,
        ...(base.legacyType ? { legacyType: base.legacyType } : {}),
      });
    }
  }

  /** The type or legacy type the base is in before `event`. */
  before(event: RegistryEvent): Position | undefined {
    if (event.from !== undefined && event.kind !== 'entered') return event.from;
    const known = this.positions.get(event.code);
    if (known !== undefined) return known;
    const record = this.recorded.get(event.code);
    return record?.legacyType ?? record?.type;
  }

  /** The new type the event counts under: the one entered as, else the one held before it. */
  typeOf(event: RegistryEvent): BaseTypeCode | undefined {
    if (event.kind === 'entered' && event.to !== undefined) return event.to;
    const position = this.before(event);
    if (position !== undefined && isBaseTypeCode(position)) return position;
    return this.entryTypes.get(event.code) ?? this.recorded.get(event.code)?.type ?? event.to;
  }

  /** The new type an event moves the base into, if it moves it. */
  target(event: RegistryEvent): BaseTypeCode | undefined {
    return event.to ?? this.recorded.get(event.code)?.type;
  }

  /** Replays the event: the base's position afterwards. */
  apply(event: RegistryEvent): void {
    if (event.kind === 'entered') {
      const legacy = event.from !== undefined && isLegacy(event.from) ? event.from : undefined;
      const start = legacy ?? event.to ?? this.before(event);
      if (start !== undefined) this.positions.set(event.code, start);
      const target = this.target(event);
      if (target !== undefined) this.entryTypes.set(event.code, target);
    } else if (event.kind === 'included' || event.kind === 'converted') {
      const to = this.target(event);
      if (to !== undefined) this.positions.set(event.code, to);
    }
  }
}

function flowOf(event: RegistryEvent, positions: Positions): Omit<RegistryFlow, 'count'> | null {
  const { year } = event;
  switch (event.kind) {
    case 'entered': {
      const to = event.roundId === undefined ? positions.target(event) : undefined;
      return to === undefined ? null : { year, from: 'new', to };
    }
    case 'included':
    case 'converted': {
      const from = positions.before(event);
      const to = positions.target(event);
      return from === undefined || to === undefined || from === to ? null : { year, from, to };
    }
    case 'merged':
    case 'revoked': {
      const from = positions.before(event);
      return from === undefined ? null : { year, from, to: event.kind };
    }
    case 'rectifying':
      return null;
  }
}

function compareFlows(a: Omit<RegistryFlow, 'count'>, b: Omit<RegistryFlow, 'count'>): number {
  return a.year - b.year || rankOf(a.from) - rankOf(b.from) || rankOf(a.to) - rankOf(b.to);
}

/** The registry's flows, aggregated per year, from and to (see the header). */
export function registryFlows(state: RegistryState): RegistryFlow[] {
  const positions = new Positions(state);
  const counts = new Map<string, RegistryFlow>();
  for (const event of state.events) {
    const flow = flowOf(event, positions);
    positions.apply(event);
    if (flow === null) continue;
    const key = `${flow.year}|${flow.from}|${flow.to}`;
    const existing = counts.get(key);
    if (existing) existing.count += 1;
    else counts.set(key, { ...flow, count: 1 });
  }
  return [...counts.values()].sort(compareFlows);
}

export type YearTypeCount = {
  year: number;
  type: BaseTypeCode;
  entered: number;
  included: number;
  converted: number;
  rectifying: number;
  merged: number;
  revoked: number;
  /** On the list at the year's end (运行中 and 限期整改). */
  active: number;
};

type EventCounts = Omit<YearTypeCount, 'year' | 'type' | 'active'>;

const emptyCounts = (): EventCounts => ({
  entered: 0,
  included: 0,
  converted: 0,
  rectifying: 0,
  merged: 0,
  revoked: 0,
});

/** Per year and new type: what happened, and how many bases were on the list at year end. */
export function yearTypeCounts(state: RegistryState): YearTypeCount[] {
  if (state.events.length === 0) return [];
  let first = Infinity;
  let last = -Infinity;
  for (const { year } of state.events) {
    first = Math.min(first, year);
    last = Math.max(last, year);
  }
  const byYear = new Map<number, RegistryEvent[]>();
  for (const event of state.events) {
    const list = byYear.get(event.year);
    if (list) list.push(event);
    else byYear.set(event.year, [event]);
  }
  const positions = new Positions(state);
  /** The bases on the list and the type each counts under. */
  const onList = new Map<string, BaseTypeCode>();
  const rows: YearTypeCount[] = [];
  for (let year = first; year <= last; year += 1) {
    const counts = new Map<BaseTypeCode, EventCounts>();
    const countFor = (type: BaseTypeCode): EventCounts => {
      const existing = counts.get(type);
      if (existing) return existing;
      const fresh = emptyCounts();
      counts.set(type, fresh);
      return fresh;
    };
    for (const event of byYear.get(year) ?? []) {
      const held = positions.typeOf(event);
      const joined = positions.target(event);
      positions.apply(event);
      if (event.kind === 'entered' || event.kind === 'included') {
        const type = event.kind === 'entered' ? held : joined;
        if (type === undefined) continue;
        countFor(type)[event.kind] += 1;
        onList.set(event.code, type);
      } else if (held !== undefined) {
        countFor(held)[event.kind] += 1;
        if (event.kind === 'merged' || event.kind === 'revoked') onList.delete(event.code);
        else if (event.kind === 'converted' && joined !== undefined) onList.set(event.code, joined);
        else if (!onList.has(event.code)) onList.set(event.code, held);
      }
    }
    const active = new Map<BaseTypeCode, number>();
    for (const type of onList.values()) active.set(type, (active.get(type) ?? 0) + 1);
    for (const type of BASE_TYPE_CODES) {
      const numbers = { ...(counts.get(type) ?? emptyCounts()), active: active.get(type) ?? 0 };
      if (Object.values(numbers).some((value) => value > 0)) rows.push({ year, type, ...numbers });
    }
  }
  return rows;
}

export type SankeyNodeDatum = { name: string; code: string };
export type SankeyLinkDatum = { source: number; target: number; value: number };
export type SankeyChartData = { nodes: SankeyNodeDatum[]; links: SankeyLinkDatum[] };

/** Chinese names of the flow ends; the renderer may relabel nodes by `code`. */
export function flowEndName(end: FlowEnd): string {
  if (end === 'new') return '新批建';
  if (end === 'merged') return '合并';
  if (end === 'revoked') return '撤销';
  if (isBaseTypeCode(end)) return baseTypeByCode(end).nameZh;
  return LEGACY_TYPES.find((legacy) => legacy.code === end)?.nameZh ?? end;
}

/** The node a flow end stands for on its side (see the header: 'B4' or 'to:B4'). */
function nodeCode(end: FlowEnd, side: 'from' | 'to', fromIsType: boolean): string {
  if (side === 'to' && fromIsType && isBaseTypeCode(end)) return `to:${end}`;
  return end;
}

/** Left column (new, legacy types), middle (new types), right (to:X, merged, revoked). */
const nodeRank = (code: string): number => {
  const converted = code.startsWith('to:');
  const bare = converted ? code.slice('to:'.length) : code;
  const rank = FLOW_END_ORDER.findIndex((end) => end === bare);
  const column =
    converted || bare === 'merged' || bare === 'revoked' ? 2 : isBaseTypeCode(bare) ? 1 : 0;
  return column * FLOW_END_ORDER.length + rank;
};

/** The Sankey's nodes and links of the flows in the years given (inclusive). */
export function sankeyData(
  flows: readonly RegistryFlow[],
  years: { from?: number; to?: number } = {},
): SankeyChartData {
  const values = new Map<string, number>();
  for (const flow of flows) {
    if (years.from !== undefined && flow.year < years.from) continue;
    if (years.to !== undefined && flow.year > years.to) continue;
    if (flow.count <= 0) continue;
    const fromIsType = isBaseTypeCode(flow.from);
    const key = `${nodeCode(flow.from, 'from', fromIsType)}>${nodeCode(flow.to, 'to', fromIsType)}`;
    values.set(key, (values.get(key) ?? 0) + flow.count);
  }
  const codes = new Set<string>();
  for (const key of values.keys()) {
    const [source = '', target = ''] = key.split('>');
    codes.add(source).add(target);
  }
  const ordered = [...codes].sort((a, b) => nodeRank(a) - nodeRank(b));
  const index = new Map(ordered.map((code, i) => [code, i]));
  const nodes = ordered.map((code) => {
    const bare = code.startsWith('to:') ? code.slice('to:'.length) : code;
    const end = FLOW_END_ORDER.find((candidate) => candidate === bare) ?? 'new';
    return { code, name: flowEndName(end) };
  });
  const links = [...values.entries()]
    .map(([key, value]) => {
      const [source = '', target = ''] = key.split('>');
      return { source: index.get(source) ?? 0, target: index.get(target) ?? 0, value };
    })
    .sort((a, b) => a.source - b.source || a.target - b.target);
  return { nodes, links };
}
