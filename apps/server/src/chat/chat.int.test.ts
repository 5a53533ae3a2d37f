import { randomUUID } from "node:crypto";
import {
  ApiErrorBodySchema,
  CHAT_EDIT_WINDOW_MS,
  roomKey,
  type ChatMessageDto,
  type ChatRoomSummary,
  type CrisisAlertDto,
} from "@bridgeway/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { fixtures } from "../testing/fixtures";
import { signedInClient, type TestClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds, redisUrlForTests } from "../testing/test-databases";
import {
  startServerPair,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
} from "../testing/test-server";

const P = DEMO_ACCOUNTS.participants;
const [DANA] = DEMO_ACCOUNTS.facilitators;
type Person = { client: TestClient; live: LiveClient; id: string };
const opened: LiveClient[] = [];

async function personOn(server: TestServer | { url: string }, email: string): Promise<Person> {
  const client = await signedInClient(server.url, email, TEST_PASSWORD);
  const live = new LiveClient(server.url, client.cookieHeader());
  opened.push(live);
  await live.connected();
  const me = await client.get<{ user: { id: string } }>("/api/auth/me");
  return { client, live, id: me.body.user.id };
}

async function send(person: Person, room: string, body: string, clientId = randomUUID()) {
  const reply = await person.live.request<{ message: ChatMessageDto }>("chat:send", {
    roomKey: room,
    clientId,
    body,
  });
  if (!reply.ok) throw new Error(`send failed: ${reply.error.message}`);
  return reply.message;
}

afterEach(() => {
  for (const live of opened.splice(0)) live.close();
});

