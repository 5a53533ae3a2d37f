import { createECDH, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ApiErrorBodySchema,
  roomKey,
  SessionListSchema,
  type PushConfigDto,
  type SessionSummary,
} from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGES } from "../i18n/messages";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, type TestClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

// http_ece is the reference implementation of the encoding browsers decrypt push messages with.
const ece = createRequire(import.meta.url)("http_ece") as {
  decrypt(
    body: Buffer,
    params: { version: "aes128gcm"; privateKey: ReturnType<typeof createECDH>; authSecret: string },
  ): Buffer;
};

const [DANA] = DEMO_ACCOUNTS.facilitators;
const [JORDAN, SAM, RILEY] = DEMO_ACCOUNTS.participants;

type Received = {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};

/** A push service on loopback: records what it is sent, answers 201 (or 410 under /gone/). */
async function startPushService(): Promise<{
  url: string;
  received: Received[];
  close(): Promise<void>;
  server: Server;
}> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = req.url?.startsWith("/gone/") ? 410 : 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A subscription made as a browser makes one: its own P-256 key pair and auth secret. */
function browserSubscription(endpoint: string) {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16).toString("base64url");
  return {
    ecdh,
    auth,
    json: {
      endpoint,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth },
    },
  };
}

async function until<T>(find: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(databaseKinds())("push notifications on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-23T12:00:00Z"));
  let server: TestServer;
  let push: Awaited<ReturnType<typeof startPushService>>;
  let group: SessionSummary;
  let dana: TestClient;
  let jordan: TestClient;
  let jordanPhone: ReturnType<typeof browserSubscription> | undefined;
  const webDist = mkdtempSync(join(tmpdir(), "bw-web-"));
  mkdirSync(join(webDist, "assets"));
  writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Bridgeway</title>");
  writeFileSync(join(webDist, "manifest.webmanifest"), JSON.stringify({ name: "Bridgeway" }));
  writeFileSync(join(webDist, "sw.js"), "self.addEventListener('fetch', () => {});");

  beforeAll(async () => {
    push = await startPushService();
    server = await startTestServer({ kind, clock, env: { WEB_DIST_DIR: webDist } });
    dana = await signedInClient(server.url, DANA, TEST_PASSWORD);
    const res = await dana.get("/api/sessions?from=2026-11-23&to=2026-12-20");
    const sessions = SessionListSchema.parse(res.body).sessions.filter((s) => s.cohort !== null);
    const first = sessions[0];
    if (!first) throw new Error("the demo cohort has no meetings");
    group = first;
    clock.set(new Date(Date.parse(group.startsAt) - 5 * 60_000));
    dana = await signedInClient(server.url, DANA, TEST_PASSWORD);
    jordan = await signedInClient(server.url, JORDAN, TEST_PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await server.close();
    await push.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it("serves the installable app's manifest and service worker, with a CSP that allows them", async () => {
    const manifest = await fetch(`${server.url}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get("content-type")).toMatch(/^(text|application)\/javascript/);
    const csp = sw.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
  });

  it("gives the signed-in web app the VAPID public key, and nobody else", async () => {
    const res = await jordan.get<PushConfigDto>("/api/push/config");
    expect(res.status).toBe(200);
    expect(res.body.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect((await fetch(`${server.url}/api/push/config`)).status).toBe(401);
  });

  it("refuses a subscription without its keys with 400 naming the field, and stores nothing", async () => {
    const bad = browserSubscription(`${push.url}/bad`).json;
    const res = await jordan.request("PUT", "/api/push/subscription", {
      json: { endpoint: bad.endpoint, keys: { auth: bad.keys.auth } },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(ApiErrorBodySchema.parse(res.body).error.fields ?? {})).toEqual([
      "keys.p256dh",
    ]);
    const notUrl = await jordan.request("PUT", "/api/push/subscription", {
      json: { ...bad, endpoint: "javascript:alert(1)" },
    });
    expect(Object.keys(ApiErrorBodySchema.parse(notUrl.body).error.fields ?? {})).toEqual([
      "endpoint",
    ]);
    expect(await server.db.prisma.pushSubscription.count()).toBe(0);
  });

  it("tells a participant's device, encrypted and VAPID-signed, when they are let in from the waiting room", async () => {
    const device = browserSubscription(`${push.url}/jordan-phone`);
    jordanPhone = device;
    const subscribed = await jordan.request("PUT", "/api/push/subscription", { json: device.json });
    expect(subscribed.status).toBe(204);
    const audited = await server.db.prisma.auditEvent.count({
      where: { recordType: "push-subscription", action: "create" },
    });
    expect(audited).toBe(1);

    const danaLive = new LiveClient(server.url, dana.cookieHeader());
    const jordanLive = new LiveClient(server.url, jordan.cookieHeader());
    try {
      await Promise.all([danaLive.connected(), jordanLive.connected()]);
      const me = await jordan.get<{ user: { id: string } }>("/api/auth/me");
      const joined = await danaLive.join(group.id, "Dana");
      expect(joined.ok).toBe(true);
      const waiting = await jordanLive.join(group.id, "Jordan");
      expect(waiting.ok && waiting.state).toBe("waiting");
      const reply = await danaLive.request("room:admit", {
        sessionId: group.id,
        userId: me.body.user.id,
      });
      expect(reply.ok).toBe(true);
    } finally {
      danaLive.close();
      jordanLive.close();
    }

    const sent = await until(
      () => push.received.find((r) => r.path === "/jordan-phone"),
      "the admission push",
    );
    expect(sent.headers["content-encoding"]).toBe("aes128gcm");
    expect(String(sent.headers.authorization)).toMatch(
      /^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]{87}$/,
    );
    expect(Number(sent.headers.ttl)).toBeGreaterThan(0);
    // Nothing readable on the wire, and what the phone decrypts holds no clinical detail.
    expect(sent.body.toString("latin1")).not.toContain("let in");
    const plain = JSON.parse(
      ece
        .decrypt(sent.body, {
          version: "aes128gcm",
          privateKey: device.ecdh,
          authSecret: device.auth,
        })
        .toString("utf8"),
    ) as Record<string, unknown>;
    expect(plain).toEqual({
      kind: "admitted",
      title: "Bridgeway",
      body: MESSAGES.en.push.admitted,
      url: `/sessions/${group.id}/room`,
    });
  });

  it("tells the clinicians' devices about a crisis alert without a word of what was written or by whom", async () => {
    // Staff hear English whatever language they chose, as their screens are.
    const spanish = await dana.request("PUT", "/api/auth/me/locale", { json: { locale: "es" } });
    expect(spanish.status).toBe(200);
    const device = browserSubscription(`${push.url}/dana-laptop`);
    expect(
      (await dana.request("PUT", "/api/push/subscription", { json: device.json })).status,
    ).toBe(204);
    const boards = await jordan.get<{ boards: { kind: string; id: string }[] }>(
      "/api/forums/boards",
    );
    const board = boards.body.boards.find((b) => b.kind === "cohort");
    if (!board) throw new Error("Jordan has no cohort board");
    const posted = await jordan.post(`/api/forums/boards/cohort/${board.id}/threads`, {
      title: "Hard night",
      body: "I keep thinking about ending my life.",
    });
    expect(posted.status).toBe(201);

    const sent = await until(
      () => push.received.find((r) => r.path === "/dana-laptop"),
      "the crisis alert push",
    );
    expect(String(sent.headers.authorization)).toMatch(/^vapid t=.+, k=.+$/);
    expect(sent.headers.urgency).toBe("high");
    const text = ece
      .decrypt(sent.body, {
        version: "aes128gcm",
        privateKey: device.ecdh,
        authSecret: device.auth,
      })
      .toString("utf8");
    expect(JSON.parse(text)).toMatchObject({
      kind: "crisis-alert",
      body: MESSAGES.en.push["crisis-alert"],
    });
    for (const word of ["Jordan", "ending", "life", "Hard night", "Evening"]) {
      expect(text).not.toContain(word);
    }
    // The participant's own device is not told of an alert about them.
    expect(push.received.filter((r) => r.path === "/jordan-phone")).toHaveLength(1);
  });

  it("forgets a subscription the push service answers 410 for, and a device turned off is not told again", async () => {
    const gone = browserSubscription(`${push.url}/gone/old-phone`);
    expect((await dana.request("PUT", "/api/push/subscription", { json: gone.json })).status).toBe(
      204,
    );
    const off = await dana.request("DELETE", "/api/push/subscription", {
      json: { endpoint: `${push.url}/dana-laptop` },
    });
    expect(off.status).toBe(204);

    const boards = await jordan.get<{ boards: { kind: string; id: string }[] }>(
      "/api/forums/boards",
    );
    const board = boards.body.boards.find((b) => b.kind === "cohort");
    const before = push.received.filter((r) => r.path === "/dana-laptop").length;
    clock.advance(1000);
    await jordan.post(`/api/forums/boards/cohort/${board?.id ?? ""}/threads`, {
      title: "Still here",
      body: "I want to kill myself tonight.",
    });
    await until(
      () => push.received.find((r) => r.path === "/gone/old-phone"),
      "the push to the expired subscription",
    );
    const remaining = async () =>
      server.db.prisma.pushSubscription.count({ where: { endpoint: gone.json.endpoint } });
    const deadline = Date.now() + 10_000;
    while ((await remaining()) !== 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await remaining()).toBe(0);
    expect(push.received.filter((r) => r.path === "/dana-laptop")).toHaveLength(before);
  });

  it("tells the devices of the people a chat message mentions, and only theirs, in their language", async () => {
    const sam = await signedInClient(server.url, SAM, TEST_PASSWORD);
    const spanish = await sam.request("PUT", "/api/auth/me/locale", { json: { locale: "es" } });
    expect(spanish.status).toBe(200);
    const riley = await signedInClient(server.url, RILEY, TEST_PASSWORD);
    const samPhone = browserSubscription(`${push.url}/sam-phone`);
    const rileyPhone = browserSubscription(`${push.url}/riley-phone`);
    expect(
      (await sam.request("PUT", "/api/push/subscription", { json: samPhone.json })).status,
    ).toBe(204);
    expect(
      (await riley.request("PUT", "/api/push/subscription", { json: rileyPhone.json })).status,
    ).toBe(204);
    const cohort = await server.db.prisma.cohort.findFirstOrThrow({
      where: { name: "Evening track" },
    });
    const room = roomKey({ kind: "cohort", cohortId: cohort.id });
    const jordanLive = new LiveClient(server.url, jordan.cookieHeader());
    try {
      await jordanLive.connected();
      for (const body of [
        "@Samira says hi to everyone",
        "See you tonight @Sam, bring the worksheet",
      ]) {
        const reply = await jordanLive.request("chat:send", {
          roomKey: room,
          clientId: crypto.randomUUID(),
          body,
        });
        expect(reply.ok).toBe(true);
      }
    } finally {
      jordanLive.close();
    }
    const sent = await until(
      () => push.received.find((r) => r.path === "/sam-phone"),
      "the mention push",
    );
    const text = ece
      .decrypt(sent.body, {
        version: "aes128gcm",
        privateKey: samPhone.ecdh,
        authSecret: samPhone.auth,
      })
      .toString("utf8");
    expect(JSON.parse(text)).toEqual({
      kind: "chat-mention",
      title: "Bridgeway",
      body: "Te mencionaron en un chat.",
      url: "/chat",
    });
    expect(MESSAGES.es.push["chat-mention"]).toBe("Te mencionaron en un chat.");
    expect(text).not.toMatch(/worksheet|Jordan|Evening/);
    expect(push.received.filter((r) => r.path === "/sam-phone")).toHaveLength(1);
    expect(push.received.filter((r) => r.path === "/riley-phone")).toHaveLength(0);
  });

  it("tells people's devices once that their session is starting, and not minutes before", async () => {
    const phone = jordanPhone;
    if (!phone) throw new Error("Jordan's phone was not subscribed");
    const toJordan = () => push.received.filter((r) => r.path === "/jordan-phone");
    const kindOf = (r: Received) =>
      JSON.parse(
        ece
          .decrypt(r.body, { version: "aes128gcm", privateKey: phone.ecdh, authSecret: phone.auth })
          .toString("utf8"),
      ) as { kind: string; body: string };
    const before = toJordan().length;
    const announced = () =>
      server.db.prisma.sessionStartPush.count({ where: { sessionId: group.id } });
    clock.set(new Date(Date.parse(group.startsAt) - 5 * 60_000));
    await server.jobs.runDue();
    expect(await announced()).toBe(0);
    clock.set(new Date(Date.parse(group.startsAt) + 10_000));
    await server.jobs.runDue();
    const sent = await until(
      () =>
        toJordan()
          .slice(before)
          .find((r) => kindOf(r).kind === "session-starting"),
      "the session-start push",
    );
    expect(kindOf(sent)).toMatchObject({ body: MESSAGES.en.push["session-starting"] });
    clock.advance(30_000);
    await server.jobs.runDue();
    // The start was claimed once; a later run finds it taken and sends nothing.
    expect(await announced()).toBe(1);
    expect(
      toJordan()
        .slice(before)
        .filter((r) => kindOf(r).kind === "session-starting"),
    ).toHaveLength(1);
    expect(
      toJordan()
        .slice(before)
        .filter((r) => kindOf(r).kind !== "session-starting"),
    ).toHaveLength(0);
  });
});
