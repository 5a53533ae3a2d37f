import { randomUUID } from "node:crypto";
import type { RoomAttendee } from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFamilyRepository } from "../families/family-repository";
import { createPeopleRepository } from "../people/people-repository";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, type TestServer } from "../testing/test-server";
import { createFamilyLabels } from "./family-labels";

const [JORDAN, SAM] = DEMO_ACCOUNTS.participants;
const [DANA] = DEMO_ACCOUNTS.facilitators;
const [PAT] = DEMO_ACCOUNTS.family;

type Present = Pick<RoomAttendee, "userId" | "role" | "connection">;

/*
 * The labels come from the demo clinic's real people: Jordan, Pat (Jordan's parent), Sam and
 * Dana, read through the real repositories.
 */
describe.each(databaseKinds())("family labels in live rooms on %s", (kind) => {
  let server: TestServer;
  let jordan: Present;
  let pat: Present;
  let sam: Present;
  let dana: Present;

  const labelsOf = (server: TestServer, max?: number) =>
    createFamilyLabels({
      peopleRepo: createPeopleRepository(server.db.prisma),
      families: createFamilyRepository(server.db.prisma),
      ...(max ? { max } : {}),
    });
  const gone = (...people: Present[]) => people.map((p) => ({ ...p, connection: "GONE" as const }));

  beforeAll(async () => {
    server = await startTestServer({ kind });
    const idOf = async (email: string | undefined) =>
      (await server.db.prisma.user.findUniqueOrThrow({ where: { email: email ?? "" } })).id;
    jordan = { userId: await idOf(JORDAN), role: "participant", connection: "CONNECTED" };
    pat = { userId: await idOf(PAT), role: "family", connection: "CONNECTED" };
    sam = { userId: await idOf(SAM), role: "participant", connection: "CONNECTED" };
    dana = { userId: await idOf(DANA), role: "facilitator", connection: "CONNECTED" };
  });
  afterAll(async () => {
    await server.close();
  });

  it("labels a participant and their family member with the participant's family, and no clinician", async () => {
    const labels = await labelsOf(server).labelsFor(randomUUID(), "MULTI_FAMILY", [
      dana,
      jordan,
      pat,
      sam,
    ]);
    expect(labels.get(jordan.userId)).toBe("Jordan's family");
    expect(labels.get(pat.userId)).toBe("Jordan's family");
    expect(labels.get(sam.userId)).toBe("Sam's family");
    expect(labels.has(dana.userId)).toBe(false);
  });

  it("labels nobody in sessions without families, and holds nothing for them", async () => {
    const cache = labelsOf(server);
    const sessionId = randomUUID();
    expect((await cache.labelsFor(sessionId, "GROUP_THERAPY", [dana, jordan, sam])).size).toBe(0);
    expect(cache.holds(sessionId)).toBe(false);
  });

  it("holds a session's labels while anyone is in its room, and lets them go when it empties", async () => {
    const cache = labelsOf(server);
    const sessionId = randomUUID();
    await cache.labelsFor(sessionId, "FAMILY", [dana, jordan, pat]);
    expect(cache.holds(sessionId)).toBe(true);
    await cache.labelsFor(sessionId, "FAMILY", [...gone(jordan, pat), dana]);
    expect(cache.holds(sessionId)).toBe(true);
    const last = await cache.labelsFor(sessionId, "FAMILY", gone(dana, jordan, pat));
    expect(last.get(pat.userId)).toBe("Jordan's family");
    expect(cache.holds(sessionId)).toBe(false);
    expect(cache.size).toBe(0);
  });

  it("reads names once while it holds them, and afresh once the session was forgotten", async () => {
    const cache = labelsOf(server);
    const sessionId = randomUUID();
    await cache.labelsFor(sessionId, "FAMILY", [jordan, pat]);
    await server.db.prisma.user.update({
      where: { id: jordan.userId },
      data: { preferredName: "Jo" },
    });
    try {
      const held = await cache.labelsFor(sessionId, "FAMILY", [jordan, pat]);
      expect(held.get(jordan.userId)).toBe("Jordan's family");
      expect(held.get(pat.userId)).toBe("Jordan's family");
      cache.forget(sessionId);
      expect(cache.size).toBe(0);
      const fresh = await cache.labelsFor(sessionId, "FAMILY", [jordan, pat]);
      expect(fresh.get(jordan.userId)).toBe("Jo's family");
      expect(fresh.get(pat.userId)).toBe("Jo's family");
    } finally {
      await server.db.prisma.user.update({
        where: { id: jordan.userId },
        data: { preferredName: null },
      });
    }
  });

  it("holds at most its limit of sessions, letting the least recently used go first", async () => {
    const cache = labelsOf(server, 2);
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await cache.labelsFor(a, "FAMILY", [jordan]);
    await cache.labelsFor(b, "FAMILY", [sam]);
    await cache.labelsFor(a, "FAMILY", [jordan]);
    await cache.labelsFor(c, "FAMILY", [pat]);
    expect(cache.size).toBe(2);
    expect([a, b, c].map((id) => cache.holds(id))).toEqual([true, false, true]);
  });
});
