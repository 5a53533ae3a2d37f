import { ApiErrorBodySchema, type FamilyMemberSummary } from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient } from "../testing/http-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const [JORDAN] = DEMO_ACCOUNTS.participants;
const [DANA] = DEMO_ACCOUNTS.facilitators;
const [PAT] = DEMO_ACCOUNTS.family;
const ADMIN = DEMO_ACCOUNTS.admin;

/* Jordan (a participant) has given Pat (a parent) consent; Dana is Jordan's facilitator. */
describe.each(databaseKinds())("consent that belongs to the participant, on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-24T15:00:00Z"));
  let server: TestServer;
  let jordanId = "";
  let patId = "";

  beforeAll(async () => {
    server = await startTestServer({ kind, clock });
    const idOf = async (email: string) =>
      (await server.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    jordanId = await idOf(JORDAN);
    patId = await idOf(PAT);
  });
  afterAll(async () => {
    await server.close();
  });

  const sign = (email: string) => signedInClient(server.url, email, TEST_PASSWORD);
  const consentPath = () => `/api/families/${patId}/consent?participantId=${jordanId}`;
  const patsStatus = async () => {
    const jordan = await sign(JORDAN);
    const members = (await jordan.get<{ members: FamilyMemberSummary[] }>("/api/families")).body;
    return members.members.find((m) => m.userId === patId);
  };
  const statements = (actorUserId: string) =>
    server.db.prisma.auditEvent.count({
      where: { actorUserId, recordType: "participant-consent-statement", outcome: "success" },
    });

  it("refuses staff who re-grant a consent the participant withdrew, unless they record that the participant agreed", async () => {
    const jordan = await sign(JORDAN);
    expect((await jordan.post(`/api/families/${patId}/withdraw-consent`)).status).toBe(204);
    expect((await patsStatus())?.status).toBe("consent-withdrawn");

    for (const email of [DANA, ADMIN]) {
      const staff = await sign(email);
      const regrant = await staff.request("PUT", consentPath(), {
        json: { sessionKinds: ["FAMILY", "MULTI_FAMILY"] },
      });
      expect(regrant.status, email).toBe(400);
      expect(Object.keys(ApiErrorBodySchema.parse(regrant.body).error.fields ?? {})).toEqual([
        "participantConsented",
      ]);
      const unconfirmed = await staff.request("PUT", consentPath(), {
        json: { sessionKinds: ["FAMILY"], participantConsented: false },
      });
      expect(unconfirmed.status, email).toBe(400);
    }
    expect((await patsStatus())?.status).toBe("consent-withdrawn");
    expect(
      await server.db.prisma.familyConsent.count({
        where: { participantUserId: jordanId, familyUserId: patId, revokedAt: null },
      }),
    ).toBe(0);

    // With Jordan's agreement recorded, Dana may give it again, and that statement is audited.
    const dana = await sign(DANA);
    const danaId = (await server.db.prisma.user.findUniqueOrThrow({ where: { email: DANA } })).id;
    const before = await statements(danaId);
    const confirmed = await dana.request("PUT", consentPath(), {
      json: { sessionKinds: ["FAMILY"], participantConsented: true },
    });
    expect(confirmed.status).toBe(204);
    expect(await statements(danaId)).toBe(before + 1);
    expect(await patsStatus()).toMatchObject({ status: "active", sessionKinds: ["FAMILY"] });

    // Widening it later is a grant too; narrowing is not.
    const widen = await dana.request("PUT", consentPath(), {
      json: { sessionKinds: ["FAMILY", "MULTI_FAMILY"] },
    });
    expect(widen.status).toBe(400);
    expect(
      (await dana.request("PUT", consentPath(), { json: { sessionKinds: ["FAMILY"] } })).status,
    ).toBe(204);
    expect(await statements(danaId)).toBe(before + 1);
  });

  it("lets the participant give a withdrawn consent again themselves", async () => {
    const jordan = await sign(JORDAN);
    expect((await jordan.post(`/api/families/${patId}/withdraw-consent`)).status).toBe(204);
    const again = await jordan.request("PUT", `/api/families/${patId}/consent`, {
      json: { sessionKinds: ["FAMILY", "MULTI_FAMILY"] },
    });
    expect(again.status).toBe(204);
    expect(await patsStatus()).toMatchObject({
      status: "active",
      sessionKinds: ["FAMILY", "MULTI_FAMILY"],
    });
  });
});
