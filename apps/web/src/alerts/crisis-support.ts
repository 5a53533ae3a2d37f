/**
 * The server's "help is one tap away" for a participant who wrote crisis language
 * (`crisis:support`). Kept outside any one page, so it stays on screen when the person moves
 * between chat and forums, and tied to the person it was for, so nobody else signed in on this
 * browser later sees it.
 */
export type CrisisSupport = {
  userId: string;
  crisisLine: string;
  safetyPlanPath: string;
  /** Bumped on each new event, so the panel takes focus again. */
  seq: number;
};

let current: CrisisSupport | null = null;
let seq = 0;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export const crisisSupport = {
  show(userId: string, payload: { crisisLine: string; safetyPlanPath: string }): void {
    seq += 1;
    current = {
      userId,
      crisisLine: payload.crisisLine,
      safetyPlanPath: payload.safetyPlanPath,
      seq,
    };
    notify();
  },
  close(): void {
    current = null;
    notify();
  },
  get: (): CrisisSupport | null => current,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** A safety-plan link only to a path inside this site, whatever the event carried. */
export function safeInternalPath(path: string, fallback: string): string {
  return /^\/(?!\/)[\w\-./?=&#%]*$/.test(path) ? path : fallback;
}
