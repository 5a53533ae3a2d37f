import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { CLIENT_EVENT_SCHEMAS } from "@bridgeway/domain";
import type { Express } from "express";
import fc from "fast-check";
import { pino } from "pino";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, TestClient } from "../testing/http-client";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

/**
 * Property-based fuzzing of every JSON route and socket event, as each role, with generated
 * input: any 5xx, and any error the server logs (unknown errors in routes or socket handlers),
 * fails the test. Runs are bounded so a loaded two-core machine finishes in about a minute.
 */

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 2);
const RUNS_PER_EVENT = Number(process.env.FUZZ_EVENT_RUNS ?? 2);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const ACK_TIMEOUT_MS = 1500;

type Route = { method: string; path: string };
type Role = "admin" | "facilitator" | "participant" | "family" | "signed-out";
const ROLES: Role[] = ["admin", "facilitator", "participant", "family", "signed-out"];

/**
 * Routes whose success would end the fuzzing role's own access (sign-out, deactivating the
 * demo accounts) rather than test input handling; they are still fuzzed signed out.
 */
const SELF_ENDING = /\/auth\/logout|deactivat|\/sessions\/revoke|reactivat/;

type Layer = {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
};

/** Every route in the Express router stack, with its full path. */
function routesOf(app: Express): Route[] {
  const found: Route[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        if (typeof layer.route.path !== "string") continue;
        for (const method of Object.keys(layer.route.methods)) {
          if (method === "_all") continue;
          found.push({ method: method.toUpperCase(), path: prefix + layer.route.path });
        }
      } else if (layer.handle?.stack) {
        const mount =
          typeof layer.rawPath === "string" && layer.rawPath !== "/" ? layer.rawPath : "";
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  walk(router.stack, "");
  const seen = new Set<string>();
  return found.filter((r) => {
    const key = `${r.method} ${r.path}`;
    if (!r.path.startsWith("/api/") || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const BAD_DATES = [
  "0000-01-01",
  "9999-12-31",
  "1970-01-01",
  "2026-02-30",
  "2026-13-01",
  "-000001-01-01",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "2026-11-24T18:00:00-05:00",
  "2026-11-24",
  "+275760-09-13T00:00:00.000Z",
];
const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "\uD800",
  "a\uDC00b",
  "\u202Eevil",
  "%ZZ",
  "..%2f..%2fetc%2fpasswd",
  "<script>alert(1)</script>",
  "'; DROP TABLE users; --",
  "x".repeat(5000),
  "😀".repeat(50),
  "__proto__",
  "constructor",
  "NaN",
  "null",
  "[object Object]",
];
const NUMBERS = [0, -1, 1, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_VALUE, 0.5, 1e-300];
/** Field names the API and socket events use, so generated objects reach past "unknown key". */
const FIELDS = [
  "email",
  "password",
  "currentPassword",
  "newPassword",
  "token",
  "name",
  "description",
  "firstName",
  "lastName",
  "preferredName",
  "timeZone",
  "programId",
  "cohortId",
  "participantUserId",
  "participantId",
  "facilitatorUserId",
  "leadFacilitatorId",
  "coFacilitatorIds",
  "startsOn",
  "endsOn",
  "startsAt",
  "durationMinutes",
  "kind",
  "capacity",
  "weeklyPattern",
  "days",
  "startTime",
  "endTime",
  "phase",
  "effectiveFrom",
  "plannedDischargeOn",
  "reason",
  "body",
  "title",
  "sessionKinds",
  "relationship",
  "participantConsented",
  "answers",
  "instrument",
  "cadence",
  "firstDueOn",
  "from",
  "to",
  "weekStart",
  "limit",
  "before",
  "after",
  "q",
  "sessionId",
  "roomKey",
  "clientId",
  "messageId",
  "userId",
  "displayName",
  "typing",
  "locked",
  "rooms",
  "members",
  "message",
  "microphone",
  "camera",
  "screen",
  "raised",
  "to",
  "signal",
  "role",
  "status",
  "familyUserIds",
];

type Ids = { real: string[] };

function valueArb(ids: Ids): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.constantFrom<unknown>(...NASTY_STRINGS, ...BAD_DATES, ...NUMBERS, null, true, false),
    fc.constantFrom(...ids.real),
    fc.uuid(),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => Number(n)),
  );
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...FIELDS), tie("value"), { maxKeys: 4 }),
    ),
  })).value;
}

