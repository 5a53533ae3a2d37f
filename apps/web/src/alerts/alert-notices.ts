import type { CrisisAlertDto } from "@bridgeway/domain";

type Notice = { userId: string; alert: CrisisAlertDto };

/**
 * The crisis alerts a clinician has been told of on this page and not yet seen to. A notice
 * stays until they hide it or the alert is acknowledged (here or by a colleague). Tied to the
 * person signed in, so nobody signed in later on this browser sees it.
 */
function createAlertNotices() {
  let notices: Notice[] = [];
  let snapshot: readonly CrisisAlertDto[] = [];
  let snapshotFor: string | null = null;
  const listeners = new Set<() => void>();

  function changed(): void {
    snapshotFor = null;
    for (const listener of listeners) listener();
  }

  return {
    /** An `alert:crisis` event: an open alert is shown, an acknowledged one goes away. */
    receive(userId: string, alert: CrisisAlertDto): void {
      const others = notices.filter((n) => n.alert.id !== alert.id);
      notices = alert.acknowledged === null ? [{ userId, alert }, ...others] : others;
      changed();
    },
    remove(alertId: string): void {
      if (!notices.some((n) => n.alert.id === alertId)) return;
      notices = notices.filter((n) => n.alert.id !== alertId);
      changed();
    },
    clear(): void {
      notices = [];
      changed();
    },
    /** Newest first, for `userId` only. The same array until something changes. */
    forUser(userId: string): readonly CrisisAlertDto[] {
      if (snapshotFor !== userId) {
        snapshot = notices.filter((n) => n.userId === userId).map((n) => n.alert);
        snapshotFor = userId;
      }
      return snapshot;
    },
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const alertNotices = createAlertNotices();
