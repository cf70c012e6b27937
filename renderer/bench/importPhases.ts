// phases (?bench=phases&set=S&runs=3&warmup=1): where our import's time goes, for the README's
// breakdown. Per iteration, from a fresh database holding the roster, every score bundle goes
// through the app's pipeline with the time of each step summed over the bundles:
//   open     openBundle (limits, hashes, signature, inflate, JSON, schemas);
//   preview  the rest of prepareImport (the snapshot read, the plan, the preview), of which
//            previewRead is the snapshot read (readLocalState) alone;
//   reread   what the commit repeats of it: the same read and plan in a read-write
//            transaction of all tables, as the commit's own begins (timed apart, before it);
//   commit   commitImport (its one read-write transaction: the read and plan again, the
//            writes, strict durability), so commit − reread ≈ the writes and the flush.
// The same iteration then times parts of `open` on their own, over the same bytes:
//   container  unzip of the outer zip and SHA-256 of payload.zip;
//   signature  Ed25519 verification of the manifest;
//   payload    inflate and JSON.parse of the payload entries;
//   schemas    zod validation of the parsed payloads (validatePayload).
// The parts are timed apart from the pipeline, so they add up to about `open`, not exactly.
import { unzipSync } from 'fflate';
import { openBundle } from '../../shared/bundle/bundle';
import { sha256Hex, verifyManifestSignature } from '../../shared/bundle/bundleCrypto';
import { fromBase64 } from '../../shared/bundle/encoding';
import { parseJsonBytes } from '../../shared/bundle/json';
import { validatePayload } from '../../shared/bundle/validation';
import { analyse, previewOf } from '../db/bundles/analyse';
import { commitImport } from '../db/bundles/commitImport';
import { readLocalState } from '../db/bundles/localState';
import type { PingguDatabase } from '../db/database';
import { loadBenchSet, sumOf } from './benchData';
import type { BenchFile } from './benchData';
import { freshDatabase, putRoster } from './importRuns';

const DB_NAME = 'pinggu-bench-phases';
const IMPORT_TIME = '2024-06-01T08:00:00.000Z';
const crypto = globalThis.crypto;

type Phases = Record<
  | 'open'
  | 'preview'
  | 'previewRead'
  | 'reread'
  | 'commit'
  | 'container'
  | 'signature'
  | 'payload'
  | 'schemas',
  number
>;

const entry = (entries: Record<string, Uint8Array>, name: string): Uint8Array => {
  const found = entries[name];
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
};

async function pipeline(db: PingguDatabase, files: readonly BenchFile[], phases: Phases) {
  let id = 0;
  for (const file of files) {
    const t0 = performance.now();
    const opened = await openBundle(file.bytes, { crypto, expectedKinds: ['scores'] });
    const t1 = performance.now();
    if (!opened.ok) throw new Error(`${file.name}: ${opened.error.code}`);
    if (opened.kind !== 'scores') throw new Error(`${file.name}: not a score bundle`);
    const local = await readLocalState(db, opened);
    const t1b = performance.now();
    const analysed = analyse(file.name, opened, local, {
      now: opened.manifest.createdAt,
      importId: 'preview',
    });
    if (!analysed.ok) throw new Error(`${file.name}: ${analysed.error.messageEn}`);
    const preview = previewOf(file.name, opened, analysed.analysis);
    const t2 = performance.now();
    await db.transaction('rw', db.tables, async () => {
      const again = analyse(file.name, opened, await readLocalState(db, opened), {
        now: IMPORT_TIME,
        importId: 'reread',
      });
      if (!again.ok) throw new Error(`${file.name}: ${again.error.messageEn}`);
    });
    const t2b = performance.now();
    const committed = await commitImport(
      db,
      { fileName: file.name, opened, preview },
      {
        actor: '秘书处 基准测试',
        clock: { now: () => IMPORT_TIME },
        newId: () => `bench-phases-${(id += 1)}`,
        acceptNewKey: preview.key.status === 'newDevice',
      },
    );
    const t3 = performance.now();
    if (!committed.ok) throw new Error(`${file.name}: ${committed.error.messageEn}`);
    phases.open += t1 - t0;
    phases.preview += t2 - t1;
    phases.previewRead += t1b - t1;
    phases.reread += t2b - t2;
    phases.commit += t3 - t2b;
  }
}

async function parts(files: readonly BenchFile[], phases: Phases) {
  for (const file of files) {
    const t0 = performance.now();
    const outer = unzipSync(file.bytes);
    const container = entry(outer, 'payload.zip');
    await sha256Hex(crypto, container);
    const t1 = performance.now();
    const manifestBytes = entry(outer, 'manifest.json');
    const signature = JSON.parse(new TextDecoder().decode(entry(outer, 'signature.json'))) as {
      publicKey: string;
      signature: string;
    };
    const key = fromBase64(signature.publicKey);
    const sig = fromBase64(signature.signature);
    if (!key || !sig) throw new Error('bad signature file');
    if (!(await verifyManifestSignature(crypto, key, manifestBytes, sig))) {
      throw new Error('signature does not verify');
    }
    const t2 = performance.now();
    const inner = unzipSync(container);
    const raw = {
      scoresheets: parseJsonBytes(entry(inner, 'scoresheets.json')),
      audit: parseJsonBytes(entry(inner, 'audit.json')),
    };
    if (!raw.scoresheets.ok || !raw.audit.ok) throw new Error('bad payload JSON');
    const t3 = performance.now();
    const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as { roundId: string };
    const valid = validatePayload('scores', manifest.roundId, {
      scoresheets: raw.scoresheets.value,
      audit: raw.audit.value,
    });
    const t4 = performance.now();
    if (!valid.ok) throw new Error(`${file.name}: ${valid.error.code}`);
    phases.container += t1 - t0;
    phases.signature += t2 - t1;
    phases.payload += t3 - t2;
    phases.schemas += t4 - t3;
  }
}

export async function phasesBench(params: URLSearchParams) {
  const set = params.get('set') ?? '';
  const warmup = Number(params.get('warmup') ?? 1);
  const runs = Number(params.get('runs') ?? 3);
  const data = await loadBenchSet(set);
  const iterations: Phases[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    const phases: Phases = {
      open: 0,
      preview: 0,
      previewRead: 0,
      reread: 0,
      commit: 0,
      container: 0,
      signature: 0,
      payload: 0,
      schemas: 0,
    };
    const db = await freshDatabase(DB_NAME);
    await putRoster(db, data.rounds);
    await pipeline(db, data.scores, phases);
    db.close();
    await parts(data.scores, phases);
    iterations.push(phases);
    console.info(`[bench] phases ${i + 1}/${warmup + runs}: ${JSON.stringify(phases)}`);
  }
  return {
    name: 'phases',
    warmup,
    panels: data.files.length,
    sheets: sumOf(data.files, 'sheets'),
    runs: iterations,
  };
}
