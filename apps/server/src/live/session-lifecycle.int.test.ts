import {
  ApiErrorBodySchema,
  SessionListSchema,
  SessionSummarySchema,
  type RoomSnapshot,
  type SessionSummary,
} from "@bridgeway/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, type TestClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const [DANA] = DEMO_ACCOUNTS.facilitators;
const P = DEMO_ACCOUNTS.participants;
const MINUTE = 60_000;

describe.each(databaseKinds())(
  "a session's life: ending, history, hands, removal on %s",
  (kind) => {
    const clock = new ManualClock(new Date("2026-11-23T12:00:00Z"));
    let server: TestServer;
    let groups: SessionSummary[];
    const opened: LiveClient[] = [];

    async function person(
      email: string,
    ): Promise<{ client: TestClient; live: LiveClient; id: string }> {
      const client = await signedInClient(server.url, email, TEST_PASSWORD);
      const live = new LiveClient(server.url, client.cookieHeader());
      opened.push(live);
      await live.connected();
      const me = await client.get<{ user: { id: string } }>("/api/auth/me");
      return { client, live, id: me.body.user.id };
    }

    function group(index: number): SessionSummary {
      const found = groups[index];
      if (!found) throw new Error(`the demo cohort has no meeting ${index}`);
      return found;
    }

    beforeAll(async () => {
      // A long grace: a dropped connection stays "reconnecting" for the whole test.
      server = await startTestServer({ kind, clock, reconnectGraceMs: 10 * 60_000 });
      const dana = await signedInClient(server.url, DANA, TEST_PASSWORD);
      const res = await dana.get("/api/sessions?from=2026-11-23&to=2026-12-20");
      groups = SessionListSchema.parse(res.body).sessions.filter((s) => s.cohort !== null);
    });
    afterEach(() => {
      for (const live of opened.splice(0)) live.close();
    });
    afterAll(async () => {
      await server.close();
    });

    it("ends a session early for everyone: its page says when, and the rest of its slot is free", async () => {
      const session = group(0);
      const startsAt = Date.parse(session.startsAt);
      clock.set(new Date(startsAt - 5 * MINUTE));
      const dana = await person(DANA);
      await dana.live.join(session.id, "Dana");
      const jordan = await person(P[0]);
      await jordan.live.join(session.id, "Jordan");
      await dana.live.request("room:admit", { sessionId: session.id, userId: jordan.id });

      const before = await jordan.client.get(`/api/sessions/${session.id}`);
      expect(SessionSummarySchema.parse(before.body).endedAt).toBeNull();

      // In the room the web app keeps the sign-in alive (sockets end at the idle limit otherwise).
      for (const minutes of [20, 40]) {
        clock.set(new Date(startsAt + minutes * MINUTE));
        await dana.client.post("/api/auth/keepalive");
        await jordan.client.post("/api/auth/keepalive");
      }
      const ended = jordan.live.waitFor("room:ended");
      expect((await dana.live.request("room:end", { sessionId: session.id })).ok).toBe(true);
      await ended;
      const endedAt = new Date(startsAt + 40 * MINUTE).toISOString();

      // The participant's session page and list (which their home uses) say it ended, and when.
      const page = await jordan.client.get(`/api/sessions/${session.id}`);
      expect(page.status).toBe(200);
      expect(SessionSummarySchema.parse(page.body).endedAt).toBe(endedAt);
      const list = await jordan.client.get("/api/sessions?from=2026-11-23&to=2026-11-30");
      const listed = SessionListSchema.parse(list.body).sessions.find((s) => s.id === session.id);
      expect(listed?.endedAt).toBe(endedAt);

      // The rest of the booked slot is free for the same people; the time it ran is not.
      const during = await dana.client.post("/api/sessions", {
        kind: "INDIVIDUAL",
        participantUserId: jordan.id,
        startsAt: new Date(startsAt + 20 * MINUTE).toISOString(),
        durationMinutes: 30,
      });
      expect(during.status).toBe(409);
      const after = await dana.client.post("/api/sessions", {
        kind: "INDIVIDUAL",
        participantUserId: jordan.id,
        startsAt: new Date(startsAt + 60 * MINUTE).toISOString(),
        durationMinutes: 60,
      });
      expect(after.status).toBe(201);
    });

    it("refuses to move a session that people attended, saying why, and still moves one without history", async () => {
      const attended = group(1);
      clock.set(new Date(Date.parse(attended.startsAt) - 5 * MINUTE));
      const dana = await person(DANA);
      expect((await dana.live.join(attended.id, "Dana")).ok).toBe(true);
      clock.set(new Date(Date.parse(attended.endsAt) + 60 * MINUTE));
      const admin = await signedInClient(server.url, DEMO_ACCOUNTS.admin, TEST_PASSWORD);

      const refused = await admin.request("PATCH", `/api/sessions/${attended.id}`, {
        json: {
          startsAt: new Date(Date.parse(attended.startsAt) + 24 * 60 * MINUTE).toISOString(),
        },
      });
      expect(refused.status).toBe(409);
      const error = ApiErrorBodySchema.parse(refused.body).error;
      expect(error.message).toMatch(/cannot be rescheduled because people attended it/);
      expect(error.fields).toHaveProperty("startsAt");
      const unchanged = await admin.get(`/api/sessions/${attended.id}`);
      expect(SessionSummarySchema.parse(unchanged.body).startsAt).toBe(attended.startsAt);

      const untouched = group(5);
      const later = new Date(Date.parse(untouched.startsAt) + 15 * MINUTE).toISOString();
      const moved = await admin.request("PATCH", `/api/sessions/${untouched.id}`, {
        json: { startsAt: later },
      });
      expect(moved.status).toBe(200);
      expect(Date.parse(SessionSummarySchema.parse(moved.body).startsAt)).toBe(Date.parse(later));
    });

    it("lowers a raised hand when its owner drops out, so it is not up when they come back", async () => {
      const session = group(2);
      clock.set(new Date(Date.parse(session.startsAt) - 5 * MINUTE));
      const dana = await person(DANA);
      await dana.live.join(session.id, "Dana");
      const sam = await person(P[1]);
      await sam.live.join(session.id, "Sam");
      await dana.live.request("room:admit", { sessionId: session.id, userId: sam.id });
      expect(
        (await sam.live.request("hand:raise", { sessionId: session.id, raised: true })).ok,
      ).toBe(true);
      const samOf = (r: RoomSnapshot) => r.people.find((p) => p.userId === sam.id);
      await dana.live.state((r) => samOf(r)?.handRaisedAt !== null && samOf(r) !== undefined);

      // The network drops under Sam's socket, and Sam does not come back on it.
      sam.live.socket.io.reconnection(false);
      sam.live.socket.io.engine.close();
      const dropped = await dana.live.waitFor<RoomSnapshot>(
        "room:state",
        (r) => samOf(r)?.status === "reconnecting",
      );
      expect(samOf(dropped)?.handRaisedAt).toBeNull();

      // Sam comes back on a new connection: in the room again, hand down.
      const back = new LiveClient(server.url, sam.client.cookieHeader());
      opened.push(back);
      await back.connected();
      const rejoined = await back.join(session.id, "Sam");
      expect(rejoined.ok && rejoined.state).toBe("admitted");
      const seen = await dana.live.state((r) => samOf(r)?.status === "in-room");
      expect(samOf(seen)?.handRaisedAt).toBeNull();
    });

    it("lets a removed person back in to the waiting room, from where they can be admitted", async () => {
      const session = group(3);
      clock.set(new Date(Date.parse(session.startsAt) - 5 * MINUTE));
      const dana = await person(DANA);
      await dana.live.join(session.id, "Dana");
      const riley = await person(P[2]);
      await riley.live.join(session.id, "Riley");
      await dana.live.request("room:admit", { sessionId: session.id, userId: riley.id });
      const removed = riley.live.waitFor("room:removed");
      await dana.live.request("room:remove", { sessionId: session.id, userId: riley.id });
      await removed;
      const listed = await dana.live.state((r) =>
        (r.removed ?? []).some((p) => p.userId === riley.id),
      );
      expect(listed.removed).toEqual([{ userId: riley.id, displayName: "Riley" }]);

      // Only the session's clinicians can let someone back in.
      const sam = await person(P[1]);
      await sam.live.join(session.id, "Sam");
      await dana.live.request("room:admit", { sessionId: session.id, userId: sam.id });
      const bySam = await sam.live.request("room:readmit", {
        sessionId: session.id,
        userId: riley.id,
      });
      expect(bySam.ok ? "readmitted" : bySam.error.code).toBe("forbidden");
      const notRemoved = await dana.live.request("room:readmit", {
        sessionId: session.id,
        userId: sam.id,
      });
      expect(notRemoved.ok ? "readmitted" : notRemoved.error.code).toBe("not_found");

      const told = riley.live.waitFor("room:readmitted");
      const readmit = await dana.live.request("room:readmit", {
        sessionId: session.id,
        userId: riley.id,
      });
      expect(readmit.ok).toBe(true);
      await told;
      await dana.live.state((r) => !(r.removed ?? []).some((p) => p.userId === riley.id));

      const again = await riley.live.join(session.id, "Riley");
      expect(again.ok && again.state).toBe("waiting");
      await dana.live.state((r) =>
        r.people.some((p) => p.userId === riley.id && p.status === "waiting"),
      );
      expect(
        (await dana.live.request("room:admit", { sessionId: session.id, userId: riley.id })).ok,
      ).toBe(true);
      await dana.live.state((r) =>
        r.people.some((p) => p.userId === riley.id && p.status === "in-room"),
      );
    });
  },
);
