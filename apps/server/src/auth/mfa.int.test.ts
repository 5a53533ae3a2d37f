import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AuthStateSchema,
  MfaConfirmedSchema,
  MfaEnrolmentSchema,
  MfaPendingStateSchema,
  MfaStatusSchema,
  type Role,
} from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { fixtures } from "../testing/fixtures";
import { signedInClient, TestClient } from "../testing/http-client";
import { ManualClock } from "../testing/manual-clock";
import { passwordLinkToken } from "../testing/password-links";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";
import { MFA_CODE_FAILURES } from "./mfa.routes";
import { totpCode } from "./totp";

const errorOf = (body: unknown) => (body as { error: { code: string; fields?: object } }).error;

describe.each(databaseKinds())("multi-factor authentication on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-24T15:00:10Z"));
  let server: TestServer;
  let make: ReturnType<typeof fixtures>;
  let strictClinic: string;
  let easyClinic: string;

  const outbox = mkdtempSync(join(tmpdir(), "bw-mfa-outbox-"));

  beforeAll(async () => {
    server = await startTestServer({ kind, clock, env: { OUTBOX_DIR: outbox } });
    make = fixtures(server.db.prisma, TEST_PASSWORD);
    strictClinic = (await make.organization(undefined, { mfaRequired: true })).id;
    easyClinic = (await make.organization()).id;
  });
  afterAll(async () => {
    await server.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  async function person(role: Role, clinic = easyClinic) {
    const user = await make.user(clinic, role);
    return user.email;
  }

  /** Signs in, starts and confirms enrolment; answers the secret and the recovery codes. */
  async function enrolled(email: string) {
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    const started = await client.post("/api/auth/mfa/enrolment");
    const { secret } = MfaEnrolmentSchema.parse(started.body);
    const confirmed = await client.post("/api/auth/mfa/enrolment/confirm", {
      code: totpCode(secret, clock.now().getTime()),
    });
    expect(confirmed.status).toBe(200);
    const { recoveryCodes } = MfaConfirmedSchema.parse(confirmed.body);
    // The enrolment code's time step is used: later sign-ins start from the next one.
    clock.advance(30_000);
    return { client, secret, recoveryCodes };
  }

  /** Password step only: the client holds a half-way sign-in. */
  async function passwordOnly(email: string) {
    const client = new TestClient(server.url);
    const res = await client.post("/api/auth/login", { email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const pending = MfaPendingStateSchema.parse(res.body);
    client.csrfToken = pending.csrfToken;
    return { client, pending };
  }

  it("enrols a participant from their account: the secret counts only once confirmed with a code, then ten recovery codes are shown once", async () => {
    const email = await person("PARTICIPANT");
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    expect(MfaStatusSchema.parse((await client.get("/api/auth/mfa")).body)).toEqual({
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
    });
    const started = await client.post("/api/auth/mfa/enrolment");
    expect(started.status).toBe(201);
    const enrolment = MfaEnrolmentSchema.parse(started.body);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);

    // Not confirmed yet: the password alone still signs in.
    const meanwhile = await new TestClient(server.url).login(email, TEST_PASSWORD);
    expect(AuthStateSchema.parse(meanwhile.body).user.email).toBe(email);

    const wrong = await client.post("/api/auth/mfa/enrolment/confirm", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong.body).fields).toHaveProperty("code");
    const empty = await client.post("/api/auth/mfa/enrolment/confirm", {});
    expect(errorOf(empty.body).fields).toHaveProperty("code");

    const confirmed = await client.post("/api/auth/mfa/enrolment/confirm", {
      code: totpCode(enrolment.secret, clock.now().getTime()),
    });
    expect(confirmed.status).toBe(200);
    const { recoveryCodes } = MfaConfirmedSchema.parse(confirmed.body);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(MfaStatusSchema.parse((await client.get("/api/auth/mfa")).body)).toEqual({
      enabled: true,
      required: false,
      recoveryCodesLeft: 10,
    });
    expect((await client.post("/api/auth/mfa/enrolment")).status).toBe(409);

    // Neither the secret nor any recovery code is stored as it was shown.
    const user = await server.db.prisma.user.findUniqueOrThrow({
      where: { email },
      include: { mfa: true, mfaRecoveryCodes: true },
    });
    expect(user.mfa?.secretEncrypted).not.toContain(enrolment.secret);
    const stored = user.mfaRecoveryCodes.map((c) => c.codeHash).join(" ");
    for (const code of recoveryCodes) {
      expect(stored).not.toContain(code.replace("-", ""));
    }
  });

  it("asks for a code after the password: nothing opens until the right one, and the same code never works twice", async () => {
    const email = await person("PARTICIPANT");
    const { secret } = await enrolled(email);

    const { client, pending } = await passwordOnly(email);
    expect(pending.mfaPending).toBe("code");
    expect(MfaPendingStateSchema.parse((await client.get("/api/auth/me")).body).mfaPending).toBe(
      "code",
    );
    const blocked = await client.get("/api/home");
    expect(blocked.status).toBe(401);
    expect(errorOf(blocked.body).code).toBe("mfa_required");

    const wrong = await client.post("/api/auth/mfa/verify", { code: "123456" });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong.body).fields).toHaveProperty("code");
    const code = totpCode(secret, clock.now().getTime());
    const ok = await client.post("/api/auth/mfa/verify", { code });
    expect(ok.status).toBe(200);
    const auth = AuthStateSchema.parse(ok.body);
    expect(auth.user.email).toBe(email);
    client.csrfToken = auth.csrfToken;
    expect((await client.get("/api/home")).status).toBe(200);

    // The same code, seconds later, on another sign-in: refused as a replay.
    const again = await passwordOnly(email);
    const replay = await again.client.post("/api/auth/mfa/verify", { code });
    expect(replay.status).toBe(400);
    // A code from one step ago is within the skew window but older than the one used: refused.
    clock.advance(30_000);
    const older = totpCode(secret, clock.now().getTime() - 30_000);
    expect((await again.client.post("/api/auth/mfa/verify", { code: older })).status).toBe(400);
    // The next code (one step ahead, as a fast phone shows it) is fine.
    const ahead = totpCode(secret, clock.now().getTime() + 30_000);
    expect((await again.client.post("/api/auth/mfa/verify", { code: ahead })).status).toBe(200);
    clock.advance(60_000);
  });

  it("takes each recovery code once instead of an app code", async () => {
    const email = await person("FAMILY");
    const { recoveryCodes } = await enrolled(email);
    const [first] = recoveryCodes;
    if (!first) throw new Error("no recovery code");

    const one = await passwordOnly(email);
    const used = await one.client.post("/api/auth/mfa/verify", { code: first.toUpperCase() });
    expect(used.status).toBe(200);
    one.client.csrfToken = AuthStateSchema.parse(used.body).csrfToken;
    expect(MfaStatusSchema.parse((await one.client.get("/api/auth/mfa")).body)).toMatchObject({
      recoveryCodesLeft: 9,
    });

    const two = await passwordOnly(email);
    expect((await two.client.post("/api/auth/mfa/verify", { code: first })).status).toBe(400);
    expect((await two.client.get("/api/home")).status).toBe(401);
  });

  it("still asks for the code after a password reset link: the mailbox is not the second factor", async () => {
    const email = await person("PARTICIPANT");
    await enrolled(email);
    const anyone = new TestClient(server.url);
    expect((await anyone.post("/api/auth/forgot-password", { email })).status).toBe(202);
    const reset = await anyone.post("/api/auth/set-password", {
      token: passwordLinkToken(outbox, email),
      password: "a-brand-new-password-42",
    });
    expect(reset.status).toBe(200);
    expect(MfaPendingStateSchema.parse(reset.body).mfaPending).toBe("code");
    expect((await anyone.get("/api/home")).status).toBe(401);
  });

  it(`refuses codes after ${MFA_CODE_FAILURES} wrong ones, even the right one, for a while`, async () => {
    const email = await person("PARTICIPANT");
    const { secret } = await enrolled(email);
    const { client } = await passwordOnly(email);
    for (let i = 0; i < MFA_CODE_FAILURES; i += 1) {
      expect((await client.post("/api/auth/mfa/verify", { code: "000000" })).status).toBe(400);
    }
    const limited = await client.post("/api/auth/mfa/verify", {
      code: totpCode(secret, clock.now().getTime()),
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
  });

  it("makes staff of a clinic that requires MFA enrol right after the password, before anything else", async () => {
    const email = await person("FACILITATOR", strictClinic);
    const { client, pending } = await passwordOnly(email);
    expect(pending.mfaPending).toBe("enrolment");
    const blocked = await client.get("/api/home");
    expect(blocked.status).toBe(403);
    expect(errorOf(blocked.body).code).toBe("mfa_enrolment_required");
    const notYet = await client.post("/api/auth/mfa/verify", { code: "123456" });
    expect(errorOf(notYet.body).code).toBe("mfa_enrolment_required");
    expect(MfaStatusSchema.parse((await client.get("/api/auth/mfa")).body)).toEqual({
      enabled: false,
      required: true,
      recoveryCodesLeft: 0,
    });

    const { secret } = MfaEnrolmentSchema.parse(
      (await client.post("/api/auth/mfa/enrolment")).body,
    );
    const confirmed = await client.post("/api/auth/mfa/enrolment/confirm", {
      code: totpCode(secret, clock.now().getTime()),
    });
    expect(confirmed.status).toBe(200);
    const { auth } = MfaConfirmedSchema.parse(confirmed.body);
    // Finishing replaces the half-way sign-in with a new one, with a new CSRF token.
    expect(auth.csrfToken).not.toBe(pending.csrfToken);
    client.csrfToken = auth.csrfToken;
    expect((await client.get("/api/home")).status).toBe(200);

    // Required: it cannot be turned off; the next sign-in asks for a code.
    expect((await client.post("/api/auth/mfa/disable")).status).toBe(403);
    clock.advance(30_000);
    expect((await passwordOnly(email)).pending.mfaPending).toBe("code");

    // The demo clinic and test clinics are exempt: their staff sign in with a password.
    expect(
      (await new TestClient(server.url).login(DEMO_ACCOUNTS.admin, TEST_PASSWORD)).body,
    ).toMatchObject({ user: { email: DEMO_ACCOUNTS.admin } });
    expect((await new TestClient(server.url).get("/api/auth/sign-in-options")).body).toEqual({
      demoClinicWithoutMfa: true,
    });
  });

  it("asks again for a password or code before signing a note or deactivating an account, once five minutes have passed since the last one", async () => {
    const admin = await signedInClient(server.url, DEMO_ACCOUNTS.admin, TEST_PASSWORD);
    const demoClinic = (
      await server.db.prisma.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.admin } })
    ).organizationId;
    const target = await make.user(demoClinic, "FACILITATOR");

    // Signing in counts as a confirmation, for five minutes.
    clock.advance(5 * 60_000 + 1000);
    const stale = await admin.post(`/api/accounts/${target.id}/deactivate`, {});
    expect(stale.status).toBe(403);
    expect(errorOf(stale.body).code).toBe("reauthentication_required");
    expect(
      (await server.db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).active,
    ).toBe(true);
    // Exporting the audit trail is an export like any other.
    const auditCsv = await admin.get("/api/audit-events/report.csv");
    expect(errorOf(auditCsv.body).code).toBe("reauthentication_required");
    expect((await admin.get<{ fresh: boolean }>("/api/auth/reauthentication")).body).toEqual({
      fresh: false,
      canUseCode: false,
    });

    const wrong = await admin.post("/api/auth/reauthenticate", { password: "not-the-password" });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong.body).fields).toHaveProperty("password");
    expect((await admin.post("/api/auth/reauthenticate", { password: TEST_PASSWORD })).status).toBe(
      204,
    );
    const done = await admin.post(`/api/accounts/${target.id}/deactivate`, {});
    expect(done.status).toBe(200);
    expect((await admin.get("/api/audit-events/report.csv")).status).toBe(200);
    expect(done.body).toMatchObject({ status: "deactivated" });

    // Note signing, with a code from the app this time.
    const email = await person("FACILITATOR");
    const { secret } = await enrolled(email);
    const { client } = await passwordOnly(email);
    const signedIn = await client.post("/api/auth/mfa/verify", {
      code: totpCode(secret, clock.now().getTime()),
    });
    client.csrfToken = AuthStateSchema.parse(signedIn.body).csrfToken;
    clock.advance(6 * 60_000);
    const noteSign = `/api/sessions/${randomUUID()}/note/sign`;
    const refused = await client.post(noteSign);
    expect(errorOf(refused.body).code).toBe("reauthentication_required");
    const consent = await client.request(
      "PUT",
      `/api/families/${randomUUID()}/consent?participantId=${randomUUID()}`,
      { json: {} },
    );
    expect(errorOf(consent.body).code).toBe("reauthentication_required");
    const csv = await client.get(
      `/api/cohorts/${randomUUID()}/attendance.csv?from=2026-11-01&to=2026-11-30`,
    );
    expect(errorOf(csv.body).code).toBe("reauthentication_required");

    const reauth = await client.post("/api/auth/reauthenticate", {
      code: totpCode(secret, clock.now().getTime()),
    });
    expect(reauth.status).toBe(204);
    // Past the confirmation, the route answers for itself: no such sign-in here.
    expect(errorOf((await client.post(noteSign)).body).code).toBe("not_found");
  });
});
