import type { DeviceSubscriptionJson } from "./push-api";

/** What this browser can do about notifications, before asking anything. */
export type PushSupport = "unsupported" | "blocked" | "ask" | "granted";

/** The browser's notification and push APIs, behind an interface the tests can replace. */
export interface PushDevice {
  support(): PushSupport;
  /** Asks the person; resolves with what they chose. */
  requestPermission(): Promise<NotificationPermission>;
  /** This browser's current subscription, if it has one. */
  current(): Promise<DeviceSubscriptionJson | null>;
  subscribe(publicKey: string): Promise<DeviceSubscriptionJson>;
  /** Ends this browser's subscription; resolves with the endpoint it had, if any. */
  unsubscribe(): Promise<string | null>;
}

/** VAPID keys travel as unpadded base64url; pushManager wants the bytes. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toJson(subscription: PushSubscription): DeviceSubscriptionJson {
  const json = subscription.toJSON();
  return {
    endpoint: json.endpoint ?? subscription.endpoint,
    expirationTime: json.expirationTime ?? null,
    keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
  };
}

/** The real browser: the service worker's pushManager (the worker is registered in production). */
export function browserPushDevice(): PushDevice {
  // The service worker is registered in production builds only; without one there is no push.
  const registration = async () => {
    const found = await navigator.serviceWorker.getRegistration("/");
    if (!found) throw new Error("no service worker");
    return found;
  };
  return {
    support() {
      if (
        typeof window === "undefined" ||
        !("serviceWorker" in navigator) ||
        !("PushManager" in window) ||
        !("Notification" in window)
      )
        return "unsupported";
      switch (Notification.permission) {
        case "denied":
          return "blocked";
        case "granted":
          return "granted";
        case "default":
          return "ask";
      }
    },
    requestPermission: () => Notification.requestPermission(),
    async current() {
      const found = await (
        await navigator.serviceWorker.getRegistration("/")
      )?.pushManager.getSubscription();
      return found ? toJson(found) : null;
    },
    async subscribe(publicKey) {
      const subscription = await (
        await registration()
      ).pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: base64UrlToBytes(publicKey),
      });
      return toJson(subscription);
    },
    async unsubscribe() {
      const found = await (
        await navigator.serviceWorker.getRegistration("/")
      )?.pushManager.getSubscription();
      if (!found) return null;
      const endpoint = found.endpoint;
      await found.unsubscribe();
      return endpoint;
    },
  };
}

/**
 * On sign-out, this device stops getting the person's notifications: the browser's subscription
 * ends (so the push service refuses further messages) and the server forgets it. Never blocks
 * signing out: whatever fails here, the push service's refusals clean up the rest.
 */
export async function forgetThisDevice(
  unsubscribeOnServer: (endpoint: string) => Promise<void>,
  device: PushDevice = browserPushDevice(),
): Promise<void> {
  if (device.support() !== "granted") return;
  try {
    const endpoint = await device.unsubscribe();
    if (endpoint) await unsubscribeOnServer(endpoint);
  } catch {
    // See above: nothing to tell the person.
  }
}
