import { describe, expect, it } from "vitest";
import {
  isNeverCached,
  parsePushMessage,
  precacheList,
  routeRequest,
  shouldNotify,
} from "./sw-routing";

const ORIGIN = "https://bridgeway.example";
const PRECACHED = new Set(["/index.html", "/assets/index-abc123.js", "/manifest.webmanifest"]);

function get(path: string, mode = "cors") {
  return { method: "GET", url: `${ORIGIN}${path}`, mode };
}

describe("the service worker's fetch routing", () => {
  it.each([
    "/api/auth/me",
    "/api/participants/p1/notes",
    "/api/alerts?status=open",
    "/api",
    "/socket.io/?EIO=4&transport=polling",
    "/socket.io",
  ])("never answers %s from a cache, even when it is listed as precached", (path) => {
    const listed = new Set([...PRECACHED, path.split("?")[0] ?? path]);
    expect(routeRequest(get(path), ORIGIN, listed)).toEqual({ kind: "network-only" });
    expect(routeRequest(get(path, "navigate"), ORIGIN, listed)).toEqual({
      kind: "network-only",
    });
  });

  it("leaves writes to the network", () => {
    const post = { method: "POST", url: `${ORIGIN}/assets/index-abc123.js`, mode: "cors" };
    expect(routeRequest(post, ORIGIN, PRECACHED)).toEqual({ kind: "network-only" });
  });

  it("answers page loads with the shell when the network is gone", () => {
    expect(routeRequest(get("/sessions/s1", "navigate"), ORIGIN, PRECACHED)).toEqual({
      kind: "shell",
    });
  });

  it("answers built files it precached from the cache first", () => {
    expect(routeRequest(get("/assets/index-abc123.js"), ORIGIN, PRECACHED)).toEqual({
      kind: "cache-first",
    });
  });

  it("leaves files it did not precache, other origins and odd URLs to the network", () => {
    expect(routeRequest(get("/assets/other-zzz.js"), ORIGIN, PRECACHED).kind).toBe("network-only");
    expect(routeRequest(get("/assets/index-abc123.js?x=1"), ORIGIN, PRECACHED).kind).toBe(
      "network-only",
    );
    const elsewhere = { method: "GET", url: "https://livekit.example/rtc", mode: "cors" };
    expect(routeRequest(elsewhere, ORIGIN, PRECACHED).kind).toBe("network-only");
    expect(
      routeRequest({ method: "GET", url: "not a url", mode: "cors" }, ORIGIN, PRECACHED),
    ).toEqual({ kind: "network-only" });
  });
});

describe("the precache list", () => {
  it("holds the page and the built files but no API path, source map or the worker itself", () => {
    const list = precacheList([
      "index.html",
      "assets/index-abc123.js",
      "assets/index-abc123.js.map",
      ".vite/manifest.json",
      "sw.js",
      "api/leak.json",
      "icons/icon-192.png",
    ]);
    expect(list).toEqual(["/assets/index-abc123.js", "/icons/icon-192.png", "/index.html"]);
    expect(list.some(isNeverCached)).toBe(false);
  });
});

describe("push messages in the service worker", () => {
  it("reads the server's message and keeps links inside the app", () => {
    const message = parsePushMessage(
      JSON.stringify({ kind: "admitted", title: "Bridgeway", body: "In.", url: "//evil.example" }),
    );
    expect(message).toEqual({ kind: "admitted", title: "Bridgeway", body: "In.", url: "/" });
  });

  it("shows a plain notice for a payload it cannot read", () => {
    expect(parsePushMessage("{nope").body).toBe("Open Bridgeway to see what is new.");
    expect(parsePushMessage(null).url).toBe("/");
  });

  it("stays quiet while Bridgeway is on screen, except for crisis alerts", () => {
    const admitted = parsePushMessage(JSON.stringify({ kind: "admitted" }));
    const crisis = parsePushMessage(JSON.stringify({ kind: "crisis-alert" }));
    expect(shouldNotify(admitted, true)).toBe(false);
    expect(shouldNotify(admitted, false)).toBe(true);
    expect(shouldNotify(crisis, true)).toBe(true);
  });
});