describe.each(databaseKinds())("cohort chat on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-23T15:00:00Z"));
  let server: TestServer;
  let cohortRoom = "";

  beforeAll(async () => {
    server = await startTestServer({ kind, clock });
    const cohort = await server.db.prisma.cohort.findFirstOrThrow({
      where: { name: "Evening track" },
    });
    cohortRoom = roomKey({ kind: "cohort", cohortId: cohort.id });
  });
  afterAll(async () => {
    await server.close();
  });

  it("lists a participant's rooms: their cohort and a private thread with each of their clinicians", async () => {
    const jordan = await personOn(server, P[0]);
    const reply = await jordan.live.request<{ rooms: ChatRoomSummary[] }>("chat:rooms", {});
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.rooms.map((r) => r.kind).sort()).toEqual(["cohort", "thread", "thread"]);
    expect(reply.rooms.find((r) => r.kind === "cohort")?.title).toBe("Evening track chat");
    expect(
      reply.rooms
        .filter((r) => r.kind === "thread")
        .map((r) => r.title)
        .sort(),
    ).toEqual(["Private thread with Dana Whitfield", "Private thread with Marcus Reyes"]);
  });

  it("delivers a message to the other participants, stores a retried send once, and shows markup as text", async () => {
    const jordan = await personOn(server, P[0]);
    const sam = await personOn(server, P[1]);
    await jordan.live.request("chat:subscribe", { roomKey: cohortRoom });
    await sam.live.request("chat:subscribe", { roomKey: cohortRoom });
    const clientId = randomUUID();
    const body = "<b>hi</b> <script>alert(1)</script> see you tonight";
    const first = await send(jordan, cohortRoom, body, clientId);
    const retry = await send(jordan, cohortRoom, body, clientId);
    expect(retry.id).toBe(first.id);
    expect(first.author.displayName).toBe("Jordan L.");
    const received = await sam.live.waitFor<ChatMessageDto>(
      "chat:message",
      (m) => m.clientId === clientId,
    );
    expect(received.body).toBe(body);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(
      sam.live.events.filter(
        (e) => e.event === "chat:message" && (e.payload as ChatMessageDto).clientId === clientId,
      ),
    ).toHaveLength(1);
    expect(await server.db.prisma.chatMessage.count({ where: { clientId } })).toBe(1);
    // Stored with exactly one audit event, however often it was sent.
    const audits = await server.db.prisma.auditEvent.findMany({
      where: { recordType: "chat-message", recordId: first.id },
    });
    expect(audits.map((a) => [a.action, a.actorUserId, a.actorRole])).toEqual([
      ["create", jordan.id, "PARTICIPANT"],
    ]);
  });

  it("pages history newest first with a cursor", async () => {
    const riley = await personOn(server, P[2]);
    const room = roomKey({
      kind: "thread",
      participantId: riley.id,
      facilitatorId: (await server.db.prisma.user.findUniqueOrThrow({ where: { email: DANA } })).id,
    });
    for (let i = 0; i < 55; i += 1) {
      clock.advance(1000);
      await send(riley, room, `message ${i}`);
    }
    const first = await riley.live.request<{
      messages: ChatMessageDto[];
      nextBefore: string | null;
    }>("chat:history", { roomKey: room, limit: 50 });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.messages[0]?.body).toBe("message 54");
    expect(first.messages.at(-1)?.body).toBe("message 5");
    const second = await riley.live.request<{
      messages: ChatMessageDto[];
      nextBefore: string | null;
    }>("chat:history", { roomKey: room, limit: 50, before: first.nextBefore });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.messages.map((m) => m.body)).toEqual([
      "message 4",
      "message 3",
      "message 2",
      "message 1",
      "message 0",
    ]);
    expect(second.nextBefore).toBeNull();
  });

  it("keeps other cohorts, family members and other people's therapist threads out, as if they did not exist", async () => {
    const f = fixtures(server.db.prisma, TEST_PASSWORD);
    const org = await server.db.prisma.organization.findFirstOrThrow();
    const outsiderUser = await f.user(org.id, "PARTICIPANT", "Olive");
    const otherFacilitator = await f.user(org.id, "FACILITATOR");
    const otherCohort = await f.cohort(org.id, [otherFacilitator.id], [outsiderUser.id]);
    const outsider = await personOn(server, outsiderUser.email);
    const family = await personOn(server, DEMO_ACCOUNTS.family[0]);
    const jordan = await personOn(server, P[0]);
    const sam = await personOn(server, P[1]);
    const dana = await server.db.prisma.user.findUniqueOrThrow({ where: { email: DANA } });
    const samThread = roomKey({ kind: "thread", participantId: sam.id, facilitatorId: dana.id });
    const cases: [Person, string][] = [
      [outsider, cohortRoom],
      [family, cohortRoom],
      [jordan, samThread],
      [jordan, roomKey({ kind: "cohort", cohortId: otherCohort.id })],
      [
        jordan,
        roomKey({ kind: "thread", participantId: jordan.id, facilitatorId: otherFacilitator.id }),
      ],
      [jordan, roomKey({ kind: "staff", programId: otherCohort.programId })],
    ];
    for (const [who, room] of cases) {
      const reply = await who.live.request("chat:subscribe", { roomKey: room });
      expect(reply.ok ? "subscribed" : reply.error.code, room).toBe("not_found");
      const posted = await who.live.request("chat:send", {
        roomKey: room,
        clientId: randomUUID(),
        body: "hello?",
      });
      expect(posted.ok ? "sent" : posted.error.code, room).toBe("not_found");
    }
  });

  it("refuses messages that are too long, empty or not text, naming the field", async () => {
    const jordan = await personOn(server, P[0]);
    for (const body of ["x".repeat(4001), "   ", 42, null]) {
      const reply = await jordan.live.request("chat:send", {
        roomKey: cohortRoom,
        clientId: randomUUID(),
        body,
      });
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(Object.keys(reply.error.fields ?? {})).toEqual(["body"]);
    }
    const badRoom = await jordan.live.request("chat:send", {
      roomKey: "cohort:not-a-room",
      clientId: randomUUID(),
      body: "hi",
    });
    expect(badRoom.ok || Object.keys(badRoom.error.fields ?? {})).toEqual(["roomKey"]);
    // The socket still works afterwards.
    expect((await send(jordan, cohortRoom, "still here")).body).toBe("still here");
  });

  it("shows typing to others, counts unread messages and clears them when read", async () => {
    const taylor = await personOn(server, P[3]);
    const morgan = await personOn(server, P[4]);
    await taylor.live.request("chat:subscribe", { roomKey: cohortRoom });
    await morgan.live.request("chat:subscribe", { roomKey: cohortRoom });
    const typing = morgan.live.waitFor<{ userId: string; typing: boolean }>(
      "chat:typing",
      (t) => t.userId === taylor.id,
    );
    taylor.live.socket.emit("chat:typing", { roomKey: cohortRoom, typing: true });
    expect((await typing).typing).toBe(true);
    expect(taylor.live.events.some((e) => e.event === "chat:typing")).toBe(false);

    const rooms = async () => {
      const reply = await morgan.live.request<{ rooms: ChatRoomSummary[] }>("chat:rooms", {});
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.rooms.find((r) => r.roomKey === cohortRoom)?.unread;
    };
    const last = await send(morgan, cohortRoom, "mine do not count");
    await morgan.live.request("chat:read", { roomKey: cohortRoom, messageId: last.id });
    expect(await rooms()).toBe(0);
    clock.advance(1000);
    await send(taylor, cohortRoom, "one");
    clock.advance(1000);
    const two = await send(taylor, cohortRoom, "two");
    expect(await rooms()).toBe(2);
    await morgan.live.request("chat:read", { roomKey: cohortRoom, messageId: two.id });
    expect(await rooms()).toBe(0);
  });

  it("lets authors edit or delete their own message for 15 minutes, and nobody else's", async () => {
    const casey = await personOn(server, P[5]);
    const avery = await personOn(server, P[6]);
    await avery.live.request("chat:subscribe", { roomKey: cohortRoom });
    const message = await send(casey, cohortRoom, "typo hre");
    const edited = await casey.live.request<{ message: ChatMessageDto }>("chat:edit", {
      messageId: message.id,
      body: "typo here",
    });
    expect(edited.ok && edited.message.editedAt).toBeTruthy();
    const update = await avery.live.waitFor<ChatMessageDto>(
      "chat:updated",
      (m) => m.id === message.id,
    );
    expect(update.body).toBe("typo here");
    const notMine = await avery.live.request("chat:edit", {
      messageId: message.id,
      body: "hijack",
    });
    expect(notMine.ok ? "edited" : notMine.error.code).toBe("not_found");
    const deleted = await casey.live.request<{ message: ChatMessageDto }>("chat:delete", {
      messageId: message.id,
    });
    expect(deleted.ok && deleted.message).toMatchObject({ deleted: true, body: "" });
    const old = await send(casey, cohortRoom, "an older message");
    clock.advance(CHAT_EDIT_WINDOW_MS + 1000);
    const late = await casey.live.request("chat:edit", { messageId: old.id, body: "too late" });
    expect(late.ok ? "edited" : late.error.code).toBe("forbidden");
  });

  it("lets a facilitator hide a message with a reason kept for the audit trail, and anyone report one", async () => {
    const dana = await personOn(server, DANA);
    const jamie = await personOn(server, P[7]);
    const jordan = await personOn(server, P[0]);
    await jordan.live.request("chat:subscribe", { roomKey: cohortRoom });
    const message = await send(jamie, cohortRoom, "something unkind");
    const reported = dana.live.waitFor<{ messageId: string }>(
      "chat:reported",
      (r) => r.messageId === message.id,
    );
    expect(
      (await jordan.live.request("chat:report", { messageId: message.id, reason: "unkind" })).ok,
    ).toBe(true);
    await reported;
    const refused = await jordan.live.request("chat:hide", { messageId: message.id, reason: "no" });
    expect(refused.ok ? "hidden" : refused.error.code).toBe("forbidden");
    const hidden = await dana.live.request<{ message: ChatMessageDto }>("chat:hide", {
      messageId: message.id,
      reason: "Not kind to the group",
    });
    expect(hidden.ok && hidden.message.hidden).toEqual({ reason: "Not kind to the group" });
    const seen = await jordan.live.waitFor<ChatMessageDto>(
      "chat:updated",
      (m) => m.id === message.id,
    );
    expect(seen).toMatchObject({ body: "", hidden: { reason: null } });
    const stored = await server.db.prisma.chatMessage.findUniqueOrThrow({
      where: { id: message.id },
    });
    expect(stored).toMatchObject({
      body: "something unkind",
      hiddenReason: "Not kind to the group",
    });
  });

  it("raises a crisis alert to the facilitators at once, shows the author 988, and still delivers the message", async () => {
    const dana = await personOn(server, DANA);
    const jordan = await personOn(server, P[0]);
    const sam = await personOn(server, P[1]);
    await sam.live.request("chat:subscribe", { roomKey: cohortRoom });
    const alert = dana.live.waitFor<CrisisAlertDto>("alert:crisis");
    const support = jordan.live.waitFor<{ crisisLine: string }>("crisis:support");
    const message = await send(jordan, cohortRoom, "honestly I want to die tonight");
    expect(await alert).toMatchObject({
      source: "chat",
      categories: ["suicide"],
      participant: { id: jordan.id },
      acknowledged: null,
    });
    expect((await alert).where).toMatchObject({
      kind: "chat",
      ref: cohortRoom,
      label: "Evening track chat",
    });
    expect(JSON.stringify(await alert)).not.toContain("want to die");
    expect((await support).crisisLine).toBe("988");
    expect(
      (await sam.live.waitFor<ChatMessageDto>("chat:message", (m) => m.id === message.id)).body,
    ).toContain("want to die");

    const raised = await alert;
    const list = await dana.client.get<{ alerts: CrisisAlertDto[] }>("/api/alerts");
    const open = list.body.alerts.find((a) => a.id === raised.id);
    expect(open?.acknowledged).toBeNull();
    const ack = await dana.client.post<CrisisAlertDto>(
      `/api/alerts/${open?.id ?? ""}/acknowledge`,
      { note: "Called Jordan; safe, plan reviewed." },
    );
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledged).toMatchObject({
      by: "Dana Whitfield",
      note: "Called Jordan; safe, plan reviewed.",
    });
    expect((await dana.client.post(`/api/alerts/${open?.id ?? ""}/acknowledge`, {})).status).toBe(
      409,
    );
    expect(
      (await dana.client.get<{ alerts: CrisisAlertDto[] }>("/api/alerts")).body.alerts.some(
        (a) => a.id === open?.id,
      ),
    ).toBe(false);
    const denied = await jordan.client.get("/api/alerts");
    expect(denied.status).toBe(404);
    expect(ApiErrorBodySchema.parse(denied.body).error.code).toBe("not_found");
  });

  it("raises a crisis alert when a participant edits a harmless message into crisis language, and still delivers the edit", async () => {
    const dana = await personOn(server, DANA);
    const jordan = await personOn(server, P[0]);
    const sam = await personOn(server, P[1]);
    await sam.live.request("chat:subscribe", { roomKey: cohortRoom });
    const message = await send(jordan, cohortRoom, "see you all on thursday");
    const openAlerts = async () =>
      (await dana.client.get<{ alerts: CrisisAlertDto[] }>("/api/alerts")).body.alerts;
    const before = (await openAlerts()).length;

    const alert = dana.live.waitFor<CrisisAlertDto>("alert:crisis");
    const support = jordan.live.waitFor<{ crisisLine: string }>("crisis:support");
    const updated = sam.live.waitFor<ChatMessageDto>(
      "chat:updated",
      (m) => m.id === message.id && m.body.includes("miss me"),
    );
    const edited = await jordan.live.request<{ message: ChatMessageDto }>("chat:edit", {
      messageId: message.id,
      body: "honestly nobody would miss me",
    });
    expect(edited.ok).toBe(true);
    expect(await alert).toMatchObject({
      source: "chat",
      categories: ["suicide"],
      participant: { id: jordan.id },
      where: { kind: "chat", ref: cohortRoom },
      acknowledged: null,
    });
    expect(JSON.stringify(await alert)).not.toContain("miss me");
    expect((await support).crisisLine).toBe("988");
    expect((await updated).body).toBe("honestly nobody would miss me");
    expect((await openAlerts()).length).toBe(before + 1);

    // Touching up the same words again, or editing in an everyday idiom, raises nothing more.
    await jordan.live.request("chat:edit", {
      messageId: message.id,
      body: "honestly, nobody would miss me.",
    });
    const other = await send(jordan, cohortRoom, "on my way");
    await jordan.live.request("chat:edit", {
      messageId: other.id,
      body: "on my way, this traffic is killing me",
    });
    expect((await openAlerts()).length).toBe(before + 1);
  });

  it("replays what a briefly cut-off client missed, exactly once and in order", async () => {
    const jordan = await personOn(server, P[0]);
    const sam = await personOn(server, P[1]);
    await jordan.live.request("chat:subscribe", { roomKey: cohortRoom });
    await sam.live.request("chat:subscribe", { roomKey: cohortRoom });
    // Something is received first, so the client has a recovery offset.
    const warmup = await send(sam, cohortRoom, "before the cut");
    await jordan.live.waitFor<ChatMessageDto>("chat:message", (m) => m.id === warmup.id);
    const reconnected = new Promise((resolve) =>
      jordan.live.socket.once("connect", () => resolve(undefined)),
    );
    jordan.live.socket.io.engine.close();
    const sent: string[] = [];
    for (let i = 0; i < 5; i += 1) sent.push((await send(sam, cohortRoom, `missed ${i}`)).id);
    await reconnected;
    expect(jordan.live.socket.recovered).toBe(true);
    await expect
      .poll(
        () =>
          jordan.live.events.filter(
            (e) => e.event === "chat:message" && sent.includes((e.payload as ChatMessageDto).id),
          ).length,
      )
      .toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const received = jordan.live.events
      .filter((e) => e.event === "chat:message" && sent.includes((e.payload as ChatMessageDto).id))
      .map((e) => (e.payload as ChatMessageDto).id);
    expect(received).toEqual(sent);
  });
});

