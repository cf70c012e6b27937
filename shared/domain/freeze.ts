// Built-in tables (types, templates, default settings) are shared module-level values;
// freezing them turns an accidental in-place edit into an immediate TypeError instead of
// silently changing every later round. Callers copy before editing (see copyTemplate).

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
