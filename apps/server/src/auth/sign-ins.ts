import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import {
  MFA_PENDING_LIFETIME_MS,
  reauthenticationFresh,
  SIGN_IN_ABSOLUTE_LIFETIME_MS,
  SIGN_IN_IDLE_TIMEOUT_MS,
  SIGN_IN_TOUCH_INTERVAL_MS,
  type Actor,
  type AuthState,
  type SignInEndReason,
  type SignedInUser,
} from "@bridgeway/domain";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import type { Clock } from "../clock";
import type { SignInDevice } from "./device";
import { SignInCache } from "./sign-in-cache";
import type {
  MfaPendingStage,
  SignInRepository,
  SignInWithUser,
  StoredSignIn,
} from "./sign-in-repository";
import type { RevocationBus } from "./sign-in-revocations";

/**
 * Activity refreshes `lastSeenAt` at most this often, so a busy page costs one read per request,
 * not a read and a write. The idle logoff therefore happens between 29 and 30 minutes after the
 * last request.
 */
const TOUCH_INTERVAL_MS = SIGN_IN_TOUCH_INTERVAL_MS;

export type AuthContext = {
  user: SignedInUser;
  actor: Actor;
  signIn: StoredSignIn;
};

/**
 * A sign-in that is not finished (second factor, or MFA enrolment for staff): it is
 * not `active`, so nothing that asks for a signed-in caller accepts it.
 */
export type PendingMfaSignIn = AuthContext & { stage: MfaPendingStage };

export type SignInCheck =
  | { status: "none" }
  | { status: "ended" }
  | { status: "active"; auth: AuthContext }
  | { status: "mfa-pending"; pending: PendingMfaSignIn };

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

export function idleExpiresAt(signIn: StoredSignIn): Date {
  return new Date(signIn.lastSeenAt.getTime() + SIGN_IN_IDLE_TIMEOUT_MS);
}

export function authState(auth: AuthContext): AuthState {
  return {
    user: auth.user,
    locale: auth.user.locale,
    csrfToken: auth.signIn.csrfToken,
    session: {
      idleExpiresAt: idleExpiresAt(auth.signIn).toISOString(),
      absoluteExpiresAt: auth.signIn.expiresAt.toISOString(),
    },
  };
}

export type CookieSettings = { secure: boolean };

export function signInCookieName(settings: CookieSettings): string {
  // The __Host- prefix pins the cookie to this exact origin; browsers accept it only over https.
  return settings.secure ? "__Host-bw_session" : "bw_session";
}