const redisUrl = redisUrlForTests();
describe.runIf(redisUrl && process.env.DATABASE_URL)(
  "chat across two server processes sharing Redis",
  () => {
    let pair: Awaited<ReturnType<typeof startServerPair>>;
    let cohortRoom = "";

    beforeAll(async () => {
      pair = await startServerPair(redisUrl ?? "");
      const cohort = await pair.a.db.prisma.cohort.findFirstOrThrow({
        where: { name: "Evening track" },
      });
      cohortRoom = roomKey({ kind: "cohort", cohortId: cohort.id });
    });
    afterAll(async () => {
      await pair.close();
    });

    it("delivers a message sent through one process to a client of the other", async () => {
      const onA = await personOn(pair.a, P[0]);
      const onB = await personOn(pair.b, P[1]);
      await onB.live.request("chat:subscribe", { roomKey: cohortRoom });
      const message = await send(onA, cohortRoom, "across processes");
      expect(
        (await onB.live.waitFor<ChatMessageDto>("chat:message", (m) => m.id === message.id)).body,
      ).toBe("across processes");
    });

    it("gives a client of the other process everything it missed while cut off, exactly once", async () => {
      const onA = await personOn(pair.a, P[2]);
      const onB = await personOn(pair.b, P[3]);
      await onB.live.request("chat:subscribe", { roomKey: cohortRoom });
      const warmup = await send(onA, cohortRoom, "warm up");
      await onB.live.waitFor<ChatMessageDto>("chat:message", (m) => m.id === warmup.id);
      const reconnected = new Promise((resolve) =>
        onB.live.socket.once("connect", () => resolve(undefined)),
      );
      onB.live.socket.io.engine.close();
      const sent: string[] = [];
      for (let i = 0; i < 5; i += 1) sent.push((await send(onA, cohortRoom, `missed ${i}`)).id);
      await reconnected;
      await expect
        .poll(
          () =>
            onB.live.events.filter(
              (e) => e.event === "chat:message" && sent.includes((e.payload as ChatMessageDto).id),
            ).length,
        )
        .toBe(5);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const received = onB.live.events
        .filter(
          (e) => e.event === "chat:message" && sent.includes((e.payload as ChatMessageDto).id),
        )
        .map((e) => (e.payload as ChatMessageDto).id);
      expect(received).toEqual(sent);
    });
  },
);
