import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TestClient } from "./http-client";

/** The token of the newest password link (invitation or reset) emailed to `to`. */
export function passwordLinkToken(outboxDir: string, to: string): string {
  const files = readdirSync(outboxDir).sort().reverse();
  for (const file of files) {
    const text = readFileSync(join(outboxDir, file), "utf8")
      .replace(/=\r?\n/g, "")
      .replace(/=3D/g, "=");
    if (!text.toLowerCase().includes(`to: ${to.toLowerCase()}`)) continue;
    const token = /\/account\/password\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
    if (token) return token;
  }
  throw new Error(`no password link emailed to ${to}`);
}

/** Plays the invited person: follows their emailed link and chooses `password`. */
export async function acceptAccountInvitation(
  baseUrl: string,
  outboxDir: string,
  email: string,
  password: string,
): Promise<void> {
  const res = await new TestClient(baseUrl).post("/api/auth/set-password", {
    token: passwordLinkToken(outboxDir, email),
    password,
  });
  if (res.status !== 200)
    throw new Error(`setting the password of ${email} answered ${res.status}`);
}