/** A body: mostly objects with the API's field names, sometimes anything at all. */
function bodyArb(ids: Ids): fc.Arbitrary<unknown> {
  const value = valueArb(ids);
  return fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 }) },
    { weight: 1, arbitrary: value },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

function pathSegmentArb(ids: Ids): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...ids.real),
    fc.uuid(),
    fc.constantFrom(
      "%ZZ",
      "%",
      "%E0%A4%A",
      "..%2f..%2f",
      "%00",
      "%F0%9F%98%80",
      "0",
      "-1",
      "cohort",
    ),
    fc.string({ maxLength: 30 }).map((s) => encodeURIComponent(s)),
  );
}

function queryArb(ids: Ids): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.constantFrom(...BAD_DATES, ...NASTY_STRINGS.filter((s) => s.length < 100)),
    fc.constantFrom(...ids.real),
    fc.string({ maxLength: 20 }),
    fc.integer().map(String),
  );
  return fc
    .array(fc.tuple(fc.constantFrom(...FIELDS, "sort", "cursor"), value), { maxLength: 4 })
    .map((pairs) => {
      const params = new URLSearchParams();
      for (const [k, v] of pairs) {
        try {
          params.append(k, v);
        } catch {
          // A lone surrogate cannot be URL-encoded by URLSearchParams; send it raw below.
        }
      }
      return params.toString();
    });
}

/** Counts for the closing note. */
type Totals = {
  requests: number;
  byStatus: Record<string, number>;
  events: number;
  eventReplies: Record<string, number>;
  routes: number;
  socketEvents: number;
};

