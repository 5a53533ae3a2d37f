import {
  SessionAttendanceSchema,
  SessionListSchema,
  type CohortAttendance,
  type MediaCredential,
  type SessionSummary,
} from "@bridgeway/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, type TestClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";
import { turnPassword } from "./turn-credentials";

const [DANA] = DEMO_ACCOUNTS.facilitators;
const P = DEMO_ACCOUNTS.participants;
const TURN_SECRET = "a-test-secret-shared-with-coturn";
const TURN_URL = "turn:127.0.0.1:34780?transport=udp";

/** The TURN entry of a direct-mode credential, if it has one. */
function turnEntry(credential: MediaCredential | undefined) {
  if (credential?.mode !== "direct") return undefined;
  return credential.iceServers.find((s) => [s.urls].flat().includes(TURN_URL));
}

describe.each(databaseKinds())("TURN credentials and audio-only attendance on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-23T12:00:00Z"));
  let server: TestServer;
  let sessions: SessionSummary[];
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

  /** Dana opens `session`'s room and lets `email` in. */
  async function roomWith(session: SessionSummary, email: string) {
    clock.set(new Date(Date.parse(session.startsAt) - 60_000));
    const dana = await person(DANA);
    const joined = await dana.live.join(session.id, "Dana");
    const guest = await person(email);
    const waiting = await guest.live.join(session.id, "Guest");
    const admitted = guest.live.waitFor<{ credential: MediaCredential }>("room:admitted");
    await dana.live.request("room:admit", { sessionId: session.id, userId: guest.id });
    return {
      dana,
      guest,
      danaCredential: joined.ok ? joined.credential : undefined,
      waitingCredential: waiting.ok ? waiting.credential : undefined,
      guestCredential: (await admitted).credential,
    };
  }

  beforeAll(async () => {
    server = await startTestServer({
      kind,
      clock,
      env: { TURN_URLS: TURN_URL, TURN_SECRET, TURN_TTL_SECONDS: "3600" },
    });
    const dana = await signedInClient(server.url, DANA, TEST_PASSWORD);
    const res = await dana.get("/api/sessions?from=2026-11-23&to=2026-12-20");
    sessions = SessionListSchema.parse(res.body).sessions.filter((s) => s.cohort !== null);
  });
  afterEach(() => {
    for (const live of opened.splice(0)) live.close();
  });
  afterAll(async () => {
    await server.close();
  });

  it("issues each admitted person a TURN credential of their own that expires, and none to someone waiting", async () => {
    const session = sessions[0];
    if (!session) throw new Error("no meeting");
    const room = await roomWith(session, P[0]);
    expect(room.waitingCredential).toBeUndefined();
    const nowSeconds = Math.floor(clock.now().getTime() / 1000);
    for (const [credential, id] of [
      [room.danaCredential, room.dana.id],
      [room.guestCredential, room.guest.id],
    ] as const) {
      const turn = turnEntry(credential);
      expect(turn?.username).toBe(`${nowSeconds + 3600}:${id}`);
      expect(turn?.credential).toBe(turnPassword(TURN_SECRET, turn?.username ?? ""));
    }
    // A renewed credential carries a fresh expiry.
    clock.advance(10 * 60_000);
    const renewed = await room.guest.live.request<{ credential: MediaCredential }>(
      "media:refresh-credential",
      { sessionId: session.id },
    );
    if (!renewed.ok) throw new Error(renewed.error.message);
    expect(turnEntry(renewed.credential)?.username).toBe(
      `${nowSeconds + 600 + 3600}:${room.guest.id}`,
    );
  });

  it("refuses a TURN credential to someone who has not been let in", async () => {
    const session = sessions[1];
    if (!session) throw new Error("no second meeting");
    clock.set(new Date(Date.parse(session.startsAt) - 60_000));
    const dana = await person(DANA);
    await dana.live.join(session.id, "Dana");
    const riley = await person(P[2]);
    await riley.live.join(session.id, "Riley");
    const refused = await riley.live.request("media:refresh-credential", { sessionId: session.id });
    expect(refused.ok ? "issued" : refused.error.code).toBe("not_admitted");
  });

  it("records a new attendance span at each switch between video and audio-only, and the CSV says which", async () => {
    const session = sessions[2];
    if (!session?.cohort) throw new Error("no third meeting");
    const room = await roomWith(session, P[0]);
    const jordan = room.guest;
    // Sessions log off after 30 idle minutes; the minutes below pass in steps with activity.
    const pass = async (minutes: number) => {
      clock.advance(minutes * 60_000);
      await Promise.all([room.dana.client.get("/api/auth/me"), jordan.client.get("/api/auth/me")]);
    };
    clock.set(new Date(session.startsAt));
    const media = { sessionId: session.id, microphone: true, camera: true, screen: false };
    expect((await jordan.live.request("media:state", media)).ok).toBe(true);
    await pass(20);
    expect((await jordan.live.request("media:state", { ...media, audioOnly: true })).ok).toBe(true);
    // Everyone sees they are audio-only, with no camera, whatever the client said.
    const seen = await room.dana.live.state((r) =>
      r.people.some((p) => p.userId === jordan.id && p.audioOnly),
    );
    expect(seen.people.find((p) => p.userId === jordan.id)).toMatchObject({
      audioOnly: true,
      camera: false,
    });
    // Saying the same again starts nothing new.
    expect((await jordan.live.request("media:state", { ...media, audioOnly: true })).ok).toBe(true);
    await pass(20);
    await pass(5);
    expect((await jordan.live.request("media:state", { ...media, audioOnly: false })).ok).toBe(
      true,
    );
    await pass(15);

    const res = await room.dana.client.get(`/api/sessions/${session.id}/attendance`);
    const row = SessionAttendanceSchema.parse(res.body).people.find((p) => p.userId === jordan.id);
    expect(row?.joins.map((j) => j.modality)).toEqual(["video", "audio-only", "video"]);
    expect(row?.joins[1]?.joinedAt).toBe(
      new Date(Date.parse(session.startsAt) + 20 * 60_000).toISOString(),
    );
    expect(row?.joins[1]?.leftAt).toBe(row?.joins[2]?.joinedAt);

    const day = session.startsAt.slice(0, 10);
    const range = `from=${day}&to=${day}`;
    const grid = await room.dana.client.get<CohortAttendance>(
      `/api/cohorts/${session.cohort.id}/attendance?${range}`,
    );
    const cell = grid.body.participants
      .find((p) => p.participantId === jordan.id)
      ?.cells.find((c) => c.sessionId === session.id);
    expect(cell).toMatchObject({ minutes: 60, videoMinutes: 35, audioOnlyMinutes: 25 });

    // An export needs a password confirmed in the last 5 minutes; the session is an hour old.
    const reauth = await room.dana.client.post("/api/auth/reauthenticate", {
      password: TEST_PASSWORD,
    });
    expect(reauth.status).toBe(204);
    const csv = await fetch(
      `${server.url}/api/cohorts/${session.cohort.id}/attendance.csv?${range}`,
      {
        headers: { cookie: room.dana.client.cookieHeader() },
      },
    );
    const [header, ...lines] = (await csv.text()).trim().split("\r\n");
    const columns = header?.split(",") ?? [];
    const jordanRow = lines
      .map((l) => l.split(","))
      .find((cells) => cells[columns.indexOf("Attended minutes")] === "60");
    expect(jordanRow?.[columns.indexOf("Modality")]).toBe("video and audio-only");
    expect(jordanRow?.[columns.indexOf("Video minutes")]).toBe("35");
    expect(jordanRow?.[columns.indexOf("Audio-only minutes")]).toBe("25");
  });

  it("starts the span of someone who rejoins in audio-only as audio-only", async () => {
    const session = sessions[3];
    if (!session) throw new Error("no fourth meeting");
    const room = await roomWith(session, P[1]);
    clock.advance(30_000);
    const media = { sessionId: session.id, microphone: true, camera: false, screen: false };
    expect((await room.guest.live.request("media:state", { ...media, audioOnly: true })).ok).toBe(
      true,
    );
    expect((await room.guest.live.request("room:leave", { sessionId: session.id })).ok).toBe(true);
    clock.advance(60_000);
    const back = await room.guest.live.join(session.id, "Guest");
    if (!back.ok) throw new Error(back.error.message);
    const res = await room.dana.client.get(`/api/sessions/${session.id}/attendance`);
    const row = SessionAttendanceSchema.parse(res.body).people.find(
      (p) => p.userId === room.guest.id,
    );
    expect(row?.joins.map((j) => j.modality)).toEqual(["video", "audio-only", "audio-only"]);
  });

  it("corrects a span only just begun rather than leaving a sliver of video before audio-only", async () => {
    const session = sessions[4];
    if (!session) throw new Error("no fifth meeting");
    const room = await roomWith(session, P[2]);
    clock.advance(2_000);
    const media = { sessionId: session.id, microphone: true, camera: false, screen: false };
    expect((await room.guest.live.request("media:state", { ...media, audioOnly: true })).ok).toBe(
      true,
    );
    const res = await room.dana.client.get(`/api/sessions/${session.id}/attendance`);
    const row = SessionAttendanceSchema.parse(res.body).people.find(
      (p) => p.userId === room.guest.id,
    );
    expect(row?.joins.map((j) => j.modality)).toEqual(["audio-only"]);
  });
});
