import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import {
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_TOUCH_INTERVAL_MS,
  type Actor,
  type AuthState,
  type SessionUser,
} from "@bridgeway/domain";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import type { Clock } from "../clock";
import { SessionCache } from "./session-cache";
import type { SessionRepository, SessionWithUser, StoredSession } from "./session-repository";
import type { RevocationBus } from "./session-revocations";

/**
 * Activity refreshes `lastSeenAt` at most this often, so a busy page costs one read per request,
 * not a read and a write. The idle logoff therefore happens between 29 and 30 minutes after the
 * last request.
 */
const TOUCH_INTERVAL_MS = SESSION_TOUCH_INTERVAL_MS;

export type AuthContext = {
  user: SessionUser;
  actor: Actor;
  session: StoredSession;
};

export type SessionCheck =
  { status: "none" } | { status: "ended" } | { status: "active"; auth: AuthContext };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function idleExpiresAt(session: StoredSession): Date {
  return new Date(session.lastSeenAt.getTime() + SESSION_IDLE_TIMEOUT_MS);
}

export function authState(auth: AuthContext): AuthState {
  return {
    user: auth.user,
    csrfToken: auth.session.csrfToken,
    session: {
      idleExpiresAt: idleExpiresAt(auth.session).toISOString(),
      absoluteExpiresAt: auth.session.expiresAt.toISOString(),
    },
  };
}

export type CookieSettings = { secure: boolean };

export function sessionCookieName(settings: CookieSettings): string {
  // The __Host- prefix pins the cookie to this exact origin; browsers accept it only over https.
  return settings.secure ? "__Host-bw_session" : "bw_session";
}

export function createSessionService(deps: {
  sessions: SessionRepository;
  clock: Clock;
  cookies: CookieSettings;
  revocations: RevocationBus;
  cache?: SessionCache;
}) {
  const { sessions, clock, revocations } = deps;
  const cookieName = sessionCookieName(deps.cookies);
  const cache = deps.cache ?? new SessionCache();
  revocations.subscribe((revocation) => {
    if ("sessionId" in revocation) cache.delete(revocation.sessionId);
    else cache.deleteUser(revocation.userId);
  });

  /** Ends one session everywhere: deleted from the database and dropped from every cache. */
  async function end(sessionId: string): Promise<boolean> {
    const deleted = await sessions.delete(sessionId);
    await revocations.publish({ sessionId });
    return deleted;
  }

  function hasEnded(found: SessionWithUser, now: Date): boolean {
    const { session } = found;
    const idle = now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_TIMEOUT_MS;
    return idle || now >= session.expiresAt || !found.userActive;
  }

  function tokenFromCookieHeader(header: string | undefined): string | undefined {
    if (!header) return undefined;
    const token = parseCookies(header)[cookieName];
    // Our tokens are 43 base64url characters; anything else cannot be one of ours.
    return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
  }

  return {
    cookieName,
    tokenFromCookieHeader,

    /** Starts a session for a user who has just proved who they are. */
    async start(userId: string): Promise<{ token: string; session: StoredSession }> {
      const now = clock.now();
      const token = newSecret();
      const session: StoredSession = {
        id: hashToken(token),
        userId,
        csrfToken: newSecret(),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS),
      };
      await sessions.create(session);
      return { token, session };
    },

    /**
     * Looks the token up and applies idle and absolute expiry. An ended session is deleted, so
     * it cannot come back. `touch` records the request as activity.
     */
    async check(token: string | undefined, options: { touch: boolean }): Promise<SessionCheck> {
      if (!token) return { status: "none" };
      const id = hashToken(token);
      const now = clock.now();
      let found = cache.get(id, now.getTime());
      // Another process may have recorded activity the cached copy has not seen: only the
      // database can say a session has ended.
      if (!found || hasEnded(found, now)) found = (await sessions.findWithUser(id)) ?? undefined;
      if (!found) {
        cache.delete(id);
        return { status: "ended" };
      }
      const { session } = found;
      if (hasEnded(found, now)) {
        await end(session.id);
        return { status: "ended" };
      }
      cache.set(id, found, now.getTime());
      if (options.touch && now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
        await sessions.touch(session.id, now);
        session.lastSeenAt = now;
      }
      const { user } = found;
      return {
        status: "active",
        auth: {
          user,
          actor: { userId: user.id, role: user.role, organizationId: user.organizationId },
          session,
        },
      };
    },

    /** Records activity now, whatever the touch interval (the "stay signed in" button). */
    async keepAlive(auth: AuthContext): Promise<void> {
      const now = clock.now();
      await sessions.touch(auth.session.id, now);
      auth.session.lastSeenAt = now;
    },

    end,

    /** Ends every session of a user (deactivation, password change). */
    async endAllForUser(userId: string): Promise<number> {
      const count = await sessions.deleteForUser(userId);
      await revocations.publish({ userId });
      return count;
    },

    sweep(): Promise<number> {
      const now = clock.now();
      return sessions.deleteEnded(now, new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS));
    },

    setCookieHeader(token: string, session: StoredSession): string {
      return serializeCookie(cookieName, token, {
        httpOnly: true,
        sameSite: "strict",
        secure: deps.cookies.secure,
        path: "/",
        // The browser forgets the cookie at the absolute expiry; the server enforces both limits.
        maxAge: Math.max(
          0,
          Math.floor((session.expiresAt.getTime() - clock.now().getTime()) / 1000),
        ),
      });
    },

    clearCookieHeader(): string {
      return serializeCookie(cookieName, "", {
        httpOnly: true,
        sameSite: "strict",
        secure: deps.cookies.secure,
        path: "/",
        maxAge: 0,
      });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
