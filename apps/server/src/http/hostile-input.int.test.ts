import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiErrorBodySchema } from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, type TestResponse } from "../testing/http-client";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const [DANA] = DEMO_ACCOUNTS.facilitators;
const [JORDAN] = DEMO_ACCOUNTS.participants;

/** Every API route that takes an id in its path, with a method that reaches it. */
const ROUTES_WITH_IDS: [string, string][] = [
  ["GET", "/api/sessions/:id"],
  ["GET", "/api/sessions/:id/roster"],
  ["GET", "/api/sessions/:id/attendance"],
  ["GET", "/api/sessions/:id/note"],
  ["POST", "/api/sessions/:id/cancel"],
  ["GET", "/api/cohorts/:id"],
  ["PATCH", "/api/cohorts/:id"],
  ["GET", "/api/cohorts/:id/attendance"],
  ["GET", "/api/cohorts/:id/attendance.csv"],
  ["POST", "/api/cohorts/:id/enrollments"],
  ["GET", "/api/participants/:id/attendance"],
  ["GET", "/api/participants/:id/safety-plan"],
  ["PUT", "/api/participants/:id/safety-plan"],
  ["GET", "/api/enrollments/:id/treatment-plan"],
  ["POST", "/api/alerts/:id/acknowledge"],
  ["PUT", "/api/families/:id/consent"],
  ["POST", "/api/families/invitations/:id/revoke"],
  ["GET", "/api/forums/threads/:id"],
  ["POST", "/api/forums/threads/:id/replies"],
  ["PATCH", "/api/facilitators/:id"],
];

