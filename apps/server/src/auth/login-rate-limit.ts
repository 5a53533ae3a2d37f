import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Request } from "express";
import { ipKeyGenerator, MemoryStore, type Options, type Store } from "express-rate-limit";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import { tooManyRequests } from "../http/errors";

/**
 * Sign-in throttling that an attacker cannot turn into a lockout.
 *
 * Failed guesses are counted in fixed windows, so any refusal ends within LOGIN_WINDOW_MS:
 * - A browser that has signed in to this account before carries a signed, httpOnly device
 *   cookie. Its attempts count only against that device (LOGIN_FAILURES_PER_DEVICE): guesses
 *   from other addresses or other browsers never refuse it the right password.
 * - Any other browser counts against the account at its address (a guesser at one address is
 *   stopped after LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS), against the account from unknown
 *   browsers anywhere (a distributed guesser, LOGIN_FAILURES_PER_ACCOUNT_UNKNOWN_DEVICES), and
 *   against its address (one address spraying many accounts, LOGIN_FAILURES_PER_ADDRESS, set high
 *   because a clinic or family may share one address).
 * Each attempt is counted before the password is checked (so parallel guesses cannot slip past
 * the limit) and taken back when it succeeds.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins allowed per account from one address (browsers without a device cookie). */
export const LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
/** Failed sign-ins allowed per account from all browsers without a device cookie. */
export const LOGIN_FAILURES_PER_ACCOUNT_UNKNOWN_DEVICES = 20;
/** Failed sign-ins allowed per address, whatever the account (browsers without a device cookie). */
export const LOGIN_FAILURES_PER_ADDRESS = 100;
/** Failed sign-ins allowed per device cookie (a stolen cookie still cannot guess freely). */
export const LOGIN_FAILURES_PER_DEVICE = 10;
/** How long a browser stays known after its last successful sign-in. */
export const DEVICE_COOKIE_LIFETIME_MS = 180 * 24 * 60 * 60 * 1000;

type Counter = { name: string; limit: number; store: Store };

/** What one sign-in attempt was counted against, so success can take it back. */
export type LoginAttempt = { counted: { counter: Counter; key: string }[]; device?: string };

export function deviceCookieName(settings: { secure: boolean }): string {
  return settings.secure ? "__Host-bw_device" : "bw_device";
}

/** A secret for signing device cookies that every process sharing this Redis agrees on. */
export async function sharedDeviceSecret(
  redis: {
    set(key: string, value: string, options: { NX: true }): Promise<unknown>;
    get(key: string): Promise<string | null>;
  },
  key: string,
): Promise<Buffer> {
  await redis.set(key, randomBytes(32).toString("base64url"), { NX: true });
  const value = await redis.get(key);
  if (!value) throw new Error("could not read the shared device-cookie secret from Redis");
  return Buffer.from(value, "base64url");
}

export function createLoginThrottle(deps: {
  /** A counter store per name: memory in one process, Redis when several share the load. */
  makeStore: (name: string) => Store | undefined;
  /** Signs device cookies; shared by every process (see sharedDeviceSecret). */
  deviceSecret: Buffer;
  cookies: { secure: boolean };
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const cookieName = deviceCookieName(deps.cookies);

  function counter(name: string, limit: number): Counter {
    const store = deps.makeStore(name) ?? new MemoryStore();
    // The stores only read the window from their options.
    void store.init?.({ windowMs: LOGIN_WINDOW_MS } as Options);
    return { name, limit, store };
  }
  const perDevice = counter("login-device", LOGIN_FAILURES_PER_DEVICE);
  const perAccountAddress = counter("login-account-ip", LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS);
  const perAccount = counter("login-account", LOGIN_FAILURES_PER_ACCOUNT_UNKNOWN_DEVICES);
  const perAddress = counter("login-ip", LOGIN_FAILURES_PER_ADDRESS);

  function sign(payload: string): string {
    return createHmac("sha256", deps.deviceSecret).update(payload).digest("base64url");
  }

  /** The device id of a valid device cookie issued to this user, if the request carries one. */
  function knownDevice(req: Request, userId: string | undefined): string | undefined {
    if (!userId) return undefined;
    const header = req.headers.cookie;
    if (!header) return undefined;
    const value = parseCookies(header)[cookieName];
    if (!value || value.length > 300) return undefined;
    const parts = value.split(".");
    if (parts.length !== 5 || parts[0] !== "v1") return undefined;
    const [, cookieUser, device, issued, mac] = parts as [string, string, string, string, string];
    const expected = Buffer.from(sign(parts.slice(0, 4).join(".")));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const issuedAt = Number(issued) * 1000;
    if (!Number.isFinite(issuedAt) || now() - issuedAt > DEVICE_COOKIE_LIFETIME_MS)
      return undefined;
    return cookieUser === userId ? device : undefined;
  }

  function address(req: Request): string {
    return ipKeyGenerator(req.ip ?? "unknown");
  }

  return {
    cookieName,

    /**
     * Counts a sign-in attempt before its password is checked, and refuses it (429 with
     * Retry-After) when a limit that applies to it is used up.
     */
    async begin(req: Request, email: string, userId: string | undefined): Promise<LoginAttempt> {
      const account = email.trim().toLowerCase().slice(0, 254);
      const device = knownDevice(req, userId);
      const keys: [Counter, string][] = device
        ? [[perDevice, `${account}:${device}`]]
        : [
            [perAccountAddress, `${account}:${address(req)}`],
            [perAccount, account],
            [perAddress, address(req)],
          ];
      const counted: LoginAttempt["counted"] = [];
      let retryAt = 0;
      for (const [c, key] of keys) {
        const hits = await c.store.increment(key);
        counted.push({ counter: c, key });
        if (hits.totalHits > c.limit) {
          retryAt = Math.max(retryAt, hits.resetTime?.getTime() ?? now() + LOGIN_WINDOW_MS);
        }
      }
      if (retryAt > 0) {
        throw tooManyRequests(
          "Too many sign-in attempts. Wait a few minutes, then try again.",
          Math.max(1, Math.ceil((retryAt - now()) / 1000)),
        );
      }
      return device ? { counted, device } : { counted };
    },

    /** The password was right: the attempt does not count, and this pair starts afresh. */
    async succeeded(attempt: LoginAttempt): Promise<void> {
      for (const { counter: c, key } of attempt.counted) {
        if (c === perDevice || c === perAccountAddress) await c.store.resetKey(key);
        else await c.store.decrement(key);
      }
    },

    /** A fresh device cookie for a browser that just signed in (kept device id if it had one). */
    deviceCookie(userId: string, attempt: LoginAttempt): string {
      const device = attempt.device ?? randomBytes(16).toString("base64url");
      const payload = `v1.${userId}.${device}.${Math.floor(now() / 1000)}`;
      return serializeCookie(cookieName, `${payload}.${sign(payload)}`, {
        httpOnly: true,
        sameSite: "strict",
        secure: deps.cookies.secure,
        path: "/",
        maxAge: Math.floor(DEVICE_COOKIE_LIFETIME_MS / 1000),
      });
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
