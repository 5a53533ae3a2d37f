import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiErrorBodySchema, type FamilyMemberSummary } from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_INVITATIONS_PER_HOUR } from "./family-service";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, type TestClient } from "../testing/http-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const [JORDAN, SAM, RILEY] = DEMO_ACCOUNTS.participants;
const [PAT] = DEMO_ACCOUNTS.family;

describe.each(databaseKinds())("invitation abuse on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-24T15:00:00Z"));
  const outbox = mkdtempSync(join(tmpdir(), "bw-outbox-"));
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ kind, clock, env: { OUTBOX_DIR: outbox } });
  }, 180_000);
  afterAll(async () => {
    await server.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  const sign = (email: string) => signedInClient(server.url, email, TEST_PASSWORD);
  const invite = (client: TestClient, email: string) =>
    client.post<FamilyMemberSummary>("/api/families/invitations", {
      email,
      firstName: "Robin",
      lastName: "Lee",
      relationship: "SIBLING",
      sessionKinds: ["FAMILY"],
    });

  /** The newest email sent to `to`, as text. */
  function mailTo(to: string): string {
    for (const file of readdirSync(outbox).sort().reverse()) {
      const text = readFileSync(join(outbox, file), "utf8")
        .replace(/=\r?\n/g, "")
        .replace(/=3D/g, "=");
      if (text.includes(`To: ${to}`)) return text;
    }
    throw new Error(`no email to ${to}`);
  }

  /** What an inviter can see of an answer, without what differs between any two invitations. */
  const shape = (res: { status: number; body: FamilyMemberSummary }) => ({
    status: res.status,
    keys: Object.keys(res.body).sort(),
    userId: res.body.userId,
    memberStatus: res.body.status,
    expiresIn: Date.parse(res.body.expiresAt ?? "") - Date.parse(res.body.invitedAt ?? ""),
  });

  it("answers an invitation to an email with an account exactly as one to a new email", async () => {
    const sam = await sign(SAM);
    const fresh = await invite(sam, `new.${Date.now()}@family.example`);
    const taken = await invite(sam, PAT);
    const takenByParticipant = await invite(sam, JORDAN.toUpperCase());
    expect(fresh.status).toBe(201);
    expect(shape(taken)).toEqual(shape(fresh));
    expect(shape(takenByParticipant)).toEqual(shape(fresh));
    // The list the participant sees does not tell them apart either.
    const members = (await sam.get<{ members: FamilyMemberSummary[] }>("/api/families")).body
      .members;
    const statusOf = (email: string) =>
      members.find((m) => m.email === email.toLowerCase())?.status;
    expect(statusOf(PAT)).toBe("invited");
    expect(statusOf(JORDAN)).toBe("invited");
    // Only the mailbox's owner learns that the account exists, and gets no sign-up link.
    expect(mailTo(PAT)).toMatch(/already has a Bridgeway account/);
    expect(mailTo(PAT)).not.toMatch(/family\/accept\?token=/);
  });

  it(`refuses more than ${MAX_INVITATIONS_PER_HOUR} invitations an hour from one person with 429`, async () => {
    const jordan = await sign(JORDAN);
    for (let i = 0; i < MAX_INVITATIONS_PER_HOUR; i += 1) {
      expect((await invite(jordan, `probe.${i}@family.example`)).status).toBe(201);
    }
    const before = await server.db.prisma.familyInvitation.count();
    const refused = await invite(jordan, `probe.over@family.example`);
    expect(refused.status).toBe(429);
    expect(ApiErrorBodySchema.parse(refused.body).error.code).toBe("rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await server.db.prisma.familyInvitation.count()).toBe(before);
    // Someone else is not held back by it.
    expect((await invite(await sign(RILEY), `riley.sib@family.example`)).status).toBe(201);
    // An hour later the limit has room again.
    clock.advance(60 * 60 * 1000 + 1000);
    expect((await invite(await sign(JORDAN), `probe.later@family.example`)).status).toBe(201);
  });

  it("builds the invitation link from the server's own origin, never from the Host header", async () => {
    const riley = await sign(RILEY);
    const evil = "http://evil.example";
    const email = `host.${Date.now()}@family.example`;
    const url = new URL(server.url);
    const body = JSON.stringify({
      email,
      firstName: "Robin",
      lastName: "Lee",
      relationship: "PARENT",
      sessionKinds: ["FAMILY"],
    });
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: "/api/families/invitations",
          method: "POST",
          headers: {
            host: "evil.example",
            origin: evil,
            cookie: riley.cookieHeader(),
            "x-csrf-token": riley.csrfToken ?? "",
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    expect(status).toBe(201);
    const mail = mailTo(email);
    expect(mail).not.toContain("evil.example");
    expect(mail).toContain(`${server.url}/family/accept?token=`);
  });
});
