// fast-check arbitraries for merge property tests: a panel of 2–4 laptops editing copies of
// one expert's sheet for one base, exchanging copies now and then (a laptop that receives a
// concurrent copy has a person resolve it there), and exporting score bundles along the way.
// Some laptops may create their own sheet under another id; the shared sheet may be older
// data without a version vector.
import fc from 'fast-check';
import type { ConflictRecord, Scoresheet } from '../../shared/domain/types';
import { resolveConflict } from '../../shared/sync/resolveConflict';
import { compareVersions } from '../../shared/sync/versions';
import { T0, edit, freshSheet, iso, laptop } from './syncBuilders';
import type { Laptop } from './syncBuilders';

export type LaptopOp =
  | { kind: 'score'; device: number; indicator: number; value: number }
  | { kind: 'comment'; device: number; text: string }
  | { kind: 'submit'; device: number }
  | { kind: 'reopen'; device: number }
  | { kind: 'recuse'; device: number }
  | { kind: 'exchange'; from: number; to: number; choice: 'local' | 'incoming' }
  | { kind: 'export'; device: number };

export type PanelScript = {
  laptops: number;
  /** Laptop i > 0 creates its own sheet (another id) instead of receiving the shared one. */
  ownSheet: boolean[];
  /** The shared sheet is older data: revision 3 and no version vector. */
  legacyStart: boolean;
  ops: LaptopOp[];
};

const device = fc.nat({ max: 3 });

const opArb: fc.Arbitrary<LaptopOp> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('score' as const),
      device,
      indicator: fc.nat({ max: 2 }),
      value: fc.nat({ max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('comment' as const),
      device,
      text: fc.constantFrom('', '良好', '需整改'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('submit' as const), device }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reopen' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recuse' as const), device }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('exchange' as const),
      from: device,
      to: device,
      choice: fc.constantFrom('local' as const, 'incoming' as const),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('export' as const), device }) },
);

export const panelScriptArb: fc.Arbitrary<PanelScript> = fc.record({
  laptops: fc.integer({ min: 2, max: 4 }),
  ownSheet: fc.array(
    fc.nat({ max: 4 }).map((n) => n === 0),
    { minLength: 4, maxLength: 4 },
  ),
  legacyStart: fc.boolean(),
  ops: fc.array(opArb, { maxLength: 24 }),
});

const INDICATORS = ['A1.1.1', 'A1.1.2', 'A1.2.1'];

function withoutKeys(sheet: Scoresheet, keys: Array<'versions' | 'submittedAt'>): Scoresheet {
  const copy = { ...sheet };
  for (const key of keys) delete copy[key];
  return copy;
}

/** Runs the script; returns every exported copy, in export order, then each laptop's last copy. */
export function runPanel(script: PanelScript, expertId: string): Scoresheet[] {
  const laptops: Laptop[] = Array.from({ length: script.laptops }, (_, i) =>
    laptop(`laptop-${i}`, T0 + i * 7000),
  );
  const shared = freshSheet({ id: `${expertId}-sheet`, expertId, deviceId: 'laptop-0' });
  const start = script.legacyStart
    ? withoutKeys({ ...shared, revision: 3, scores: { 'A1.1.1': 1 } }, ['versions'])
    : shared;
  const copies = laptops.map((lp, i) =>
    i > 0 && script.ownSheet[i]
      ? freshSheet({ id: `${expertId}-sheet-${i}`, expertId, deviceId: lp.deviceId })
      : start,
  );
  const exported: Scoresheet[] = [];
  const at = (i: number): [Scoresheet, Laptop] | undefined => {
    const copy = copies[i % copies.length];
    const lp = laptops[i % laptops.length];
    return copy && lp ? [copy, lp] : undefined;
  };

  for (const op of script.ops) {
    const target = at(op.kind === 'exchange' ? op.to : op.device);
    if (!target) continue;
    const [copy, lp] = target;
    const index = (op.kind === 'exchange' ? op.to : op.device) % copies.length;
    const editable = copy.recusal === undefined && copy.status === 'draft';
    let next: Scoresheet | undefined;
    switch (op.kind) {
      case 'score': {
        const id = INDICATORS[op.indicator] ?? 'A1.1.1';
        if (editable && copy.scores[id] !== op.value) {
          next = edit(copy, lp, { scores: { ...copy.scores, [id]: op.value } });
        }
        break;
      }
      case 'comment':
        if (editable && copy.overallComment !== op.text) {
          next = edit(copy, lp, { overallComment: op.text });
        }
        break;
      case 'submit':
        if (editable && Object.keys(copy.scores).length > 0) {
          const submitted = edit(copy, lp, { status: 'submitted' });
          next = { ...submitted, submittedAt: submitted.updatedAt };
        }
        break;
      case 'reopen':
        if (copy.recusal === undefined && copy.status === 'submitted') {
          next = withoutKeys(edit(copy, lp, { status: 'draft' }), ['submittedAt']);
        }
        break;
      case 'recuse':
        if (editable) {
          const recusal = {
            reason: '曾指导该基地负责人',
            source: 'declared' as const,
            at: iso(T0),
          };
          next = edit(copy, lp, { scores: {}, comments: {}, overallComment: '', recusal });
        }
        break;
      case 'exchange': {
        const incoming = copies[op.from % copies.length];
        if (!incoming) break;
        lp.receive(incoming.hlc);
        const order = compareVersions(incoming, copy);
        if (order === 'descends') next = incoming;
        if (order === 'concurrent') next = resolveOnLaptop(copy, incoming, op.choice, lp);
        break;
      }
      case 'export':
        exported.push(copy);
        break;
    }
    if (next) copies[index] = next;
  }
  return [...exported, ...copies];
}

function resolveOnLaptop(
  local: Scoresheet,
  incoming: Scoresheet,
  choice: 'local' | 'incoming',
  lp: Laptop,
): Scoresheet {
  const stamp = lp.stamp();
  const conflict: ConflictRecord = {
    id: 'on-laptop',
    roundId: local.roundId,
    scoresheetId: local.id,
    local,
    incoming,
    detectedAt: stamp.now,
    sourceImportId: 'on-laptop',
  };
  return resolveConflict(conflict, choice, stamp);
}

/** Import orders over n bundles: a permutation from `keys`, then `repeats` inserted. */
export function importOrder(
  n: number,
  keys: readonly number[],
  repeats: readonly number[],
): number[] {
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (keys[a % keys.length] ?? 0) - (keys[b % keys.length] ?? 0) || a - b,
  );
  for (const r of repeats) order.splice((r * 7) % (order.length + 1), 0, r % n);
  return order;
}

export const importOrderArb = fc.record({
  keys: fc.array(fc.integer(), { minLength: 1, maxLength: 64 }),
  repeats: fc.array(fc.nat(), { maxLength: 6 }),
});