export function createSignInService(deps: {
  signIns: SignInRepository;
  clock: Clock;
  cookies: CookieSettings;
  revocations: RevocationBus;
  cache?: SignInCache;
}) {
  const { signIns, clock, revocations } = deps;
  const cookieName = signInCookieName(deps.cookies);
  const cache = deps.cache ?? new SignInCache();
  revocations.subscribe((revocation) => {
    if ("signInId" in revocation) cache.delete(revocation.signInId);
    else cache.deleteUser(revocation.userId);
  });

  /**
   * Ends one sign-in everywhere: deleted from the database, dropped from every cache, and its
   * open sockets told why and closed (see realtime.ts).
   */
  async function end(signInId: string, reason: SignInEndReason = "signed-out"): Promise<boolean> {
    const deleted = await signIns.delete(signInId);
    await revocations.publish({ signInId, reason });
    return deleted;
  }

  function hasEnded(found: SignInWithUser, now: Date): boolean {
    const { signIn } = found;
    const idle = now.getTime() - signIn.lastSeenAt.getTime() >= SIGN_IN_IDLE_TIMEOUT_MS;
    return idle || now >= signIn.expiresAt || !found.userActive;
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
     * Starts a sign-in for a user who has just proved who they are; with `mfa.pending`, one
     * that only finishes signing in (second factor or enrolment) and lapses in 15 minutes.
     */
    async start(
      userId: string,
      device?: SignInDevice,
      mfa: { pending?: MfaPendingStage } = {},
    ): Promise<{ token: string; signIn: StoredSignIn }> {
      const now = clock.now();
      const token = newSecret();
      const signIn: StoredSignIn = {
        id: hashToken(token),
        userId,
        csrfToken: newSecret(),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(
          now.getTime() + (mfa.pending ? MFA_PENDING_LIFETIME_MS : SIGN_IN_ABSOLUTE_LIFETIME_MS),
        ),
        ...device,
        // Signing in is itself a confirmation of the password (and code, when finished by one).
        ...(mfa.pending ? { mfaPending: mfa.pending } : { reauthenticatedAt: now }),
      };
      await signIns.create(signIn);
      return { token, signIn };
    },

    /**
     * Looks the token up and applies idle and absolute expiry. An ended sign-in is deleted, so
     * it cannot come back. `touch` records the request as activity.
     */
    async check(token: string | undefined, options: { touch: boolean }): Promise<SignInCheck> {
      if (!token) return { status: "none" };
      const id = hashToken(token);
      const now = clock.now();
      let found = cache.get(id, now.getTime());
      // Another process may have recorded activity the cached copy has not seen: only the
      // database can say a sign-in has ended.
      if (!found || hasEnded(found, now)) found = (await signIns.findWithUser(id)) ?? undefined;
      if (!found) {
        cache.delete(id);
        return { status: "ended" };
      }
      const { signIn } = found;
      if (hasEnded(found, now)) {
        await end(signIn.id, "expired");
        return { status: "ended" };
      }
      cache.set(id, found, now.getTime());
      if (options.touch && now.getTime() - signIn.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
        await signIns.touch(signIn.id, now);
        signIn.lastSeenAt = now;
      }
      const { user } = found;
      const auth: AuthContext = {
        user,
        actor: { userId: user.id, role: user.role, organizationId: user.organizationId },
        signIn,
      };
      if (signIn.mfaPending) {
        return { status: "mfa-pending", pending: { ...auth, stage: signIn.mfaPending } };
      }
      return { status: "active", auth };
    },

    /** Records that the person confirmed their password or a code on this sign-in just now. */
    async markReauthenticated(auth: AuthContext): Promise<void> {
      const now = clock.now();
      await signIns.markReauthenticated(auth.signIn.id, now);
      auth.signIn.reauthenticatedAt = now;
    },

    /**
     * When the sign-in last confirmed a password or code. A cached copy can be older than a
     * confirmation made through another server process, so a stale answer is re-read.
     */
    async reauthenticatedAt(auth: AuthContext): Promise<Date | null> {
      const cached = auth.signIn.reauthenticatedAt ?? null;
      if (reauthenticationFresh(cached, clock.now())) return cached;
      return signIns.reauthenticatedAt(auth.signIn.id);
    },

    /** Records activity now, whatever the touch interval (the "stay signed in" button). */
    async keepAlive(auth: AuthContext): Promise<void> {
      const now = clock.now();
      await signIns.touch(auth.signIn.id, now);
      auth.signIn.lastSeenAt = now;
    },

    end,

    /**
     * Ends every sign-in of a user (deactivation, role change, password change) and closes
     * their sockets on every process.
     */
    async endAllForUser(
      userId: string,
      reason: SignInEndReason = "access-revoked",
    ): Promise<number> {
      const count = await signIns.deleteForUser(userId);
      await revocations.publish({ userId, reason });
      return count;
    },

    sweep(): Promise<number> {
      const now = clock.now();
      return signIns.deleteEnded(now, new Date(now.getTime() - SIGN_IN_IDLE_TIMEOUT_MS));
    },

    setCookieHeader(token: string, signIn: StoredSignIn): string {
      return serializeCookie(cookieName, token, {
        httpOnly: true,
        sameSite: "strict",
        secure: deps.cookies.secure,
        path: "/",
        // The browser forgets the cookie at the absolute expiry; the server enforces both limits.
        maxAge: Math.max(
          0,
          Math.floor((signIn.expiresAt.getTime() - clock.now().getTime()) / 1000),
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

export type SignInService = ReturnType<typeof createSignInService>;
