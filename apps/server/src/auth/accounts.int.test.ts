import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AccountStateSchema,
  ApiErrorBodySchema,
  AuthStateSchema,
  FacilitatorListSchema,
  FORGOT_PASSWORD_ANSWER,
  PASSWORD_RESET_TTL_MS,
  ParticipantListSchema,
  PasswordLinkPreviewSchema,
  SignInListSchema,
} from "@bridgeway/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, TestClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";
import { FORGOT_PER_EMAIL } from "./accounts.routes";

const ADMIN = DEMO_ACCOUNTS.admin;
const [JORDAN, SAM, RILEY, , MORGAN] = DEMO_ACCOUNTS.participants;
const TAYLOR = DEMO_ACCOUNTS.participants[3];
const opened: LiveClient[] = [];

afterEach(() => {
  for (const socket of opened.splice(0)) socket.close();
});

const STRONG = "tangerine-otter-lamp-91";
const FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";

describe.each(databaseKinds())("accounts on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-24T15:00:00Z"));
  const outbox = mkdtempSync(join(tmpdir(), "bw-outbox-"));
  let server: TestServer;
  let tag = 0;

  beforeAll(async () => {
    server = await startTestServer({
      kind,
      clock,
      env: { OUTBOX_DIR: outbox },
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  const unique = (name: string) => `${name}.${kind}.${(tag += 1)}@riverbend.example`;

  function emailsTo(to: string): string[] {
    return readdirSync(outbox)
      .sort()
      .map((file) =>
        readFileSync(join(outbox, file), "utf8")
          .replace(/=\r?\n/g, "")
          .replace(/=3D/g, "="),
      )
      .filter((text) => text.includes(`To: ${to}`));
  }

  /** The password link in the newest email sent to `to`. */
  function linkSentTo(to: string): URL {
    for (const text of emailsTo(to).reverse()) {
      const link = /(https?:\/\/\S+\/account\/password\?token=[A-Za-z0-9_-]{43})/.exec(text)?.[1];
      if (link) return new URL(link);
    }
    throw new Error(`no password link emailed to ${to}`);
  }
  const tokenSentTo = (to: string) => linkSentTo(to).searchParams.get("token") ?? "";

  async function newFacilitator(admin: TestClient, body: Record<string, unknown> = {}) {
    const email = unique("clinician");
    const created = await admin.post("/api/facilitators", {
      email,
      firstName: "Noa",
      lastName: "Levi",
      timeZone: "America/Chicago",
      credential: "LCSW",
      licenseState: "IL",
      licenseExpiresOn: "2028-06-30",
      ...body,
    });
    return { created, email };
  }

  it("invites a new clinician by email; they choose their own password through the link and sign in", async () => {
    const admin = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const { created, email } = await newFacilitator(admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, status: "invited" });

    const link = linkSentTo(email);
    // No public origin is configured here: links name the address the server listens on.
    expect(link.origin).toBe(new URL(server.url).origin);
    const token = tokenSentTo(email);

    // Before the link is used the account cannot be signed in to, not even by the admin.
    expect((await new TestClient(server.url).login(email, TEST_PASSWORD)).status).toBe(401);

    const preview = await new TestClient(server.url).get(
      `/api/auth/password-links/preview?token=${token}`,
    );
    expect(PasswordLinkPreviewSchema.parse(preview.body)).toMatchObject({
      purpose: "invitation",
      firstName: "Noa",
      email,
    });

    const noa = new TestClient(server.url);
    const set = await noa.post("/api/auth/set-password", { token, password: STRONG });
    expect(set.status).toBe(200);
    expect(AuthStateSchema.parse(set.body).user).toMatchObject({ email, role: "FACILITATOR" });
    expect((await noa.get("/api/auth/me")).status).toBe(200);

    expect((await new TestClient(server.url).login(email, STRONG)).status).toBe(200);
    const list = FacilitatorListSchema.parse((await admin.get("/api/facilitators")).body);
    expect(list.facilitators.find((f) => f.email === email)?.status).toBe("active");
  });

  it("refuses a password chosen by the admin in the body that creates a staff account", async () => {
    const admin = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    for (const field of ["password", "temporaryPassword"]) {
      const { created, email } = await newFacilitator(admin, { [field]: "admin-knows-this-one" });
      expect(created.status).toBe(400);
      expect(ApiErrorBodySchema.parse(created.body).error.fields).toHaveProperty(field);
      expect(await server.db.prisma.user.count({ where: { email } })).toBe(0);
    }
  });

  it("invites new participants by email too, and lists them as invited until they choose a password", async () => {
    const admin = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const email = unique("participant");
    const created = await admin.post("/api/participants", {
      email,
      firstName: "Ari",
      lastName: "Stone",
      timeZone: "America/Chicago",
    });
    expect(created.status).toBe(201);
    const listed = ParticipantListSchema.parse((await admin.get("/api/participants")).body);
    expect(listed.participants.find((p) => p.email === email)?.status).toBe("invited");
    const set = await new TestClient(server.url).post("/api/auth/set-password", {
      token: tokenSentTo(email),
      password: STRONG,
    });
    expect(AuthStateSchema.parse(set.body).user.role).toBe("PARTICIPANT");
  });

  it("uses a link once: the second use is refused and does not change the password", async () => {
    const admin = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const { email } = await newFacilitator(admin);
    const token = tokenSentTo(email);
    const anon = new TestClient(server.url);
    expect((await anon.post("/api/auth/set-password", { token, password: STRONG })).status).toBe(
      200,
    );
    const again = await new TestClient(server.url).post("/api/auth/set-password", {
      token,
      password: "someone-else-entirely-42",
    });
    expect(again.status).toBe(404);
    expect(ApiErrorBodySchema.parse(again.body).error.message).toMatch(/already used/);
    expect((await new TestClient(server.url).login(email, STRONG)).status).toBe(200);
    expect((await new TestClient(server.url).login(email, "someone-else-entirely-42")).status).toBe(
      401,
    );
  });

  it("refuses a common or breached password, naming the field, and keeps the link usable", async () => {
    const admin = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const { email } = await newFacilitator(admin);
    const token = tokenSentTo(email);
    const anon = new TestClient(server.url);
    for (const weak of ["password1234", "qwertyuiop123", "short"]) {
      const refused = await anon.post("/api/auth/set-password", { token, password: weak });
      expect(refused.status, weak).toBe(400);
      expect(ApiErrorBodySchema.parse(refused.body).error.fields).toHaveProperty("password");
    }
    expect((await anon.post("/api/auth/set-password", { token, password: STRONG })).status).toBe(
      200,
    );
  });

  it("answers a forgotten password the same whether or not the email has an account, and mails only a real one", async () => {
    const anon = new TestClient(server.url);
    const unknown = unique("nobody");
    const forUnknown = await anon.post("/api/auth/forgot-password", { email: unknown });
    const forKnown = await anon.post("/api/auth/forgot-password", { email: SAM });
    expect(forUnknown.status).toBe(202);
    expect(forKnown.status).toBe(202);
    expect(forUnknown.body).toEqual(forKnown.body);
    expect(forKnown.body).toEqual({ message: FORGOT_PASSWORD_ANSWER });
    expect(emailsTo(unknown)).toHaveLength(0);
    expect(emailsTo(SAM.toLowerCase()).length).toBeGreaterThan(0);

    const token = tokenSentTo(SAM);
    const preview = await anon.get(`/api/auth/password-links/preview?token=${token}`);
    expect(preview.body).toMatchObject({ purpose: "reset", email: SAM });
    const reset = await anon.post("/api/auth/set-password", { token, password: STRONG });
    expect(reset.status).toBe(200);
    expect((await new TestClient(server.url).login(SAM, TEST_PASSWORD)).status).toBe(401);
    expect((await new TestClient(server.url).login(SAM, STRONG)).status).toBe(200);

    const twice = await new TestClient(server.url).post("/api/auth/set-password", {
      token,
      password: "a-third-password-77",
    });
    expect(twice.status).toBe(404);
  });

  it("builds reset links from the server's own origin, never from the request's Host header", async () => {
    const target = new URL(server.url);
    const body = JSON.stringify({ email: JORDAN });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          hostname: target.hostname,
          port: target.port,
          path: "/api/auth/forgot-password",
          method: "POST",
          headers: {
            host: "attacker.example",
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
    expect(status).toBe(202);
    const link = linkSentTo(JORDAN);
    expect(link.host).not.toBe("attacker.example");
    expect(link.origin).toBe(target.origin);
  });

  it("refuses a reset link after 30 minutes", async () => {
    const anon = new TestClient(server.url);
    expect((await anon.post("/api/auth/forgot-password", { email: RILEY })).status).toBe(202);
    const token = tokenSentTo(RILEY);
    clock.advance(PASSWORD_RESET_TTL_MS + 1000);
    const expired = await anon.post("/api/auth/set-password", { token, password: STRONG });
    expect(expired.status).toBe(404);
    expect(ApiErrorBodySchema.parse(expired.body).error.message).toMatch(/expired/);
    expect((await new TestClient(server.url).login(RILEY, TEST_PASSWORD)).status).toBe(200);
  });

  it("limits forgotten-password requests per email address, known or not", async () => {
    const anon = new TestClient(server.url);
    const unknown = unique("flood");
    const statuses: number[] = [];
    for (let i = 0; i <= FORGOT_PER_EMAIL; i += 1) {
      statuses.push((await anon.post("/api/auth/forgot-password", { email: unknown })).status);
    }
    expect(statuses).toEqual([...Array<number>(FORGOT_PER_EMAIL).fill(202), 429]);
  });

  it("changes a password only with the current one, and ends every other session of that person", async () => {
    const here = await signedInClient(server.url, JORDAN, TEST_PASSWORD);
    const elsewhere = await signedInClient(server.url, JORDAN, TEST_PASSWORD);
    const socket = new LiveClient(server.url, elsewhere.cookieHeader());
    opened.push(socket);
    await socket.connected();
    const dropped = new Promise<void>((resolve) =>
      socket.socket.once("disconnect", () => resolve()),
    );

    const wrong = await here.post("/api/auth/change-password", {
      currentPassword: "not-my-password-at-all",
      newPassword: STRONG,
    });
    expect(wrong.status).toBe(400);
    expect(ApiErrorBodySchema.parse(wrong.body).error.fields).toHaveProperty("currentPassword");

    const breached = await here.post("/api/auth/change-password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "password1234",
    });
    expect(breached.status).toBe(400);
    expect(ApiErrorBodySchema.parse(breached.body).error.fields).toHaveProperty("newPassword");

    const changed = await here.post("/api/auth/change-password", {
      currentPassword: TEST_PASSWORD,
      newPassword: STRONG,
    });
    expect(changed.status).toBe(204);
    expect((await here.get("/api/auth/me")).status).toBe(200);
    expect((await elsewhere.get("/api/auth/me")).status).toBe(401);
    await dropped;
    expect((await new TestClient(server.url).login(JORDAN, STRONG)).status).toBe(200);
  });

  it("deactivates an account: it cannot sign in, its sessions end and its open socket is closed; reactivation lets it in again", async () => {
    const admin = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const { email } = await newFacilitator(admin);
    await new TestClient(server.url).post("/api/auth/set-password", {
      token: tokenSentTo(email),
      password: STRONG,
    });
    const clinician = await signedInClient(server.url, email, STRONG);
    const id = (await server.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    const socket = new LiveClient(server.url, clinician.cookieHeader());
    opened.push(socket);
    await socket.connected();
    const dropped = new Promise<void>((resolve) =>
      socket.socket.once("disconnect", () => resolve()),
    );

    const off = await admin.post(`/api/accounts/${id}/deactivate`, {});
    expect(off.status).toBe(200);
    expect(AccountStateSchema.parse(off.body)).toEqual({ userId: id, status: "deactivated" });
    await dropped;
    expect((await clinician.get("/api/auth/me")).status).toBe(401);
    expect((await new TestClient(server.url).login(email, STRONG)).status).toBe(401);
    // A deactivated account gets no reset link either (and the answer does not say so).
    expect(
      (await new TestClient(server.url).post("/api/auth/forgot-password", { email })).status,
    ).toBe(202);
    expect(linkSentTo(email).searchParams.get("token")).toBe(tokenSentTo(email));
    expect(emailsTo(email)).toHaveLength(1);

    const listed = FacilitatorListSchema.parse((await admin.get("/api/facilitators")).body);
    expect(listed.facilitators.find((f) => f.id === id)?.status).toBe("deactivated");

    const on = await admin.post(`/api/accounts/${id}/reactivate`, {});
    expect(AccountStateSchema.parse(on.body).status).toBe("active");
    expect((await new TestClient(server.url).login(email, STRONG)).status).toBe(200);
  });

  it("shows a person their signed-in sessions and lets them end another one, not someone else's", async () => {
    const laptop = new TestClient(server.url);
    const signIn = await laptop.request<{ csrfToken: string }>("POST", "/api/auth/login", {
      json: { email: TAYLOR, password: TEST_PASSWORD },
      headers: { "user-agent": FIREFOX_ON_LINUX },
    });
    expect(signIn.status).toBe(200);
    laptop.csrfToken = signIn.body.csrfToken;
    const phone = await signedInClient(server.url, TAYLOR, TEST_PASSWORD);
    const socket = new LiveClient(server.url, phone.cookieHeader());
    opened.push(socket);
    await socket.connected();
    const dropped = new Promise<void>((resolve) =>
      socket.socket.once("disconnect", () => resolve()),
    );

    const listed = SignInListSchema.parse((await laptop.get("/api/auth/sessions")).body);
    expect(listed.sessions.length).toBeGreaterThanOrEqual(2);
    const current = listed.sessions.filter((s) => s.current);
    expect(current).toHaveLength(1);
    // Signed in from this machine: the browser and system from the User-Agent, the local network.
    expect(current[0]).toMatchObject({
      browser: "Firefox 121",
      os: "Linux",
      place: "This device's network",
    });
    const other = listed.sessions.find((s) => !s.current);
    if (!other) throw new Error("no other session listed");

    const stranger = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    expect((await stranger.post(`/api/auth/sessions/${other.id}/end`, {})).status).toBe(404);
    expect((await phone.get("/api/auth/me")).status).toBe(200);

    const ended = await laptop.post(`/api/auth/sessions/${other.id}/end`, {});
    expect(ended.status).toBe(204);
    await dropped;
    expect((await laptop.get("/api/auth/me")).status).toBe(200);
    const after = SignInListSchema.parse((await laptop.get("/api/auth/sessions")).body);
    expect(after.sessions.map((s) => s.id)).not.toContain(other.id);
  });

  it("lets an admin end every session of a person, who can sign in again", async () => {
    const admin = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const person = await signedInClient(server.url, MORGAN, TEST_PASSWORD);
    const id = (await server.db.prisma.user.findUniqueOrThrow({ where: { email: MORGAN } })).id;
    const ended = await admin.post(`/api/accounts/${id}/end-sessions`, {});
    expect(ended.status).toBe(200);
    expect(typeof (ended.body as { ended: unknown }).ended).toBe("number");
    expect((await person.get("/api/auth/me")).status).toBe(401);
    expect((await new TestClient(server.url).login(MORGAN, TEST_PASSWORD)).status).toBe(200);
    expect((await person.post(`/api/accounts/${id}/end-sessions`, {})).status).not.toBe(200);
  });

  it("lets only an admin deactivate, and never their own account", async () => {
    const admin = await signedInClient(server.url, ADMIN, TEST_PASSWORD);
    const adminId = (await server.db.prisma.user.findUniqueOrThrow({ where: { email: ADMIN } })).id;
    expect((await admin.post(`/api/accounts/${adminId}/deactivate`, {})).status).toBe(409);
    const participant = await signedInClient(
      server.url,
      DEMO_ACCOUNTS.participants[3],
      TEST_PASSWORD,
    );
    const refused = await participant.post(`/api/accounts/${adminId}/deactivate`, {});
    expect(refused.status).toBe(404);
    expect((await new TestClient(server.url).login(ADMIN, TEST_PASSWORD)).status).toBe(200);
  });
});
