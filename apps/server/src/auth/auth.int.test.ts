import {
  ApiErrorBodySchema,
  AuthStateSchema,
  BACKGROUND_REQUEST_HEADER,
  SIGN_IN_ABSOLUTE_LIFETIME_MS,
  SIGN_IN_IDLE_TIMEOUT_MS,
} from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, TestClient } from "../testing/http-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds, redisUrlForTests } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";
import { LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS } from "./login-rate-limit";
import { hashToken } from "./sign-ins";

const ADMIN = DEMO_ACCOUNTS.admin;
const PARTICIPANT = DEMO_ACCOUNTS.participants[0];

describe.each(databaseKinds())("sign-in and sessions on %s", (kind) => {
  let server: TestServer;
  const clock = new ManualClock(new Date("2026-11-23T15:00:00Z"));

  beforeAll(async () => {
    server = await startTestServer({ kind, clock, redisUrl: redisUrlForTests() });
  });
  afterAll(async () => {
    await server.close();
  });

  function errorCode(body: unknown): string {
    return ApiErrorBodySchema.parse(body).error.code;
  }

  it("signs in with the right password, sets an httpOnly SameSite cookie and answers the user", async () => {
    const client = new TestClient(server.url);
    const res = await client.login(ADMIN, TEST_PASSWORD);
    expect(res.status).toBe(200);
    const state = AuthStateSchema.parse(res.body);
    expect(state.user).toMatchObject({ email: ADMIN, role: "ADMIN", firstName: "Alex" });
    expect(res.body).not.toHaveProperty("user.passwordHash");
    const cookie = res.setCookies.find((c) => c.startsWith("bw_session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    // Plain http here: the Secure flag would make the browser drop the cookie.
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("matches the email whatever its case", async () => {
    const res = await new TestClient(server.url).login(ADMIN.toUpperCase(), TEST_PASSWORD);
    expect(res.status).toBe(200);
  });

  it("answers 401 invalid_credentials for a wrong password and for an unknown email alike", async () => {
    const wrong = await new TestClient(server.url).login(
      DEMO_ACCOUNTS.participants[7],
      "not-the-password",
    );
    const unknown = await new TestClient(server.url).login(
      "nobody@riverbend.example",
      TEST_PASSWORD,
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(errorCode(wrong.body)).toBe("invalid_credentials");
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.setCookies).toEqual([]);
  });

  it("answers /me with the signed-in user's role, and 401 unauthenticated without a session", async () => {
    const anonymous = await new TestClient(server.url).get("/api/auth/me");
    expect(anonymous.status).toBe(401);
    expect(errorCode(anonymous.body)).toBe("unauthenticated");

    const client = await signedInClient(server.url, PARTICIPANT, TEST_PASSWORD);
    const me = await client.get("/api/auth/me");
    expect(me.status).toBe(200);
    expect(AuthStateSchema.parse(me.body).user.role).toBe("PARTICIPANT");
  });

  it("ends the session on the server at logout, so the same cookie is refused at once", async () => {
    const client = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const stolenCookie = client.cookieHeader();
    const out = await client.post("/api/auth/logout");
    expect(out.status).toBe(204);
    expect(out.setCookies.join()).toMatch(/Max-Age=0/);

    const replay = await fetch(new URL("/api/auth/me", server.url), {
      headers: { cookie: stolenCookie },
    });
    expect(replay.status).toBe(401);
    expect(errorCode(await replay.json())).toBe("session_expired");
  });

  it("refuses logout without the CSRF token and keeps the session", async () => {
    const client = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const res = await client.request("POST", "/api/auth/logout", { csrf: false });
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe("csrf_failed");
    expect((await client.get("/api/auth/me")).status).toBe(200);
  });

  it("refuses a write with a wrong CSRF token", async () => {
    const client = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const res = await client.request("POST", "/api/auth/keepalive", {
      headers: { "x-csrf-token": "x".repeat(43) },
    });
    expect(res.status).toBe(403);
  });

  it("refuses cross-site writes, even sign-in, by Sec-Fetch-Site and by Origin", async () => {
    const crossSite = await new TestClient(server.url).request("POST", "/api/auth/login", {
      json: { email: ADMIN, password: TEST_PASSWORD },
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const otherOrigin = await new TestClient(server.url).request("POST", "/api/auth/login", {
      json: { email: ADMIN, password: TEST_PASSWORD },
      headers: { origin: "https://evil.example" },
    });
    expect(otherOrigin.status).toBe(403);
    expect(crossSite.setCookies).toEqual([]);
  });

  it("logs off after 30 minutes without activity and deletes the session", async () => {
    const client = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const token = /bw_session=([^;]+)/.exec(client.cookieHeader())?.[1] ?? "";
    clock.advance(SIGN_IN_IDLE_TIMEOUT_MS - 60_000);
    expect((await client.get("/api/auth/me")).status).toBe(200);
    clock.advance(SIGN_IN_IDLE_TIMEOUT_MS);
    const res = await client.get("/api/auth/me");
    expect(res.status).toBe(401);
    expect(errorCode(res.body)).toBe("session_expired");
    const stored = await server.db.prisma.signIn.findUnique({
      where: { id: hashToken(token) },
    });
    expect(stored).toBeNull();
  });

  it("keeps an active session past 30 minutes in total", async () => {
    const client = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    for (let i = 0; i < 4; i += 1) {
      clock.advance(20 * 60_000);
      expect((await client.get("/api/auth/me")).status).toBe(200);
    }
  });

  it("does not count the web app's background reads as activity", async () => {
    const client = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const background = { [BACKGROUND_REQUEST_HEADER]: "1" };
    clock.advance(20 * 60_000);
    expect((await client.request("GET", "/api/auth/me", { headers: background })).status).toBe(200);
    clock.advance(11 * 60_000);
    // 31 minutes since anything the person did: the page refreshing itself kept nothing alive.
    const res = await client.request("GET", "/api/auth/me", { headers: background });
    expect(res.status).toBe(401);
    expect(errorCode(res.body)).toBe("session_expired");

    // A read without the mark (another client, a person opening a page) still counts.
    const reader = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    clock.advance(20 * 60_000);
    expect((await reader.get("/api/auth/me")).status).toBe(200);
    clock.advance(20 * 60_000);
    expect((await reader.request("GET", "/api/auth/me", { headers: background })).status).toBe(200);
  });

  it("moves the idle deadline on keep-alive", async () => {
    const client = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    clock.advance(29 * 60_000);
    const kept = await client.post("/api/auth/keepalive");
    expect(kept.status).toBe(200);
    const state = AuthStateSchema.parse(kept.body);
    expect(Date.parse(state.session.idleExpiresAt)).toBe(
      clock.now().getTime() + SIGN_IN_IDLE_TIMEOUT_MS,
    );
    clock.advance(29 * 60_000);
    expect((await client.get("/api/auth/me")).status).toBe(200);
  });

  it("ends a session 12 hours after sign-in however active it is", async () => {
    const client = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const me = AuthStateSchema.parse((await client.get("/api/auth/me")).body);
    expect(Date.parse(me.session.absoluteExpiresAt) - clock.now().getTime()).toBe(
      SIGN_IN_ABSOLUTE_LIFETIME_MS,
    );
    const steps = SIGN_IN_ABSOLUTE_LIFETIME_MS / (20 * 60_000);
    for (let i = 1; i < steps; i += 1) {
      clock.advance(20 * 60_000);
      expect((await client.get("/api/auth/me")).status).toBe(200);
    }
    clock.advance(20 * 60_000);
    const res = await client.get("/api/auth/me");
    expect(res.status).toBe(401);
    expect(errorCode(res.body)).toBe("session_expired");
  });

  it("ends an earlier session when the same browser signs in again", async () => {
    const client = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const first = client.cookieHeader();
    await client.login(PARTICIPANT, TEST_PASSWORD);
    const replay = await fetch(new URL("/api/auth/me", server.url), { headers: { cookie: first } });
    expect(replay.status).toBe(401);
    expect(AuthStateSchema.parse((await client.get("/api/auth/me")).body).user.email).toBe(
      PARTICIPANT,
    );
  });

  it("refuses the sessions of an account that has been deactivated", async () => {
    const email = DEMO_ACCOUNTS.participants[6];
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    const user = await server.db.prisma.user.update({ where: { email }, data: { active: false } });
    await server.signIns.endAllForUser(user.id);
    try {
      expect((await client.get("/api/auth/me")).status).toBe(401);
      expect((await new TestClient(server.url).login(email, TEST_PASSWORD)).status).toBe(401);
    } finally {
      await server.db.prisma.user.update({ where: { email }, data: { active: true } });
    }
  });

  it("records sign-in, failed sign-in and sign-out in the audit log without the password", async () => {
    const email = DEMO_ACCOUNTS.facilitators[1];
    await new TestClient(server.url).login(email, "wrong-password-123");
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    await client.post("/api/auth/logout");
    const user = await server.db.prisma.user.findUniqueOrThrow({ where: { email } });
    const events = await server.db.prisma.auditEvent.findMany({
      where: { OR: [{ actorUserId: user.id }, { recordId: user.id }] },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.action, e.outcome])).toEqual([
      ["login_failed", "failure"],
      ["login", "success"],
      ["logout", "success"],
    ]);
    expect(
      JSON.stringify(events, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
    ).not.toMatch(/wrong-password|correct-horse/);
  });

  it("limits failed sign-ins per account, and then refuses even the right password for a while", async () => {
    const email = DEMO_ACCOUNTS.participants[5];
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS; i += 1) {
      expect((await new TestClient(server.url).login(email, `guess-number-${i}`)).status).toBe(401);
    }
    const limited = await new TestClient(server.url).login(email, TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(errorCode(limited.body)).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Other accounts are not affected by one account's lock.
    expect(
      (await new TestClient(server.url).login(DEMO_ACCOUNTS.participants[4], TEST_PASSWORD)).status,
    ).toBe(200);
  });
});

describe("session cookie over https", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { PUBLIC_ORIGIN: "https://iop.example.org" } });
  });
  afterAll(async () => {
    await server.close();
  });

  it("is Secure and __Host- prefixed when the public origin is https", async () => {
    const res = await new TestClient(server.url).request("POST", "/api/auth/login", {
      json: { email: ADMIN, password: TEST_PASSWORD },
      headers: { origin: "https://iop.example.org" },
    });
    expect(res.status).toBe(200);
    const cookie = res.setCookies[0] ?? "";
    expect(cookie).toMatch(/^__Host-bw_session=/);
    expect(cookie).toMatch(/Secure/);
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=/);
  });
});
