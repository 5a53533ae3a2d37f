import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiErrorBodySchema, AuthStateSchema } from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, TestClient } from "../testing/http-client";
import { mailsTo } from "../testing/outbox";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const [JORDAN, SAM] = DEMO_ACCOUNTS.participants;
const ADMIN = DEMO_ACCOUNTS.admin;
const STRONG = "una-contraseña-larga-y-mía";

describe.each(databaseKinds())("emails in the person's language on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-23T15:00:00Z"));
  const outbox = mkdtempSync(join(tmpdir(), "bw-outbox-"));
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ kind, clock, env: { OUTBOX_DIR: outbox } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  let count = 0;
  const unique = (what: string) => `${what}.${Date.now()}.${++count}@family.example`;
  const sign = (email: string) => signedInClient(server.url, email, TEST_PASSWORD);
  const onlyMailTo = (to: string) => {
    const mails = mailsTo(outbox, to);
    expect(mails).toHaveLength(1);
    return mails[0] ?? "";
  };
  const invite = (client: TestClient, email: string, extra: Record<string, unknown> = {}) =>
    client.post("/api/families/invitations", {
      email,
      firstName: "Rosa",
      lastName: "Díaz",
      relationship: "PARENT",
      sessionKinds: ["FAMILY"],
      ...extra,
    });

  it("invites a Spanish-speaking participant's family in Spanish, and their account speaks Spanish", async () => {
    const jordan = await sign(JORDAN);
    const chose = await jordan.request("PUT", "/api/auth/me/locale", { json: { locale: "es" } });
    expect(chose.status).toBe(200);
    const email = unique("rosa");
    expect((await invite(jordan, email)).status).toBe(201);

    const mail = onlyMailTo(email);
    expect(mail).toContain("Subject: Jordan te invitó a participar en sesiones familiares");
    expect(mail).toContain("Hola, Rosa:");
    expect(mail).toContain("Acepta la invitación y elige una contraseña aquí");
    expect(mail).not.toMatch(/\b(Hello|invited you|Accept the invitation|ignore this)\b/);
    const token = /\/family\/accept\?token=([A-Za-z0-9_-]{43})/.exec(mail)?.[1] ?? "";

    const rosa = new TestClient(server.url);
    const accepted = await rosa.post("/api/families/invitations/accept", {
      token,
      password: STRONG,
    });
    expect(accepted.status).toBe(201);
    expect(AuthStateSchema.parse(accepted.body)).toMatchObject({
      locale: "es",
      user: { role: "FAMILY", locale: "es" },
    });
    await jordan.request("PUT", "/api/auth/me/locale", { json: { locale: "en" } });
  });

  it("lets the inviter choose the invitation's language, and refuses one it does not speak", async () => {
    const sam = await sign(SAM);
    const spanish = unique("abuela");
    expect((await invite(sam, spanish, { locale: "es" })).status).toBe(201);
    expect(onlyMailTo(spanish)).toContain("Hola, Rosa:");

    const english = unique("uncle");
    expect((await invite(sam, english)).status).toBe(201);
    const mail = onlyMailTo(english);
    expect(mail).toContain("Hello Rosa,");
    expect(mail).toContain("Subject: Sam invited you to join family sessions on Bridgeway");

    const refused = await invite(sam, unique("tio"), { locale: "pt" });
    expect(refused.status).toBe(400);
    expect(Object.keys(ApiErrorBodySchema.parse(refused.body).error.fields ?? {})).toEqual([
      "locale",
    ]);
  });

  it("writes an existing account's family invitation in Spanish too, without a link", async () => {
    const sam = await sign(SAM);
    expect((await invite(sam, DEMO_ACCOUNTS.family[1], { locale: "es" })).status).toBe(201);
    const mail = mailsTo(outbox, DEMO_ACCOUNTS.family[1]).at(-1) ?? "";
    expect(mail).toContain("ya tiene una cuenta de Bridgeway");
    expect(mail).not.toContain("/family/accept");
  });

  it("invites a participant the admin made in Spanish in Spanish, and staff in English unless told", async () => {
    const admin = await sign(ADMIN);
    const participant = unique("lucia");
    const created = await admin.post("/api/participants", {
      email: participant,
      firstName: "Lucía",
      lastName: "Ortiz",
      timeZone: "America/Chicago",
      locale: "es",
    });
    expect(created.status).toBe(201);
    const mail = onlyMailTo(participant);
    expect(mail).toContain("Subject: Tu cuenta de Bridgeway en");
    expect(mail).toContain("Hola, Lucía:");
    expect(mail).toContain("Nadie en la clínica sabe ni puede ver tu contraseña.");
    const token = /\/account\/password\?token=([A-Za-z0-9_-]{43})/.exec(mail)?.[1] ?? "";
    const set = await new TestClient(server.url).post("/api/auth/set-password", {
      token,
      password: STRONG,
    });
    expect(AuthStateSchema.parse(set.body).user.locale).toBe("es");

    const clinician = unique("clinician");
    const staff = await admin.post("/api/facilitators", {
      email: clinician,
      firstName: "Quinn",
      lastName: "Moss",
      timeZone: "America/New_York",
      credential: "LCSW",
      licenseState: "NY",
      licenseExpiresOn: "2030-06-30",
    });
    expect(staff.status).toBe(201);
    expect(onlyMailTo(clinician)).toContain("Hello Quinn,");

    const badLocale = await admin.post("/api/participants", {
      email: unique("nobody"),
      firstName: "No",
      lastName: "Body",
      timeZone: "America/Chicago",
      locale: "xx",
    });
    expect(badLocale.status).toBe(400);
    expect(ApiErrorBodySchema.parse(badLocale.body).error.fields).toHaveProperty("locale");
  });

  it("sends the password reset in the account's language, or the asking page's when the account has none of its own", async () => {
    const forgot = (email: string, init: { locale?: string; language?: string } = {}) =>
      new TestClient(server.url).request("POST", "/api/auth/forgot-password", {
        json: { email, ...(init.locale ? { locale: init.locale } : {}) },
        headers: init.language ? { "accept-language": init.language } : {},
      });
    const [riley, casey, drew, emery] = DEMO_ACCOUNTS.participants.slice(2, 6);
    if (!riley || !casey || !drew || !emery) throw new Error("the demo clinic has too few");

    // Riley chose Spanish: the email is Spanish whatever the page says.
    const rileyClient = await sign(riley);
    await rileyClient.request("PUT", "/api/auth/me/locale", { json: { locale: "es" } });
    expect((await forgot(riley, { language: "en-US" })).status).toBe(202);
    const spanish = onlyMailTo(riley);
    expect(spanish).toContain("Subject: Elige una nueva contraseña de Bridgeway");
    expect(spanish).toContain("el enlace funciona una sola vez, durante 30 minutos");

    // Accounts on the default follow the page: its field, else the browser's languages.
    expect((await forgot(casey, { locale: "es" })).status).toBe(202);
    expect(onlyMailTo(casey)).toContain("Alguien pidió restablecer la contraseña");
    expect((await forgot(drew, { language: "es-MX,es;q=0.9,en;q=0.5" })).status).toBe(202);
    expect(onlyMailTo(drew)).toContain("Alguien pidió restablecer la contraseña");
    expect((await forgot(emery)).status).toBe(202);
    expect(onlyMailTo(emery)).toContain("Someone asked to reset the password");

    const refused = await forgot(emery, { locale: "fr" });
    expect(refused.status).toBe(400);
    expect(ApiErrorBodySchema.parse(refused.body).error.fields).toHaveProperty("locale");
  });
});
