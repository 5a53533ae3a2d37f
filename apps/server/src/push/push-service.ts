import {
  isKnownPushService,
  type Actor,
  type Locale,
  type PushConfigDto,
  type PushKind,
  type PushSubscriptionInput,
} from "@bridgeway/domain";
import webpush from "web-push";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import { badRequest } from "../http/errors";
import { localeOf, messagesFor } from "../i18n/messages";
import type { Logger } from "../logger";
import type { PushRepository, RecipientPushSubscription } from "./push-repository";
import type { VapidKeys } from "./vapid-keys";

type Context = AuditContext & { actor: Actor };

/** Sends one encrypted message to one subscription; web-push's by default. */
export type PushSend = (
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } },
  payload: string,
  options: webpush.RequestOptions,
) => Promise<{ statusCode: number }>;

/**
 * web-push encrypts and signs; the request goes out through fetch, which (unlike web-push's own
 * sender, https only) also reaches the plain-http push service the tests run on loopback.
 */
const sendWithFetch: PushSend = async (subscription, payload, options) => {
  const details = webpush.generateRequestDetails(subscription, payload, options);
  const body = new Uint8Array(details.body);
  const res = await fetch(details.endpoint, {
    method: details.method,
    headers: details.headers as Record<string, string>,
    body,
    signal: AbortSignal.timeout(options.timeout ?? 10_000),
    redirect: "error",
  });
  await res.arrayBuffer().catch(() => undefined);
  if (res.status < 200 || res.status > 299) {
    throw Object.assign(new Error("push service refused the message"), { statusCode: res.status });
  }
  return { statusCode: res.status };
};

/** A notification nobody acts on after this long is dropped by the push service. */
const TTL_SECONDS: Record<PushKind, number> = {
  "session-starting": 15 * 60,
  admitted: 10 * 60,
  "chat-mention": 24 * 60 * 60,
  "crisis-alert": 24 * 60 * 60,
};

/**
 * What the service worker shows: a fixed sentence per kind, in the person's language, and a
 * path in the app, nothing else.
 */
export function pushPayload(kind: PushKind, url: string, locale: Locale = "en"): string {
  const words = messagesFor(locale).push;
  return JSON.stringify({ kind, title: words.title, body: words[kind], url });
}

/**
 * Web Push: people opt in per device; the server tells their devices that something happened,
 * in words that hold no clinical detail (no names, no message text, no session titles).
 */
export function createPushService(deps: {
  repo: PushRepository;
  keys: VapidKeys;
  subject: string;
  audit: AuditLog;
  logger: Logger;
  send?: PushSend;
  /** Tests run their own push service on loopback; everywhere else only browsers' are accepted. */
  anyEndpoint?: boolean;
}) {
  const { repo, keys, subject, audit, logger } = deps;
  const send: PushSend = deps.send ?? sendWithFetch;
  const vapidDetails = { subject, publicKey: keys.publicKey, privateKey: keys.privateKey };

  async function deliver(subscription: RecipientPushSubscription, kind: PushKind, url: string) {
    try {
      await send(
        {
          endpoint: subscription.endpoint,
          keys: { p256dh: subscription.p256dh, auth: subscription.auth },
        },
        pushPayload(kind, url, localeOf(subscription.user)),
        {
          vapidDetails,
          TTL: TTL_SECONDS[kind],
          urgency: kind === "crisis-alert" || kind === "admitted" ? "high" : "normal",
          contentEncoding: "aes128gcm",
          timeout: 10_000,
        },
      );
      return "sent" as const;
    } catch (error) {
      const code = (error as { statusCode?: unknown } | null)?.statusCode;
      const status = typeof code === "number" ? code : undefined;
      if (status === 404 || status === 410) {
        // The browser unsubscribed or the subscription expired: it will never work again.
        await repo.forget(subscription.id);
        return "gone" as const;
      }
      // The endpoint is a capability URL: logged by kind and status only.
      logger.warn({ kind, status: status ?? null }, "push notification failed");
      return "failed" as const;
    }
  }

  return {
    config(): PushConfigDto {
      return { publicKey: keys.publicKey };
    },

    /** Turns notifications on for this device, for the signed-in person. */
    async subscribe(context: Context, input: PushSubscriptionInput): Promise<void> {
      if (!deps.anyEndpoint && !isKnownPushService(input.endpoint)) {
        throw badRequest("That is not a browser's push service.", {
          endpoint: "Use the endpoint the browser's push subscription gives.",
        });
      }
      await audit.change(
        context,
        "create",
        "push-subscription",
        (tx) =>
          repo.save(tx, context.actor.userId, {
            endpoint: input.endpoint,
            p256dh: input.keys.p256dh,
            auth: input.keys.auth,
          }),
        (saved) => saved.id,
      );
    },

    /** Turns notifications off for this device; a device that was not on is no error. */
    async unsubscribe(context: Context, endpoint: string): Promise<void> {
      await audit.change(
        context,
        "delete",
        "push-subscription",
        (tx) => repo.remove(tx, context.actor.userId, endpoint),
        () => undefined,
      );
    },

    /**
     * Tells these people's devices; never throws and never delays the caller's work, since the
     * notice is a courtesy on top of what the app itself shows.
     */
    async notify(userIds: string[], kind: PushKind, url = "/"): Promise<void> {
      try {
        const subscriptions = await repo.forUsers([...new Set(userIds)]);
        if (subscriptions.length === 0) return;
        const outcomes = await Promise.all(subscriptions.map((s) => deliver(s, kind, url)));
        logger.info(
          {
            kind,
            sent: outcomes.filter((o) => o === "sent").length,
            gone: outcomes.filter((o) => o === "gone").length,
            failed: outcomes.filter((o) => o === "failed").length,
          },
          "push notifications sent",
        );
      } catch (error) {
        logger.error({ err: error instanceof Error ? error.name : "error", kind }, "push failed");
      }
    },
  };
}

export type PushService = ReturnType<typeof createPushService>;

/** What other services use: fire and forget. */
export type PushNotify = (userIds: string[], kind: PushKind, url?: string) => void;
