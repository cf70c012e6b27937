// One pure step from an opened bundle and the local state to everything an import would do:
// the key check, the plan of writes and the preview. prepareImport runs it on a snapshot;
// commitImport runs it again inside its transaction on what is stored then, so the two can
// only differ when the database changed in between (and then the commit is what is true).
import { splitBackupSettings, backupRecordCounts } from './backup';
import type { BackupRecords } from './backup';
import type { ImportError } from './importErrors';
import type { LocalState, RosterState, ScoresState } from './localState';
import { planRoster } from './rosterPlan';
import type { RosterPlan } from './rosterPlan';
import { planScores } from './scoresPlan';
import type { ScoresPlan } from './scoresPlan';
import { checkKey, keyBlocking } from './trustedKeys';
import type { ImportableBundle, ImportPreview, KeyCheck } from './types';

export type Analysis =
  | { kind: 'scores'; key: KeyCheck; plan: ScoresPlan; state: ScoresState }
  | { kind: 'round' | 'result'; key: KeyCheck; plan: RosterPlan; state: RosterState }
  | { kind: 'backup'; key: KeyCheck; records: BackupRecords };

export type AnalyseDeps = { now: string; importId: string };

type Analysed = { ok: true; analysis: Analysis } | { ok: false; error: ImportError };

export function analyse(
  fileName: string,
  opened: ImportableBundle,
  local: LocalState,
  deps: AnalyseDeps,
): Analysed {
  if (opened.kind === 'backup' || local.kind === 'backup') {
    if (opened.kind !== 'backup') throw new Error('local state of another kind');
    const split = splitBackupSettings(fileName, opened.payload);
    if (!split.ok) return split;
    return {
      ok: true,
      analysis: { kind: 'backup', key: checkKey(opened, []), records: split.records },
    };
  }
  if (opened.kind === 'scores' || local.kind === 'scores') {
    if (opened.kind !== 'scores' || local.kind !== 'scores') {
      throw new Error('local state of another kind');
    }
    const planned = planScores(fileName, opened, local.state, deps);
    if (!planned.ok) return planned;
    const key = checkKey(opened, local.state.pins);
    return { ok: true, analysis: { kind: 'scores', key, plan: planned.plan, state: local.state } };
  }
  const key = checkKey(opened, local.state.pins);
  const planned = planRoster(fileName, opened, local.state, {
    now: deps.now,
    fingerprint: opened.signer.fingerprint,
  });
  if (!planned.ok) return planned;
  return {
    ok: true,
    analysis: { kind: opened.kind, key, plan: planned.plan, state: local.state },
  };
}

/** What the import screen shows before anything is written. */
export function previewOf(
  fileName: string,
  opened: ImportableBundle,
  analysis: Analysis,
): ImportPreview {
  const { manifest } = opened;
  const blocking = keyBlocking(fileName, opened, analysis.key);
  const common = {
    kind: opened.kind,
    fileName,
    createdAt: manifest.createdAt,
    encrypted: manifest.encryption !== undefined,
    key: analysis.key,
    ...(blocking === undefined ? {} : { blocking }),
  };
  switch (analysis.kind) {
    case 'backup':
      return {
        ...common,
        ...(manifest.roundId === undefined ? {} : { roundId: manifest.roundId }),
        unchanged: false,
        backup: { records: backupRecordCounts(analysis.records), createdAt: manifest.createdAt },
      };
    case 'scores': {
      const { state, plan } = analysis;
      const panelId = opened.kind === 'scores' ? opened.manifest.panelId : undefined;
      const panel = state.panels.find((p) => p.id === panelId);
      return {
        ...common,
        roundId: manifest.roundId ?? '',
        ...(state.round ? { roundName: state.round.name } : {}),
        ...(panelId === undefined ? {} : { panelId, panelName: panel?.name ?? panelId }),
        unchanged: !plan.changesData && analysis.key.status === 'pinned',
        sheets: plan.preview,
      };
    }
    case 'round':
    case 'result': {
      const payload =
        opened.kind === 'round' || opened.kind === 'result' ? opened.payload : undefined;
      const panelId = opened.kind === 'round' ? opened.manifest.panelId : undefined;
      const panel = payload?.panels.find((p) => p.id === panelId);
      const { plan } = analysis;
      return {
        ...common,
        roundId: manifest.roundId ?? '',
        ...(payload ? { roundName: payload.round.name } : {}),
        ...(panelId === undefined ? {} : { panelId, panelName: panel?.name ?? panelId }),
        unchanged: !plan.changesData && analysis.key.status === 'pinned',
        roster: plan.roster,
        ...(plan.archive ? { archive: plan.archive } : {}),
      };
    }
  }
}
