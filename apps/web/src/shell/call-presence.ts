/**
 * Whether this tab is in a live session (its waiting room or the call itself). The crisis bar
 * reads it: in a call, the safety plan opens over the call instead of navigating away from it,
 * which would end the call.
 */
function createCallPresence() {
  let calls = 0;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    inCall: (): boolean => calls > 0,
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Marks the tab as in a call until the returned function is called (once). */
    enter: (): (() => void) => {
      calls += 1;
      notify();
      let left = false;
      return () => {
        if (left) return;
        left = true;
        calls -= 1;
        notify();
      };
    },
  };
}

export const callPresence = createCallPresence();
