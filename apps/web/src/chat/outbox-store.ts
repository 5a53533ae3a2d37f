import { z } from "zod";

/**
 * Messages written on this device that the server has not confirmed, kept in localStorage per
 * person and room, so a reload or a crash of the tab does not lose them: they are sent again
 * (with the same client id, so stored once) when the room opens and the connection is up.
 * Cleared when the person signs out, so the next person on this device never sees them.
 */
export type StoredOutboxEntry = { clientId: string; body: string; writtenAt: string };

export interface OutboxStore {
  load(): StoredOutboxEntry[];
  save(entries: readonly StoredOutboxEntry[]): void;
}

const PREFIX = "bw:chat-outbox:";

const StoredSchema = z.array(
  z.object({ clientId: z.string().min(1), body: z.string(), writtenAt: z.string() }),
);

function storageOrNull(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Storage can be refused (privacy settings); the outbox then lives only in memory.
    return null;
  }
}

/** The outbox of one person in one room, in this browser's localStorage. */
export function localOutboxStore(
  userId: string,
  roomKey: string,
  storage: Storage | null = storageOrNull(),
): OutboxStore {
  const key = `${PREFIX}${userId}:${roomKey}`;
  return {
    load() {
      if (!storage) return [];
      let raw: unknown;
      try {
        raw = JSON.parse(storage.getItem(key) ?? "[]");
      } catch {
        return [];
      }
      const parsed = StoredSchema.safeParse(raw);
      return parsed.success ? parsed.data : [];
    },
    save(entries) {
      if (!storage) return;
      try {
        if (entries.length === 0) storage.removeItem(key);
        else
          storage.setItem(
            key,
            JSON.stringify(
              entries.map(({ clientId, body, writtenAt }) => ({ clientId, body, writtenAt })),
            ),
          );
      } catch {
        // Full or refused: the message is still on screen and still retried while the page lives.
      }
    },
  };
}

/** Forgets every unsent message kept on this device (on sign-out). */
export function clearChatOutboxes(storage: Storage | null = storageOrNull()): void {
  if (!storage) return;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}

/** An outbox that keeps nothing beyond the page (tests, or no storage). */
export function memoryOutboxStore(initial: StoredOutboxEntry[] = []): OutboxStore & {
  entries: StoredOutboxEntry[];
} {
  const store = {
    entries: [...initial],
    load: () => [...store.entries],
    save: (entries: readonly StoredOutboxEntry[]) => {
      store.entries = entries.map(({ clientId, body, writtenAt }) => ({
        clientId,
        body,
        writtenAt,
      }));
    },
  };
  return store;
}
