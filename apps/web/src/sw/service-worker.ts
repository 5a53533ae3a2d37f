/**
 * Bridgeway's service worker, built to /sw.js (see vite.config.ts). It precaches the app shell of
 * its build and answers nothing else from a cache: API and realtime requests always go to the
 * network and are never stored. It also shows push notifications, whose text never holds
 * clinical detail.
 */
import {
  SHELL_PATH,
  parsePushMessage,
  routeRequest,
  shellCacheName,
  shouldNotify,
} from "./sw-routing";

// The DOM library does not describe a service worker's global scope; these are the parts used.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface PushEvent extends ExtendableEvent {
  data: { text(): string } | null;
}
interface WindowClientLike {
  url: string;
  visibilityState: DocumentVisibilityState;
  focus(): Promise<unknown>;
  navigate(url: string): Promise<unknown>;
}
interface NotificationEvent extends ExtendableEvent {
  notification: Notification & { data: unknown };
}
interface ServiceWorkerScope {
  location: Location;
  registration: ServiceWorkerRegistration;
  clients: {
    matchAll(options: {
      type: "window";
      includeUncontrolled: boolean;
    }): Promise<WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "push", listener: (event: PushEvent) => void): void;
  addEventListener(type: "notificationclick", listener: (event: NotificationEvent) => void): void;
}

declare const __BRIDGEWAY_PRECACHE__: string[];
declare const __BRIDGEWAY_BUILD__: string;

const sw = self as unknown as ServiceWorkerScope;
const PRECACHE = __BRIDGEWAY_PRECACHE__;
const PRECACHED = new Set(PRECACHE);
const CACHE = shellCacheName(__BRIDGEWAY_BUILD__);

sw.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("bridgeway-shell-") && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener("fetch", (event) => {
  const route = routeRequest(event.request, sw.location.origin, PRECACHED);
  switch (route.kind) {
    case "network-only":
      // Not answered here at all: the browser fetches it and nothing is stored.
      return;
    case "shell":
      event.respondWith(
        fetch(event.request).catch(async () => {
          const cached = await caches.match(SHELL_PATH, { cacheName: CACHE });
          return cached ?? Response.error();
        }),
      );
      return;
    case "cache-first":
      event.respondWith(
        caches
          .match(event.request, { cacheName: CACHE })
          .then((cached) => cached ?? fetch(event.request)),
      );
      return;
  }
});

sw.addEventListener("push", (event) => {
  const message = parsePushMessage(event.data ? event.data.text() : null);
  event.waitUntil(
    sw.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const visible = windows.some((client) => client.visibilityState === "visible");
      if (!shouldNotify(message, visible)) return undefined;
      return sw.registration.showNotification(message.title, {
        body: message.body,
        tag: message.kind,
        icon: "/icons/icon-192.png",
        data: { url: message.url },
      });
    }),
  );
});

sw.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const url = typeof data?.url === "string" && data.url.startsWith("/") ? data.url : "/";
  event.waitUntil(
    sw.clients.matchAll({ type: "window", includeUncontrolled: true }).then(async (windows) => {
      const open = windows[0];
      if (open) {
        await open.focus();
        await open.navigate(url).catch(() => undefined);
        return;
      }
      await sw.clients.openWindow(url);
    }),
  );
});
