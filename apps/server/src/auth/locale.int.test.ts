import { ApiErrorBodySchema, AuthStateSchema } from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, TestClient } from "../testing/http-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds, redisUrlForTests } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

describe.each(databaseKinds())("a person's language on %s", (kind) => {
  let server: TestServer;
  const clock = new ManualClock(new Date("2026-11-23T15:00:00Z"));

  beforeAll(async () => {
    server = await startTestServer({ kind, clock, redisUrl: redisUrlForTests() });
  });
  afterAll(async () => {
    await server.close();
  });

  function put(client: TestClient, json: unknown) {
    return client.request("PUT", "/api/auth/me/locale", { json });
  }

  async function storedLocale(email: string): Promise<string> {
    const user = await server.db.prisma.user.findUniqueOrThrow({ where: { email } });
    return user.locale;
  }

  it("answers /me and sign-in with English until the person chooses otherwise", async () => {
    const client = new TestClient(server.url);
    const login = await client.login(DEMO_ACCOUNTS.participants[1], TEST_PASSWORD);
    expect(AuthStateSchema.parse(login.body)).toMatchObject({
      locale: "en",
      user: { locale: "en" },
    });
    const me = AuthStateSchema.parse((await client.get("/api/auth/me")).body);
    expect(me.locale).toBe("en");
    expect(me.user.locale).toBe("en");
  });

  it("stores Spanish for a participant, answers it at once on /me and on the next sign-in", async () => {
    const email = DEMO_ACCOUNTS.participants[2];
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    const set = await put(client, { locale: "es" });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ locale: "es" });
    expect(await storedLocale(email)).toBe("es");

    const me = AuthStateSchema.parse((await client.get("/api/auth/me")).body);
    expect(me).toMatchObject({ locale: "es", user: { locale: "es" } });

    const again = await new TestClient(server.url).login(email, TEST_PASSWORD);
    expect(AuthStateSchema.parse(again.body).user.locale).toBe("es");

    const back = await put(client, { locale: "en" });
    expect(back.body).toEqual({ locale: "en" });
    expect(await storedLocale(email)).toBe("en");
  });

  it("lets staff and family members choose too", async () => {
    for (const email of [DEMO_ACCOUNTS.facilitators[0], DEMO_ACCOUNTS.family[0]]) {
      const client = await signedInClient(server.url, email, TEST_PASSWORD);
      expect((await put(client, { locale: "es" })).status).toBe(200);
      expect(await storedLocale(email)).toBe("es");
    }
  });

  it("refuses a language it does not speak, a missing one and extra fields, naming the field", async () => {
    const email = DEMO_ACCOUNTS.participants[3];
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    for (const [body, field] of [
      [{ locale: "pt" }, "locale"],
      [{ locale: "ES" }, "locale"],
      [{ locale: 1 }, "locale"],
      [{}, "locale"],
      [{ locale: "es", userId: "someone-else" }, "userId"],
    ] as const) {
      const res = await put(client, body);
      expect(res.status).toBe(400);
      const error = ApiErrorBodySchema.parse(res.body).error;
      expect(Object.keys(error.fields ?? {})).toContain(field);
    }
    expect(await storedLocale(email)).toBe("en");
  });

  it("refuses without the CSRF token, without a session and after sign-out", async () => {
    const email = DEMO_ACCOUNTS.participants[4];
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    const noCsrf = await client.request("PUT", "/api/auth/me/locale", {
      json: { locale: "es" },
      csrf: false,
    });
    expect(noCsrf.status).toBe(403);

    const anonymous = await put(new TestClient(server.url), { locale: "es" });
    expect(anonymous.status).toBe(401);

    const csrf = client.csrfToken;
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    const afterSignOut = await client.request("PUT", "/api/auth/me/locale", {
      json: { locale: "es" },
      ...(csrf ? { headers: { "x-csrf-token": csrf } } : {}),
    });
    expect(afterSignOut.status).toBe(401);
    expect(await storedLocale(email)).toBe("en");
  });

  it("records the change in the audit trail with ids only", async () => {
    const email = DEMO_ACCOUNTS.participants[5];
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    await put(client, { locale: "es" });
    const user = await server.db.prisma.user.findUniqueOrThrow({ where: { email } });
    const events = await server.db.prisma.auditEvent.findMany({
      where: { actorUserId: user.id, recordType: "user-locale" },
    });
    expect(events.map((e) => [e.action, e.recordId, e.outcome])).toEqual([
      ["update", user.id, "success"],
    ]);
  });
});
