import { ApiErrorBodySchema } from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, TestClient } from "../testing/http-client";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

describe.each(databaseKinds())("bad input on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ kind });
  });
  afterAll(async () => {
    await server.close();
  });

  async function counts() {
    const [sessions, audit] = await Promise.all([
      server.db.prisma.signIn.count(),
      server.db.prisma.auditEvent.count(),
    ]);
    return { sessions, audit };
  }

  async function expectRefused(
    send: () => Promise<{ status: number; body: unknown }>,
    status: number,
    code: string,
    fields: string[] = [],
  ) {
    const before = await counts();
    const res = await send();
    expect(res.status).toBe(status);
    const body = ApiErrorBodySchema.parse(res.body);
    expect(body.error.code).toBe(code);
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual([...fields].sort());
    // Nothing half-written: no session, no audit event.
    expect(await counts()).toEqual(before);
    return body;
  }

  const login = (client: TestClient, options: Parameters<TestClient["request"]>[2]) =>
    client.request("POST", "/api/auth/login", options);

  it("answers malformed JSON with 400 invalid_json naming the body", async () => {
    await expectRefused(
      () =>
        login(new TestClient(server.url), {
          rawBody: '{"email": "a@b.c",',
          headers: { "content-type": "application/json" },
        }),
      400,
      "invalid_json",
      ["body"],
    );
  });

  it("names each field of the wrong type", async () => {
    const body = await expectRefused(
      () => login(new TestClient(server.url), { json: { email: 42, password: ["x"] } }),
      400,
      "invalid_input",
      ["email", "password"],
    );
    expect(body.error.fields?.email).toMatch(/text/i);
  });

  it("names missing fields", async () => {
    await expectRefused(
      () => login(new TestClient(server.url), { json: { email: DEMO_ACCOUNTS.admin } }),
      400,
      "invalid_input",
      ["password"],
    );
  });

  it("names unknown fields instead of ignoring them", async () => {
    await expectRefused(
      () =>
        login(new TestClient(server.url), {
          json: { email: DEMO_ACCOUNTS.admin, password: TEST_PASSWORD, role: "ADMIN" },
        }),
      400,
      "invalid_input",
      ["role"],
    );
  });

  it("refuses a body that is not a JSON object", async () => {
    await expectRefused(
      () => login(new TestClient(server.url), { json: [1, 2] }),
      400,
      "invalid_input",
      ["body"],
    );
    await expectRefused(
      () =>
        login(new TestClient(server.url), {
          rawBody: '"text"',
          headers: { "content-type": "application/json" },
        }),
      400,
      "invalid_json",
      ["body"],
    );
  });

  it("refuses a body that is not JSON with 415", async () => {
    await expectRefused(
      () =>
        login(new TestClient(server.url), {
          rawBody: `email=${DEMO_ACCOUNTS.admin}&password=${TEST_PASSWORD}`,
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      415,
      "unsupported_media_type",
      ["body"],
    );
  });

  it("refuses an oversized body with 413", async () => {
    await expectRefused(
      () =>
        login(new TestClient(server.url), {
          json: { email: DEMO_ACCOUNTS.admin, password: "x".repeat(100_000) },
        }),
      413,
      "payload_too_large",
      ["body"],
    );
  });

  it("refuses an overlong password with a message naming it", async () => {
    await expectRefused(
      () =>
        login(new TestClient(server.url), {
          json: { email: DEMO_ACCOUNTS.admin, password: "x".repeat(300) },
        }),
      400,
      "invalid_input",
      ["password"],
    );
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const res = await new TestClient(server.url).get("/api/does-not-exist");
    expect(res.status).toBe(404);
    expect(ApiErrorBodySchema.parse(res.body).error.code).toBe("not_found");
  });

  it("refuses bad paging input on the audit log with the field named", async () => {
    const admin = await signedInClient(server.url, DEMO_ACCOUNTS.admin, TEST_PASSWORD);
    for (const query of ["limit=0", "limit=abc", "limit=1000", "before=abc", "sort=asc"]) {
      const res = await admin.get(`/api/audit-events?${query}`);
      expect(res.status, query).toBe(400);
      const field = query.split("=")[0] ?? "";
      expect(Object.keys(ApiErrorBodySchema.parse(res.body).error.fields ?? {})).toEqual([field]);
    }
  });

  it("sends security headers and no-store on API answers", async () => {
    const res = await new TestClient(server.url).get("/api/auth/me");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
