import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import {
  MFA_PENDING_LIFETIME_MS,
  reauthenticationFresh,
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_TOUCH_INTERVAL_MS,
  type Actor,
  type AuthState,
  type SessionEndReason,
  type SessionUser,
} from "@bridgeway/domain";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import type { Clock } from "../clock";
import type { SessionDevice } from "./device";
import { SessionCache } from "./session-cache";
import type {
  MfaPendingStage,
  SessionRepository,
  SessionWithUser,
  StoredSession,
} from "./session-repository";
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

/**
 * A session whose sign-in is not finished (second factor, or MFA enrolment for staff): it is
 * not `active`, so nothing that asks for a signed-in caller accepts it.
 */
export type PendingMfaSession = AuthContext & { stage: MfaPendingStage };

export type SessionCheck =
  | { status: "none" }
  | { status: "ended" }
  | { status: "active"; auth: AuthContext }
  | { status: "mfa-pending"; pending: PendingMfaSession };

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
    locale: auth.user.locale,
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

  /**
   * Ends one session everywhere: deleted from the database, dropped from every cache, and its
   * open sockets told why and closed (see realtime.ts).
   */
  async function end(sessionId: string, reason: SessionEndReason = "signed-out"): Promise<boolean> {
    const deleted = await sessions.delete(sessionId);
    await revocations.publish({ sessionId, reason });
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

    /**
     * Starts a session for a user who has just proved who they are; with `mfa.pending`, one
     * that only finishes signing in (second factor or enrolment) and lapses in 15 minutes.
     */
    async start(
      userId: string,
      device?: SessionDevice,
      mfa: { pending?: MfaPendingStage } = {},
    ): Promise<{ token: string; session: StoredSession }> {
      const now = clock.now();
      const token = newSecret();
      const session: StoredSession = {
        id: hashToken(token),
        userId,
        csrfToken: newSecret(),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(
          now.getTime() + (mfa.pending ? MFA_PENDING_LIFETIME_MS : SESSION_ABSOLUTE_LIFETIME_MS),
        ),
        ...device,
        // Signing in is itself a confirmation of the password (and code, when finished by one).
        ...(mfa.pending ? { mfaPending: mfa.pending } : { reauthenticatedAt: now }),
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
        await end(session.id, "expired");
        return { status: "ended" };
      }
      cache.set(id, found, now.getTime());
      if (options.touch && now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
        await sessions.touch(session.id, now);
        session.lastSeenAt = now;
      }
      const { user } = found;
      const auth: AuthContext = {
        user,
        actor: { userId: user.id, role: user.role, organizationId: user.organizationId },
        session,
      };
      if (session.mfaPending) {
        return { status: "mfa-pending", pending: { ...auth, stage: session.mfaPending } };
      }
      return { status: "active", auth };
    },

    /** Records that the person confirmed their password or a code on this session just now. */
    async markReauthenticated(auth: AuthContext): Promise<void> {
      const now = clock.now();
      await sessions.markReauthenticated(auth.session.id, now);
      auth.session.reauthenticatedAt = now;
    },

    /**
     * When the session last confirmed a password or code. A cached copy can be older than a
     * confirmation made through another server process, so a stale answer is re-read.
     */
    async reauthenticatedAt(auth: AuthContext): Promise<Date | null> {
      const cached = auth.session.reauthenticatedAt ?? null;
      if (reauthenticationFresh(cached, clock.now())) return cached;
      return sessions.reauthenticatedAt(auth.session.id);
    },

    /** Records activity now, whatever the touch interval (the "stay signed in" button). */
    async keepAlive(auth: AuthContext): Promise<void> {
      const now = clock.now();
      await sessions.touch(auth.session.id, now);
      auth.session.lastSeenAt = now;
    },

    end,

    /**
     * Ends every session of a user (deactivation, role change, password change) and closes
     * their sockets on every process.
     */
    async endAllForUser(
      userId: string,
      reason: SessionEndReason = "access-revoked",
    ): Promise<number> {
      const count = await sessions.deleteForUser(userId);
      await revocations.publish({ userId, reason });
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
