// The assignment options of a round (experts per base, keep existing panels), remembered in
// localStorage per round: the matrix measures each base's coverage against them, so after a
// reload it must still know that the round was assigned with, say, three experts per base.
// A UI preference, like the operator's name; the assignments themselves are in the database.
import { useCallback, useState } from 'react';
import type { AssignOptionsState } from './AutoAssignBar';

const DEFAULTS: AssignOptionsState = { expertsPerBase: null, keepExisting: true };
const keyOf = (roundId: string) => `pinggu.assignmentOptions.${roundId}`;

function read(roundId: string): AssignOptionsState {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(keyOf(roundId)) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return DEFAULTS;
    const k: unknown = Reflect.get(parsed, 'expertsPerBase');
    const keep: unknown = Reflect.get(parsed, 'keepExisting');
    return {
      expertsPerBase: typeof k === 'number' && Number.isInteger(k) && k >= 1 ? k : null,
      keepExisting: typeof keep === 'boolean' ? keep : DEFAULTS.keepExisting,
    };
  } catch {
    return DEFAULTS;
  }
}

export function useAssignOptions(
  roundId: string,
): [AssignOptionsState, (next: AssignOptionsState) => void] {
  const [options, setOptions] = useState(() => read(roundId));
  const update = useCallback(
    (next: AssignOptionsState) => {
      setOptions(next);
      try {
        window.localStorage.setItem(keyOf(roundId), JSON.stringify(next));
      } catch {
        // Storage may be unavailable (private mode); the choice then lasts for this view.
      }
    },
    [roundId],
  );
  return [options, update];
}
