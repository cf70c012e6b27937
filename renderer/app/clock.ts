// The renderer's real clock and id generator, injected into repositories and domain code
// (which never read the time or generate ids themselves).
export const systemClock = { now: (): string => new Date().toISOString() };

export const newId = (): string => crypto.randomUUID();