/** Sends exactly these bytes as the request path (fetch would normalise `%ZZ` and `..`). */
function rawGet(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer,
  method = "GET",
): Promise<{ status: number; contentType: string; text: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers["content-type"] ?? "",
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe.each(databaseKinds())("hostile input on %s", (kind) => {
  let server: TestServer;
  const webDist = mkdtempSync(join(tmpdir(), "bw-web-"));
  mkdirSync(join(webDist, "assets"));
  writeFileSync(join(webDist, "assets", "app.js"), "console.log(1)");
  writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Bridgeway</title>");
  writeFileSync(join(webDist, "secret.txt"), "outside the assets folder");

  beforeAll(async () => {
    server = await startTestServer({
      kind,
      env: { WEB_DIST_DIR: webDist },
    });
  }, 180_000);
  afterAll(async () => {
    await server.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const sign = (email: string) => signedInClient(server.url, email, TEST_PASSWORD);
  const demoCohortId = async () => (await server.db.prisma.cohort.findFirstOrThrow()).id;

  function expectFields(res: TestResponse, status: number, fields: string[]) {
    expect(res.status).toBe(status);
    const body = ApiErrorBodySchema.parse(res.body);
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual([...fields].sort());
    return body;
  }

  it("refuses attendance ranges in year 0000 or 9999 with 400 naming the fields, at once", async () => {
    const dana = await sign(DANA);
    const id = await demoCohortId();
    const res = await dana.get(`/api/cohorts/${id}/attendance?from=0000-01-01&to=0000-01-05`);
    const body = expectFields(res, 400, ["from", "to"]);
    expect(body.error.fields?.from).toMatch(/2000-01-01 and 2100-12-31/);
    expectFields(
      await dana.get(`/api/cohorts/${id}/attendance.csv?from=9999-12-01&to=9999-12-31`),
      400,
      ["from", "to"],
    );
    expectFields(
      await dana.get(`/api/cohorts/${id}/attendance?from=1999-12-30&to=2000-01-02`),
      400,
      ["from"],
    );
    // A span over the limit is refused too, naming the end.
    expectFields(
      await dana.get(`/api/cohorts/${id}/attendance?from=2026-01-01&to=2026-12-31`),
      400,
      ["to"],
    );
  });

  it("refuses far-away weeks and session ranges naming the field", async () => {
    const jordan = await sign(JORDAN);
    const me = (await server.db.prisma.user.findUniqueOrThrow({ where: { email: JORDAN } })).id;
    expectFields(await jordan.get(`/api/participants/${me}/attendance?weekStart=0000-01-03`), 400, [
      "weekStart",
    ]);
    expectFields(await jordan.get(`/api/sessions?from=9999-01-01&to=9999-01-05`), 400, [
      "from",
      "to",
    ]);
  });

  it("refuses a cohort starting in 1990 without generating its meetings", async () => {
    const admin = await sign(DEMO_ACCOUNTS.admin);
    const cohort = await server.db.prisma.cohort.findFirstOrThrow();
    const lead = await server.db.prisma.user.findUniqueOrThrow({ where: { email: DANA } });
    const before = await server.db.prisma.sessionOccurrence.count();
    const res = await admin.post("/api/cohorts", {
      programId: cohort.programId,
      name: "Old track",
      timeZone: "America/New_York",
      startsOn: "1990-01-01",
      endsOn: "2026-12-31",
      weeklyPattern: { days: ["MO", "WE", "TH"], startTime: "09:00", endTime: "12:00" },
      leadFacilitatorId: lead.id,
    });
    expectFields(res, 400, ["startsOn", "endsOn"]);
    const long = await admin.post("/api/cohorts", {
      programId: cohort.programId,
      name: "Endless track",
      timeZone: "America/New_York",
      startsOn: "2026-01-05",
      endsOn: "2100-12-31",
      weeklyPattern: { days: ["MO", "WE", "TH"], startTime: "09:00", endTime: "12:00" },
      leadFacilitatorId: lead.id,
    });
    expectFields(long, 400, ["endsOn"]);
    expect(await server.db.prisma.sessionOccurrence.count()).toBe(before);
  });

  it("refuses a booking in 1970 naming startsAt", async () => {
    const dana = await sign(DANA);
    const jordan = await server.db.prisma.user.findUniqueOrThrow({ where: { email: JORDAN } });
    const res = await dana.post("/api/sessions", {
      kind: "INDIVIDUAL",
      participantUserId: jordan.id,
      startsAt: "1970-01-01T10:00:00Z",
      durationMinutes: 50,
    });
    expect(res.status).toBe(400);
    expect(Object.keys(ApiErrorBodySchema.parse(res.body).error.fields ?? {})).toContain(
      "startsAt",
    );
  });

  it("answers bad percent-encoding in any path id with a JSON 400, signed in or not", async () => {
    const dana = await sign(DANA);
    for (const [method, route] of ROUTES_WITH_IDS) {
      for (const cookie of ["", dana.cookieHeader()]) {
        const res = await rawGet(
          server.url,
          route.replace(":id", "%ZZ"),
          {
            origin: server.url,
            ...(cookie ? { cookie } : {}),
            ...(dana.csrfToken && cookie ? { "x-csrf-token": dana.csrfToken } : {}),
          },
          undefined,
          method,
        );
        expect(res.status, `${method} ${route} ${cookie ? "signed in" : "signed out"}`).toBe(400);
        expect(res.contentType).toContain("application/json");
        expect(ApiErrorBodySchema.parse(JSON.parse(res.text)).error.code).toBe("invalid_input");
      }
    }
  });

  it("refuses NUL bytes and lone surrogates in any text field, naming the field", async () => {
    const dana = await sign(DANA);
    const admin = await sign(DEMO_ACCOUNTS.admin);
    const nul = await admin.post("/api/programs", { name: "Day\u0000program" });
    expect(expectFields(nul, 400, ["name"]).error.fields?.name).toMatch(/NUL/);
    // A lone surrogate can only be written as a JSON escape: JSON.stringify would pair it.
    const lone = await admin.request("POST", "/api/programs", {
      rawBody: '{"name":"Day program","description":"broken \\ud800 text"}',
      headers: { "content-type": "application/json" },
    });
    expectFields(lone, 400, ["description"]);
    const nested = await dana.request("POST", "/api/sessions", {
      json: { kind: "INDIVIDUAL", notes: { deeper: ["ok", "bad\u0000"] } },
    });
    expectFields(nested, 400, ["notes.deeper.1"]);
    // In a query string too.
    const query = await dana.get(`/api/forums/search?q=${encodeURIComponent("a\u0000b")}`);
    expectFields(query, 400, ["q"]);
    expect(await server.db.prisma.program.count({ where: { name: { contains: "Day" } } })).toBe(0);
  });

  it("refuses a gzip body that is not gzip with 400", async () => {
    const admin = await sign(DEMO_ACCOUNTS.admin);
    const res = await rawGet(
      server.url,
      "/api/programs",
      {
        origin: server.url,
        cookie: admin.cookieHeader(),
        "x-csrf-token": admin.csrfToken ?? "",
        "content-type": "application/json",
        "content-encoding": "gzip",
      },
      Buffer.from('{"name":"Not gzip at all"}'),
      "POST",
    );
    expect(res.status).toBe(400);
    expect(ApiErrorBodySchema.parse(JSON.parse(res.text)).error.fields).toHaveProperty("body");
  });

  it("never serves a file outside /assets, and answers traversal with 4xx", async () => {
    expect((await rawGet(server.url, "/assets/app.js")).status).toBe(200);
    for (const path of [
      "/assets/..%2fsecret.txt",
      "/assets/..%2f..%2fpackage.json",
      "/assets/%2e%2e%2fsecret.txt",
      "/assets/..%5csecret.txt",
      "/assets/%ZZ",
      "/assets/nothing-here.js",
    ]) {
      const res = await rawGet(server.url, path);
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.text, path).not.toContain("outside the assets folder");
    }
  });

  it("refuses names with control characters or right-to-left overrides", async () => {
    const admin = await sign(DEMO_ACCOUNTS.admin);
    for (const name of ["Evil\u202Eeman", "\u2066Iso\u2069", "Bell\u0007", "Line\nbreak"]) {
      expectFields(await admin.post("/api/programs", { name }), 400, ["name"]);
    }
    const jordan = await sign(JORDAN);
    const invite = await jordan.post("/api/families/invitations", {
      email: `rtl.${Date.now()}@family.example`,
      firstName: "Ann\u202Eeil",
      lastName: "Lee",
      relationship: "SIBLING",
      sessionKinds: ["FAMILY"],
    });
    expectFields(invite, 400, ["firstName"]);
  });
});
