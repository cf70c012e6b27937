// The registry of bases (基地库) as a pure fold over the approvals (批建) and the accepted
// rounds. Nothing here is stored: the renderer, the CLI and the bench call buildRegistry over
// what they hold, so the same inputs in any order, with any duplicates, give the same state.
//
// Semantics (README, 省厅基地库):
// - Order. Of each round id only the standing version counts (compareRoundVersions: higher
//   closure version, then later closing, then larger bundle hash). Approvals apply in their
//   year (by code) before the rounds of that year; rounds apply by year, closing time, id.
// - Entry. A base enters with its approval, or with the first round that names it (status
//   运行中, event 'entered', enteredYear that year). An approval of a code already in the
//   list changes nothing; one of a revoked or merged code brings it back.
// - Each round adds a history line to every base it names and refreshes the base's name,
//   host, city, director, approval year and field. Types change only by decisions:
//   纳入 include(T): a legacy base joins the new series as T (previousType = its legacy
//     type), event 'included'; on a base already of type T it is like 保留. Status 运行中.
//   保留并调整方向 keepAdjust: status 运行中 (ends a 限期整改).
//   转 convert(T): type T, previousType the type (or legacy type) before, event 'converted'.
//   限期整改 rectify: status rectifying until the Beijing date of the round's closing plus
//     rectifyMonths months (day clamped to the month's end), event 'rectifying'.
//   合并 merge: status merged, mergedInto = the target's code, event 'merged'.
//   撤销 revoke: status revoked, event 'revoked'.
//   A withdrawn base (撤出) or one without a decision: the history line only.
// - A revoked or merged base stays in the list. A later decision that keeps it in the list
//   (纳入, 保留, 转, 限期整改) brings it back with an 'entered' event in that year; a later
//   round that only scores it leaves it out. enteredYear stays the year it first entered.
import { categoryOfType } from '../domain/taxonomy';
import { compareText, rectifyDeadline, standingRounds } from './order';
import type {
  AcceptedBaseOutcome,
  AcceptedRound,
  RegistryApproval,
  RegistryBase,
  RegistryBaseInfo,
  RegistryEvent,
  RegistryHistoryEntry,
  RegistryOptions,
  RegistryState,
} from './types';

export { registryChanges } from './changes';
export type { RegistryChange } from './changes';
export { compareRoundVersions, standingRounds } from './order';

export const DEFAULT_REGISTRY_OPTIONS: RegistryOptions = { rectifyMonths: 12 };

/** The options with their defaults; a rectification period that is no whole month throws. */
export function registryOptions(options: Partial<RegistryOptions> = {}): RegistryOptions {
  const merged = { ...DEFAULT_REGISTRY_OPTIONS, ...options };
  const months = merged.rectifyMonths;
  if (!Number.isInteger(months) || months < 1 || months > 120) {
    throw new RangeError(`整改期限必须是 1 到 120 之间的整数个月，收到 ${String(months)}。`);
  }
  return { rectifyMonths: months };
}

/** The registry after every approval and the standing version of every accepted round. */
export function buildRegistry(
  approvals: readonly RegistryApproval[],
  rounds: readonly AcceptedRound[],
  options?: Partial<RegistryOptions>,
): RegistryState {
  const fold = new Fold(registryOptions(options));
  const pending = standingApprovals(approvals);
  const applied = standingRounds(rounds);
  let next = 0;
  for (const round of applied) {
    for (; next < pending.length && (pending[next]?.year ?? Infinity) <= round.year; next++) {
      const approval = pending[next];
      if (approval) fold.approve(approval);
    }
    fold.apply(round);
  }
  for (const approval of pending.slice(next)) fold.approve(approval);
  return {
    bases: [...fold.bases.values()].sort((a, b) => compareText(a.code, b.code)),
    events: fold.events,
    rounds: applied,
  };
}

/** One approval per code (the latest import), in the order they apply: year, then code. */
function standingApprovals(approvals: readonly RegistryApproval[]): RegistryApproval[] {
  const byCode = new Map<string, RegistryApproval>();
  for (const approval of approvals) {
    const held = byCode.get(approval.code);
    if (held === undefined || compareApprovals(approval, held) > 0) {
      byCode.set(approval.code, approval);
    }
  }
  return [...byCode.values()].sort((a, b) => a.year - b.year || compareText(a.code, b.code));
}

function compareApprovals(a: RegistryApproval, b: RegistryApproval): number {
  return (
    compareText(a.importedAt, b.importedAt) ||
    compareText(a.sourceSha256, b.sourceSha256) ||
    compareText(JSON.stringify(a), JSON.stringify(b))
  );
}

/** The description of a base, without the keys it does not have. */
function infoOf(source: RegistryBaseInfo): RegistryBaseInfo {
  return {
    code: source.code,
    name: source.name,
    type: source.type,
    ...(source.legacyType === undefined ? {} : { legacyType: source.legacyType }),
    hostInstitution: source.hostInstitution,
    city: source.city,
    director: source.director,
    yearEstablished: source.yearEstablished,
    field: source.field,
  };
}

