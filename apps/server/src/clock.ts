/** Source of the current time; tests pass their own to move time without waiting. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