describe.each(databaseKinds())("fuzzing every route and socket event on %s", (kind) => {
  let server: TestServer;
  const errors: string[] = [];
  const totals: Totals = {
    requests: 0,
    byStatus: {},
    events: 0,
    eventReplies: {},
    routes: 0,
    socketEvents: 0,
  };

  beforeAll(async () => {
    // Error-level lines only: each is an unknown error the server met (a 500 or a failed event).
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        errors.push(chunk.toString("utf8"));
        done();
      },
    });
    server = await startTestServer({ kind, logger: pino({ level: "error" }, sink) });
  }, 180_000);
  afterAll(async () => {
    // The totals for the closing note, printed whether or not a property failed.
    process.stdout.write(`[fuzz ${kind}] totals ${JSON.stringify(totals)}\n`);
    await server.close();
  });

  async function clients(): Promise<Record<Role, TestClient>> {
    const sign = (email: string) => signedInClient(server.url, email, TEST_PASSWORD);
    return {
      admin: await sign(DEMO_ACCOUNTS.admin),
      facilitator: await sign(DEMO_ACCOUNTS.facilitators[0]),
      participant: await sign(DEMO_ACCOUNTS.participants[0]),
      family: await sign(DEMO_ACCOUNTS.family[0]),
      "signed-out": new TestClient(server.url),
    };
  }

  async function realIds(): Promise<Ids> {
    const prisma = server.db.prisma;
    const [users, cohorts, sessions, enrollments] = await Promise.all([
      prisma.user.findMany({ select: { id: true }, take: 6 }),
      prisma.cohort.findMany({ select: { id: true } }),
      prisma.sessionOccurrence.findMany({ select: { id: true }, take: 4 }),
      prisma.enrollment.findMany({ select: { id: true }, take: 2 }),
    ]);
    return {
      real: [...users, ...cohorts, ...sessions, ...enrollments].map((r) => r.id),
    };
  }

  it("answers every JSON route, as every role, with generated input, without a 5xx", async () => {
    const routes = routesOf(server.app);
    expect(routes.length).toBeGreaterThan(40);
    totals.routes = routes.length;
    const as = await clients();
    const ids = await realIds();
    const input = fc.record({
      segments: fc.array(pathSegmentArb(ids), { minLength: 3, maxLength: 3 }),
      query: queryArb(ids),
      body: bodyArb(ids),
    });

    for (const role of ROLES) {
      const client = as[role];
      for (const route of routes) {
        if (role !== "signed-out" && SELF_ENDING.test(route.path)) continue;
        await fc.assert(
          fc.asyncProperty(input, async ({ segments, query, body }) => {
            let n = 0;
            const path = route.path.replace(/:[A-Za-z]+/g, () => segments[n++ % 3] ?? "x");
            const url = query ? `${path}?${query}` : path;
            const res = await client.request(route.method, url, {
              ...(route.method === "GET" || route.method === "DELETE" ? {} : { json: body }),
            });
            totals.requests += 1;
            totals.byStatus[res.status] = (totals.byStatus[res.status] ?? 0) + 1;
            const logged = errors.splice(0);
            if (res.status >= 500 || logged.length > 0) {
              throw new Error(
                `${role} ${route.method} ${url} answered ${res.status}${logged.length ? ` and logged ${logged.join(" | ")}` : ""}`,
              );
            }
          }),
          { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
        );
      }
    }
  }, 240_000);

  it("answers every socket event, as every role, with generated payloads, without a server error", async () => {
    const as = await clients();
    const ids = await realIds();
    // A signed-out socket is refused at the door.
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(server.url, {
        transports: ["websocket"],
        reconnection: false,
        extraHeaders: { origin: server.url },
      });
      socket.on("connect", () => {
        socket.disconnect();
        resolve("connected");
      });
      socket.on("connect_error", (error) => resolve(error.message));
    });
    expect(refused).not.toBe("connected");

    for (const role of ROLES) {
      if (role === "signed-out") continue;
      const socket: Socket = connect(server.url, {
        transports: ["websocket"],
        reconnection: false,
        extraHeaders: { origin: server.url, cookie: as[role].cookieHeader() },
      });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      // Every event a client may send, as the contract in the domain package names them.
      const events = [...Object.keys(CLIENT_EVENT_SCHEMAS), "presence:ping"];
      expect(events.length).toBeGreaterThan(10);
      totals.socketEvents = Math.max(totals.socketEvents, events.length);
      const payload = fc.oneof(
        { weight: 3, arbitrary: bodyArb(ids) },
        {
          weight: 2,
          arbitrary: fc.record({
            sessionId: fc.constantFrom(...ids.real),
            roomKey: fc.constantFrom(
              ...ids.real.map((id) => `cohort:${id}`),
              `thread:${randomUUID()}:${randomUUID()}`,
            ),
            body: fc.constantFrom(...NASTY_STRINGS),
            clientId: fc.uuid(),
            displayName: fc.constantFrom(...NASTY_STRINGS),
          }),
        },
      );
      for (const event of events) {
        await fc.assert(
          fc.asyncProperty(payload, async (p) => {
            let reply: unknown;
            try {
              reply = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, p);
            } catch {
              reply = { timeout: true };
            }
            totals.events += 1;
            const outcome =
              typeof reply === "object" && reply !== null && "ok" in reply
                ? (reply as { ok: boolean; error?: { code?: string } }).ok
                  ? "ok"
                  : ((reply as { error?: { code?: string } }).error?.code ?? "refused")
                : typeof reply === "object" && reply !== null && "timeout" in reply
                  ? "no-ack"
                  : "other";
            totals.eventReplies[outcome] = (totals.eventReplies[outcome] ?? 0) + 1;
            const logged = errors.splice(0);
            if (logged.length > 0 || outcome === "unavailable") {
              throw new Error(`${role} ${event} failed on the server: ${logged.join(" | ")}`);
            }
          }),
          { numRuns: RUNS_PER_EVENT, seed: SEED, endOnFailure: true },
        );
        if (!socket.connected)
          throw new Error(`${role}: the server dropped the socket after ${event}`);
      }
      socket.disconnect();
    }
  }, 240_000);
});
