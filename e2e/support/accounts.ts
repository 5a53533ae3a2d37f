import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, request } from "@playwright/test";
import { BASE_URL, OUTBOX_DIR } from "./environment";

/** Quoted-printable soft line breaks and escaped "=", as nodemailer writes long lines. */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");
}

/**
 * The password link (a new account's invitation, or a reset) in the newest email to `to` in the
 * server's outbox, as a path on this app (`/account/password?token=…`). Waits for the email.
 */
export async function passwordLinkFor(to: string): Promise<string> {
  const find = (): string | null => {
    for (const file of readdirSync(OUTBOX_DIR).sort().reverse()) {
      const text = decodeQuotedPrintable(readFileSync(join(OUTBOX_DIR, file), "utf8"));
      if (!text.toLowerCase().includes(`to: ${to.toLowerCase()}`)) continue;
      const found = /https?:\/\/[^\s/]+(\/account\/password\?token=[A-Za-z0-9_-]{43})/.exec(text);
      if (found?.[1]) return found[1];
    }
    return null;
  };
  await expect
    .poll(find, { message: `a password link emailed to ${to} in ${OUTBOX_DIR}` })
    .not.toBeNull();
  const link = find();
  if (link === null) throw new Error(`no password link for ${to}`);
  return link;
}

/**
 * Plays a newly invited person choosing their own password through the emailed link, as the
 * set-password page does, on a device of their own; staff accounts have no other way to get one.
 */
export async function choosePasswordFromInvitation(email: string, password: string): Promise<void> {
  const token = new URL(await passwordLinkFor(email), BASE_URL).searchParams.get("token");
  const device = await request.newContext({ baseURL: BASE_URL });
  try {
    const res = await device.post("/api/auth/set-password", {
      headers: { origin: BASE_URL },
      data: { token, password },
    });
    expect(res.status(), `choosing the password of ${email}`).toBe(200);
  } finally {
    await device.dispose();
  }
}
