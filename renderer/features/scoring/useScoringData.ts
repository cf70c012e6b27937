// Live reads the scoring screens need beyond db/hooks.ts. Each returns undefined while
// loading; "not there" is null.
import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import { db } from '../../db/instance';
import { findScoresheet, listAuditOfEntity } from '../../db/queries';
import { getSetting } from '../../db/repositories/settingsRepository';
import { getExpertPins } from '../../db/repositories/expertPinRepository';
import type { ExpertPins } from '../../db/repositories/expertPinRepository';
import type {
  AuditEntry,
  Expert,
  IndicatorTemplate,
  Scoresheet,
} from '../../../shared/domain/types';
import { getUnlockedExpertId, subscribeUnlocked } from './expertSession';
import { hasPin } from './pin';

/** Every stored indicator system by id (there are few). */
export function useTemplateMap(): ReadonlyMap<string, IndicatorTemplate> | undefined {
  return useLiveQuery(async () => {
    const templates = await db.templates.toArray();
    return new Map(templates.map((t) => [t.id, t]));
  }, []);
}

export function useExpertPins(): ExpertPins | undefined {
  return useLiveQuery(() => getExpertPins(db), []);
}

/**
 * The expert's sheet for a base (null: not started). A result still belonging to a
 * previous expert or base counts as loading, so a screen never starts from the wrong one.
 */
export function useStoredSheet(expertId: string, baseId: string): Scoresheet | null | undefined {
  const result = useLiveQuery(
    async () => ({
      expertId,
      baseId,
      sheet: (await findScoresheet(db, expertId, baseId)) ?? null,
    }),
    [expertId, baseId],
  );
  return result?.expertId === expertId && result.baseId === baseId ? result.sheet : undefined;
}

export function useSheetAudit(sheetId: string | undefined): AuditEntry[] | undefined {
  return useLiveQuery(
    () => (sheetId === undefined ? [] : listAuditOfEntity(db, sheetId)),
    [sheetId],
  );
}

export type CurrentExpert =
  | { kind: 'loading' }
  | { kind: 'none' }
  /** Chosen, but protected by a PIN not yet entered in this window. */
  | { kind: 'locked'; expert: Expert }
  | { kind: 'ready'; expert: Expert };

/** The expert this laptop is scoring as, among `experts` (the current round's). */
export function useCurrentExpert(experts: readonly Expert[] | undefined): CurrentExpert {
  const chosenId = useLiveQuery(async () => (await getSetting(db, 'currentExpertId')) ?? null, []);
  const pins = useExpertPins();
  const unlockedId = useSyncExternalStore(subscribeUnlocked, getUnlockedExpertId);
  if (experts === undefined || chosenId === undefined || pins === undefined) {
    return { kind: 'loading' };
  }
  const expert = experts.find((e) => e.id === chosenId);
  if (!expert) return { kind: 'none' };
  if (hasPin(pins[expert.id]) && unlockedId !== expert.id) return { kind: 'locked', expert };
  return { kind: 'ready', expert };
}
