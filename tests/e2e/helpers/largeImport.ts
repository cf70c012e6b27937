// Node side of the crash drill: a large round as a secretariat holds it (a backup bundle of
// its roster) and a panel laptop's score bundle for it, written with the real createBundle:
// `bases` A1 laboratories, each scored by 5 of 7 experts on every indicator, one record per
// scoresheet. Also the page-side digest: every object store of the app's IndexedDB read in
// one transaction, SHA-256 of its keys and records, and its record count.
import { createBundle } from '../../../shared/bundle/bundle';
import { generateSigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import { formatHlc } from '../../../shared/domain/hlc';
import { builtinTemplateForType, secondaryIndicators } from '../../../shared/domain/templates';
import type { Scoresheet } from '../../../shared/domain/types';
import {
  buildAssignment,
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
} from '../../helpers/builders';

const CREATED_AT = '2024-05-12T08:00:00.000Z';

export type LargeImport = { roster: Uint8Array; scores: Uint8Array; sheets: number };

export async function largeImport(bases: number): Promise<LargeImport> {
  const crypto = globalThis.crypto;
  const round = buildRound({ status: 'issued', name: '崩溃演练轮次' });
  const panel = buildPanel(round.id, { name: '演练组' });
  const experts = Array.from({ length: 7 }, (_, i) =>
    buildExpert(round.id, panel.id, { name: `专家${i + 1}` }),
  );
  const template = builtinTemplateForType('A1');
  const indicators = secondaryIndicators(template);
  const baseList = Array.from({ length: bases }, (_, i) =>
    buildBase(round.id, { panelId: panel.id, name: `演练第${i + 1}号重点实验室` }),
  );
  const pairs = baseList.flatMap((base, i) =>
    [0, 1, 2, 3, 4].map((k) => ({ base, expert: experts[(i + k) % experts.length] })),
  );
  const assignments = pairs.flatMap(({ base, expert }) =>
    expert ? [buildAssignment(base, expert)] : [],
  );
  const ms = Date.parse(CREATED_AT);
  const scoresheets = pairs.flatMap(({ base, expert }, n): Scoresheet[] =>
    expert
      ? [
          buildScoresheet(base, expert, {
            scores: Object.fromEntries(
              indicators.map((s, j) => [
                s.id,
                Math.round(s.maxPoints * (1.2 + ((n + j) % 7) / 10)) / 2,
              ]),
            ),
            overallComment: '总体良好，建议保留。',
            revision: 3,
            deviceId: 'drill-laptop',
            hlc: formatHlc({ ms: ms + n, counter: 0, deviceId: 'drill-laptop' }),
          }),
        ]
      : [],
  );
  const common = { appVersion: '0.1.0', createdAt: CREATED_AT, crypto };
  const roster = await createBundle({
    ...common,
    kind: 'backup',
    roundId: round.id,
    deviceId: 'drill-secretariat',
    signer: await generateSigningKeyPair(crypto),
    payload: {
      rounds: [round],
      templates: [template],
      bases: baseList,
      panels: [panel],
      experts,
      assignments,
      scoresheets: [],
      decisions: [],
      changes: [],
      registryRounds: [],
      registryApprovals: [],
      registryHistory: [],
      conflicts: [],
      imports: [],
      audit: [],
      settings: [
        { key: 'deviceId', value: 'drill-secretariat' },
        { key: 'currentRoundId', value: round.id },
      ],
    },
  });
  const scores = await createBundle({
    ...common,
    kind: 'scores',
    roundId: round.id,
    panelId: panel.id,
    deviceId: 'drill-laptop',
    signer: await generateSigningKeyPair(crypto),
    payload: { scoresheets, audit: [] },
  });
  return { roster, scores, sheets: scoresheets.length };
}

export type StoreDigest = { count: number; sha256: string };
export type PageDigest = Record<string, StoreDigest> | 'missing';

/**
 * Runs in the page: every object store of IndexedDB `name`, read in ONE transaction (so the
 * state is one committed state), as { store: { count, sha256 } }; 'missing' when there is
 * no such database.
 */
export async function digestInPage(name: string): Promise<PageDigest> {
  const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
    const request = indexedDB.open(name);
    let created = false;
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => (created ? resolve(null) : reject(request.error));
  });
  if (db === null) return 'missing';
  const names = [...db.objectStoreNames].sort();
  const tx = db.transaction(names, 'readonly');
  const read = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const stores = await Promise.all(
    names.map((store) =>
      Promise.all([read(tx.objectStore(store).getAllKeys()), read(tx.objectStore(store).getAll())]),
    ),
  );
  db.close();
  const result: Record<string, StoreDigest> = {};
  for (const [i, [keys, values]] of stores.entries()) {
    const bytes = new TextEncoder().encode(JSON.stringify([keys, values]));
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
    result[names[i] ?? '?'] = { count: values.length, sha256: hex };
  }
  return result;
}
