import { createHmac } from "node:crypto";

/** Where TURN runs and the secret it shares with this server (coturn's `static-auth-secret`). */
export type TurnConfig = {
  urls: string[];
  secret: string;
  /** How long one credential lets someone allocate and refresh a relay. */
  ttlSeconds: number;
};

export type TurnCredential = {
  urls: string[];
  username: string;
  credential: string;
  expiresAt: string;
};

/**
 * A short-lived TURN credential in the TURN REST style that coturn's `use-auth-secret` checks:
 * the username is `<unix expiry>:<user id>` and the password is base64(HMAC-SHA1(secret,
 * username)). Nothing fixed ever reaches the browser, and a leaked one stops working at expiry.
 */
export function turnCredential(turn: TurnConfig, userId: string, now: Date): TurnCredential {
  const expiry = Math.floor(now.getTime() / 1000) + turn.ttlSeconds;
  const username = `${expiry}:${userId}`;
  return {
    urls: turn.urls,
    username,
    credential: turnPassword(turn.secret, username),
    expiresAt: new Date(expiry * 1000).toISOString(),
  };
}

/** The password coturn expects for `username` under `secret`. */
export function turnPassword(secret: string, username: string): string {
  return createHmac("sha1", secret).update(username).digest("base64");
}

/** Whether a TURN REST username is still valid at `now` (what coturn checks on each request). */
export function turnUsernameValid(username: string, now: Date): boolean {
  const match = /^(\d+):/.exec(username);
  return match !== null && Number(match[1]) * 1000 > now.getTime();
}
