/**
 * The question "confirm it is you" as a small store: the API client asks (and waits), the dialog
 * shows while a question is open and answers it. Requests that need it at the same time share
 * one question.
 */
export function createReauthPrompt() {
  const listeners = new Set<() => void>();
  let open: { promise: Promise<boolean>; resolve: (confirmed: boolean) => void } | null = null;

  function notify(): void {
    for (const listener of listeners) listener();
  }

  return {
    /** Resolves true once the person confirmed, false when they cancelled. */
    ask(): Promise<boolean> {
      if (open) return open.promise;
      let resolve: (confirmed: boolean) => void = () => undefined;
      const promise = new Promise<boolean>((r) => {
        resolve = r;
      });
      open = { promise, resolve };
      notify();
      return promise;
    },

    answer(confirmed: boolean): void {
      const current = open;
      open = null;
      current?.resolve(confirmed);
      notify();
    },

    // Arrow functions: React's useSyncExternalStore calls these detached from the object.
    isOpen: (): boolean => open !== null,

    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ReauthPrompt = ReturnType<typeof createReauthPrompt>;
