import { z } from "zod";

/** What a push notification is about; each has one fixed sentence with no clinical detail. */
export const PUSH_KINDS = ["session-starting", "admitted", "chat-mention", "crisis-alert"] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

// The words of each kind, in each language, are in the server's message catalogue
// (apps/server/src/i18n/messages.ts): one place for everything the server says to a person.

/** Push services' keys are unpadded base64url; browsers give them that way. */
const base64url = (what: string, min: number, max: number) =>
  z
    .string({ error: `Give the subscription's ${what} key.` })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, { error: `The ${what} key must be base64url.` })
    .min(min, { error: `The ${what} key is too short.` })
    .max(max, { error: `The ${what} key is too long.` });

const EndpointSchema = z
  .string({ error: "Give the push service's endpoint." })
  .max(2048, { error: "The endpoint is too long." })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    },
    { error: "The endpoint must be an https URL." },
  );

/** One browser's push subscription, as `PushSubscription.toJSON()` gives it. */
export const PushSubscriptionInputSchema = z.object({
  endpoint: EndpointSchema,
  expirationTime: z.number().nullable().optional(),
  keys: z.object(
    {
      p256dh: base64url("p256dh", 80, 100),
      auth: base64url("auth", 16, 32),
    },
    { error: "Give the subscription's keys." },
  ),
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInputSchema>;

export const PushUnsubscribeInputSchema = z.strictObject({ endpoint: EndpointSchema });
export type PushUnsubscribeInput = z.infer<typeof PushUnsubscribeInputSchema>;

/** The push services browsers use (Chrome/Edge/Android, Firefox, Windows, Safari/iOS). */
const PUSH_SERVICE_HOSTS = [
  "fcm.googleapis.com",
  "push.services.mozilla.com",
  "notify.windows.com",
  "push.apple.com",
];

/**
 * Whether an endpoint belongs to a browser push service: the server posts to it, so anything
 * else (an address inside the clinic's network, say) is refused.
 */
export function isKnownPushService(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    if (url.protocol !== "https:" || url.port !== "") return false;
    return PUSH_SERVICE_HOSTS.some(
      (host) => url.hostname === host || url.hostname.endsWith(`.${host}`),
    );
  } catch {
    return false;
  }
}

/** What the web app needs to subscribe a device. */
export const PushConfigSchema = z.object({ publicKey: z.string() });
export type PushConfigDto = z.infer<typeof PushConfigSchema>;

/**
 * Whether a chat message mentions someone: "@" and their display name, not inside a longer word
 * ("@Sam" mentions Sam, not Samira), case not minding.
 */
export function mentions(body: string, displayName: string): boolean {
  const name = displayName.trim();
  if (name === "") return false;
  const text = body.toLocaleLowerCase();
  const wanted = `@${name.toLocaleLowerCase()}`;
  let at = text.indexOf(wanted);
  while (at !== -1) {
    const after = text.charAt(at + wanted.length);
    if (after === "" || !/[\p{L}\p{N}_]/u.test(after)) return true;
    at = text.indexOf(wanted, at + 1);
  }
  return false;
}
