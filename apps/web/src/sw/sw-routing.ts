/**
 * Pure rules of the service worker, kept apart from it so they can be tested without one.
 * The service worker only ever caches the app shell it was built with: API answers and
 * realtime traffic carry clinical data and always go to the network, untouched.
 */

/** How the service worker answers one request. */
export type SwRoute =
  /** Not ours to answer: the browser fetches it as if there were no service worker. */
  | { kind: "network-only" }
  /** A page load: the network first, the cached shell when offline. */
  | { kind: "shell" }
  /** A built file whose name never changes content: the cache first. */
  | { kind: "cache-first" };

export interface SwRequestLike {
  method: string;
  url: string;
  mode: string;
}

const NEVER_CACHED_PREFIXES = ["/api/", "/socket.io/"];

/** True for the paths whose answers must never be stored by the service worker. */
export function isNeverCached(pathname: string): boolean {
  return NEVER_CACHED_PREFIXES.some(
    (prefix) => pathname.startsWith(prefix) || pathname === prefix.slice(0, -1),
  );
}

/** Decides how a fetch is answered; anything not certainly part of the shell goes to the network. */
export function routeRequest(
  request: SwRequestLike,
  origin: string,
  precached: ReadonlySet<string>,
): SwRoute {
  if (request.method !== "GET") return { kind: "network-only" };
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { kind: "network-only" };
  }
  if (url.origin !== origin) return { kind: "network-only" };
  if (isNeverCached(url.pathname)) return { kind: "network-only" };
  if (request.mode === "navigate") return { kind: "shell" };
  if (url.search === "" && precached.has(url.pathname)) return { kind: "cache-first" };
  return { kind: "network-only" };
}

/** The shell files to precache: the page itself and the built files, never an API path. */
export function precacheList(builtFiles: readonly string[]): string[] {
  const paths = builtFiles
    .filter((file) => !file.startsWith(".vite/") && !file.endsWith(".map") && file !== "sw.js")
    .map((file) => `/${file}`)
    .filter((path) => !isNeverCached(path));
  return [...new Set([SHELL_PATH, ...paths])].sort();
}

/** Where the cached page lives: the server serves every app route with the same index.html. */
export const SHELL_PATH = "/index.html";

/** One cache per build, so a new build replaces the old shell whole. */
export function shellCacheName(version: string): string {
  return `bridgeway-shell-${version}`;
}

/** What the server's push messages carry: a kind and a sentence with no clinical detail. */
export interface PushMessage {
  kind: string;
  title: string;
  body: string;
  url: string;
}

/** Reads a push payload; anything unexpected becomes a plain "open Bridgeway" notice. */
export function parsePushMessage(text: string | null): PushMessage {
  const fallback: PushMessage = {
    kind: "unknown",
    title: "Bridgeway",
    body: "Open Bridgeway to see what is new.",
    url: "/",
  };
  if (!text) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return fallback;
    const record = value as Record<string, unknown>;
    const str = (key: string, otherwise: string) =>
      typeof record[key] === "string" ? record[key] : otherwise;
    const url = str("url", "/");
    return {
      kind: str("kind", fallback.kind),
      title: str("title", fallback.title),
      body: str("body", fallback.body),
      // Only paths of this app: a push message must not send anyone elsewhere.
      url: url.startsWith("/") && !url.startsWith("//") ? url : "/",
    };
  } catch {
    return fallback;
  }
}

/**
 * Whether to show a notification: someone already looking at Bridgeway sees the news on the
 * page, except a crisis alert, which is always shown.
 */
export function shouldNotify(message: PushMessage, anyVisibleWindow: boolean): boolean {
  return message.kind === "crisis-alert" || !anyVisibleWindow;
}
