// 在本机继续, step one, pure: which of a lost laptop's sheets this laptop may take over. A
// score bundle of the round and of a panel whose round bundle was opened here is taken
// whole; from a backup (the lost laptop's whole database) only the sheets of the round open
// here whose experts belong to such a panel, with their audit entries, are taken, one part
// per panel. Everything else is refused with one sentence: another kind of bundle, another
// round or panel, or a file this laptop wrote itself.
import type { OpenedBundle } from '../../../shared/bundle/bundle';
import type { ScoresPayload } from '../../../shared/bundle/payload';
import type { Expert, Panel, Round } from '../../../shared/domain/types';
import { continueError } from './continueErrors';
import type { ContinueError } from './continueErrors';

/** What this laptop holds of the round the continue is for. */
export type ContinueTarget = {
  /** The round open here (undefined: not on this laptop). */
  round: Round | undefined;
  /** Its panels whose round bundle was opened here: the only ones that can continue here. */
  panels: readonly Panel[];
  /** The round's experts stored here (for a backup: which panel each sheet belongs to). */
  experts: readonly Expert[];
  /** This laptop's device id; undefined while it has none (it never wrote anything). */
  deviceId: string | undefined;
};

/** The sheets (and their audit entries) of one panel that the file offers. */
export type ContinuePart = { panelId: string; payload: ScoresPayload };

export type Selection = { ok: true; parts: ContinuePart[] } | { ok: false; error: ContinueError };

const refuse = (error: ContinueError): Selection => ({ ok: false, error });

const namesOf = (panels: readonly Panel[]): string => panels.map((p) => p.name).join('、');

export function selectContinuation(
  fileName: string,
  opened: OpenedBundle,
  target: ContinueTarget,
): Selection {
  if (opened.kind !== 'scores' && opened.kind !== 'backup') {
    return refuse(continueError(fileName, 'notContinuable', { kind: opened.kind }));
  }
  const { round, panels } = target;
  if (round === undefined || panels.length === 0) {
    return refuse(continueError(fileName, 'noRoundHere'));
  }
  if (target.deviceId !== undefined && opened.manifest.deviceId === target.deviceId) {
    return refuse(continueError(fileName, 'sameDevice', { deviceId: target.deviceId }));
  }
  const expected = { expected: round.name };
  if (opened.kind === 'scores') {
    const { roundId, panelId } = opened.manifest;
    if (roundId !== round.id) {
      return refuse(continueError(fileName, 'otherRound', { name: roundId, ...expected }));
    }
    if (!panels.some((p) => p.id === panelId)) {
      return refuse(
        continueError(fileName, 'otherPanel', { name: panelId, expected: namesOf(panels) }),
      );
    }
    return { ok: true, parts: [{ panelId, payload: opened.payload }] };
  }

  const { payload } = opened;
  const ofRound = payload.scoresheets.filter((s) => s.roundId === round.id);
  if (ofRound.length === 0 && !payload.rounds.some((r) => r.id === round.id)) {
    const name = payload.rounds.map((r) => r.name).join('、') || (opened.manifest.roundId ?? '—');
    return refuse(continueError(fileName, 'otherRound', { name, ...expected }));
  }
  const panelOfExpert = new Map(target.experts.map((e) => [e.id, e.panelId]));
  const here = new Set(panels.map((p) => p.id));
  const parts: ContinuePart[] = [];
  for (const panel of panels) {
    const sheets = ofRound.filter((s) => panelOfExpert.get(s.expertId) === panel.id);
    if (sheets.length === 0) continue;
    const ids = new Set(sheets.map((s) => s.id));
    const audit = payload.audit.filter((e) => e.roundId === round.id && ids.has(e.entityId));
    parts.push({ panelId: panel.id, payload: { scoresheets: sheets, audit } });
  }
  if (parts.length > 0) return { ok: true, parts };
  if (ofRound.length === 0) return refuse(continueError(fileName, 'nothingToContinue'));
  // The backup's sheets of this round belong to panels not open here: name them as it does.
  const backupPanelOf = new Map(payload.experts.map((e) => [e.id, e.panelId]));
  const panelNames = new Map(payload.panels.map((p) => [p.id, p.name]));
  const theirs = [
    ...new Set(
      ofRound
        .map((s) => backupPanelOf.get(s.expertId) ?? panelOfExpert.get(s.expertId))
        .filter((id): id is string => id !== undefined && !here.has(id))
        .map((id) => panelNames.get(id) ?? id),
    ),
  ];
  return refuse(
    continueError(fileName, 'otherPanel', {
      name: theirs.join('、') || '—',
      expected: namesOf(panels),
    }),
  );
}
