import { z } from "zod";

const SessionMessageSchema = z.discriminatedUnion("type", [
  /** A request succeeded at `at` (local clock): the server saw activity on this session. */
  z.object({ type: z.literal("activity"), at: z.number() }),
  z.object({ type: z.literal("signed-in") }),
  z.object({
    type: z.literal("signed-out"),
    reason: z.enum(["signed-out", "idle", "time-limit", "expired"]),
  }),
]);
export type SessionMessage = z.infer<typeof SessionMessageSchema>;

export type SessionSync = {
  post(message: SessionMessage): void;
  subscribe(listener: (message: SessionMessage) => void): () => void;
  close(): void;
};

const CHANNEL_NAME = "bridgeway-session";

/**
 * Keeps the tabs of one browser in step: they share one session cookie, so activity in one tab
 * keeps the others from warning, and signing out anywhere signs out everywhere.
 */
export function createSessionSync(): SessionSync {
  if (typeof BroadcastChannel === "undefined") return createLocalOnlySync();
  const channel = new BroadcastChannel(CHANNEL_NAME);
  return {
    post(message) {
      channel.postMessage(message);
    },
    subscribe(listener) {
      const handle = (event: MessageEvent) => {
        const parsed = SessionMessageSchema.safeParse(event.data);
        if (parsed.success) listener(parsed.data);
      };
      channel.addEventListener("message", handle);
      return () => channel.removeEventListener("message", handle);
    },
    close() {
      channel.close();
    },
  };
}

/** A sync that goes nowhere, for tests and single-tab use. */
export function createLocalOnlySync(): SessionSync {
  return { post: () => undefined, subscribe: () => () => undefined, close: () => undefined };
}
