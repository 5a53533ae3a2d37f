import { z } from "zod";

const SignInMessageSchema = z.discriminatedUnion("type", [
  /** A request succeeded at `at` (local clock): the server saw activity on this sign-in. */
  z.object({ type: z.literal("activity"), at: z.number() }),
  z.object({ type: z.literal("signed-in") }),
  z.object({
    type: z.literal("signed-out"),
    reason: z.enum(["signed-out", "idle", "time-limit", "expired"]),
  }),
]);
export type SignInMessage = z.infer<typeof SignInMessageSchema>;

export type SignInSync = {
  post(message: SignInMessage): void;
  subscribe(listener: (message: SignInMessage) => void): () => void;
  close(): void;
};

const CHANNEL_NAME = "bridgeway-session";

/**
 * Keeps the tabs of one browser in step: they share one sign-in cookie, so activity in one tab
 * keeps the others from warning, and signing out anywhere signs out everywhere.
 */
export function createSignInSync(): SignInSync {
  if (typeof BroadcastChannel === "undefined") return createLocalOnlySync();
  const channel = new BroadcastChannel(CHANNEL_NAME);
  return {
    post(message) {
      channel.postMessage(message);
    },
    subscribe(listener) {
      const handle = (event: MessageEvent) => {
        const parsed = SignInMessageSchema.safeParse(event.data);
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
export function createLocalOnlySync(): SignInSync {
  return { post: () => undefined, subscribe: () => () => undefined, close: () => undefined };
}