function historyEntry(round: AcceptedRound, outcome: AcceptedBaseOutcome): RegistryHistoryEntry {
  const decided = outcome.withdrawn === true ? undefined : outcome.disposition;
  return {
    roundId: round.roundId,
    roundName: round.name,
    year: round.year,
    version: round.version,
    aggregate: outcome.aggregate,
    method: outcome.method,
    grade: outcome.grade,
    ...(decided === undefined ? {} : { disposition: decided }),
    ...(decided !== undefined && outcome.targetType !== undefined
      ? { targetType: outcome.targetType }
      : {}),
    ...(decided === 'merge' && outcome.mergedInto !== undefined
      ? { mergedInto: outcome.mergedInto }
      : {}),
  };
}

const isOut = (base: RegistryBase): boolean =>
  base.status === 'revoked' || base.status === 'merged';

class Fold {
  readonly bases = new Map<string, RegistryBase>();
  readonly events: RegistryEvent[] = [];

  constructor(private readonly options: RegistryOptions) {}

  approve(approval: RegistryApproval): void {
    const held = this.bases.get(approval.code);
    if (held !== undefined && !isOut(held)) return;
    const info = infoOf(approval);
    this.bases.set(approval.code, {
      ...info,
      category: categoryOfType(info.type),
      status: 'active',
      enteredYear: held?.enteredYear ?? approval.year,
      history: held?.history ?? [],
    });
    this.events.push({ year: approval.year, code: approval.code, kind: 'entered', to: info.type });
  }

  apply(round: AcceptedRound): void {
    // One outcome per code (a checked bundle has no two; otherwise the larger base id wins).
    const byCode = new Map<string, AcceptedBaseOutcome>();
    for (const outcome of round.bases) {
      const held = byCode.get(outcome.code);
      if (held === undefined || compareText(outcome.baseId, held.baseId) > 0) {
        byCode.set(outcome.code, outcome);
      }
    }
    const outcomes = [...byCode.values()].sort((a, b) => compareText(a.code, b.code));
    for (const outcome of outcomes) this.applyOutcome(round, outcome);
  }

  private applyOutcome(round: AcceptedRound, outcome: AcceptedBaseOutcome): void {
    let base = this.bases.get(outcome.code);
    const info = infoOf(outcome);
    if (base === undefined) {
      base = {
        ...info,
        category: categoryOfType(info.type),
        status: 'active',
        enteredYear: round.year,
        history: [],
      };
      this.bases.set(outcome.code, base);
      this.event(round, base, 'entered', { to: base.type });
    } else {
      base.name = info.name;
      base.hostInstitution = info.hostInstitution;
      base.city = info.city;
      base.director = info.director;
      base.yearEstablished = info.yearEstablished;
      base.field = info.field;
    }
    base.history.push(historyEntry(round, outcome));
    if (outcome.withdrawn !== true && outcome.disposition !== undefined) {
      this.decide(round, base, outcome);
    }
  }

  private decide(round: AcceptedRound, base: RegistryBase, outcome: AcceptedBaseOutcome): void {
    const from = base.legacyType ?? base.type;
    switch (outcome.disposition) {
      case 'include':
      case 'convert': {
        this.reenter(round, base);
        const target = outcome.targetType ?? base.type;
        if (base.legacyType !== undefined || target !== base.type) {
          base.previousType = from;
          delete base.legacyType;
          base.type = target;
          base.category = categoryOfType(target);
          const kind = outcome.disposition === 'include' ? 'included' : 'converted';
          this.event(round, base, kind, { from, to: target });
        }
        activate(base);
        return;
      }
      case 'keepAdjust':
        this.reenter(round, base);
        activate(base);
        return;
      case 'rectify':
        this.reenter(round, base);
        base.status = 'rectifying';
        delete base.mergedInto;
        base.rectifyUntil = rectifyDeadline(round.closedAt, round.year, this.options.rectifyMonths);
        this.event(round, base, 'rectifying', { from, to: base.type });
        return;
      case 'merge':
        if (base.status === 'merged' && base.mergedInto === outcome.mergedInto) return;
        base.status = 'merged';
        delete base.rectifyUntil;
        if (outcome.mergedInto === undefined) delete base.mergedInto;
        else base.mergedInto = outcome.mergedInto;
        this.event(round, base, 'merged', { from });
        return;
      case 'revoke':
        if (base.status === 'revoked') return;
        base.status = 'revoked';
        delete base.rectifyUntil;
        delete base.mergedInto;
        this.event(round, base, 'revoked', { from });
        return;
      case undefined:
        return;
    }
  }

  /** A decision that keeps a revoked or merged base in the list brings it back. */
  private reenter(round: AcceptedRound, base: RegistryBase): void {
    if (isOut(base)) this.event(round, base, 'entered', { to: base.type });
  }

  private event(
    round: AcceptedRound,
    base: RegistryBase,
    kind: RegistryEvent['kind'],
    move: Pick<RegistryEvent, 'from' | 'to'>,
  ): void {
    this.events.push({ year: round.year, code: base.code, kind, roundId: round.roundId, ...move });
  }
}

function activate(base: RegistryBase): void {
  base.status = 'active';
  delete base.rectifyUntil;
  delete base.mergedInto;
}
