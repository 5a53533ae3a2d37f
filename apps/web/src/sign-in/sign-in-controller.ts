import type { AuthState, MfaPendingState } from "@bridgeway/domain";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { ApiError, type ResponseInfo } from "../api/api-client";
import type { AuthApi, AuthStatus, SignedOutReason } from "../api/auth-api";
import { clearChatOutboxes } from "../chat/outbox-store";
import { IdleTimer, type IdleState, type SignInDeadlines } from "./idle-timer";
import type { SignInSync } from "./sign-in-sync";

/** React Query key of the signed-in state (`GET /api/auth/me`). */
export const AUTH_QUERY_KEY = ["auth", "me"] as const;

function isAuthKey(key: QueryKey): boolean {
  return key[0] === AUTH_QUERY_KEY[0];
}

const ACTIVITY_EVENTS = ["pointerdown", "keydown"] as const;

export type SignInControllerDeps = {
  queryClient: QueryClient;
  authApi: AuthApi;
  sync: SignInSync;
  /** Where pointer and keyboard activity is heard; `window` in the browser. */
  activityTarget?: EventTarget;
  /** Where `visibilitychange` is heard, to re-check the clock after sleep; `document`. */
  visibilityTarget?: EventTarget;
  now?: () => number;
};

/**
 * Owns the sign-in on the client: its idle timer, sign-out (chosen, idle, or ended by
 * the server), and keeping tabs in step. React components read it; they hold none of this logic.
 */
export function createSignInController(deps: SignInControllerDeps) {
  const { queryClient, authApi, sync } = deps;
  const activityTarget = deps.activityTarget ?? globalThis;
  const visibilityTarget = deps.visibilityTarget ?? globalThis.document;
  const listeners = new Set<() => void>();
  let serverOffsetMs = 0;
  let lastStatus: AuthStatus | undefined;

  // Who is signed in must outlive any one screen: never garbage-collected, never stale.
  queryClient.setQueryDefaults(AUTH_QUERY_KEY, {
    gcTime: Number.POSITIVE_INFINITY,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const currentStatus = () => queryClient.getQueryData<AuthStatus>(AUTH_QUERY_KEY);

  const timer = new IdleTimer({
    now: deps.now,
    keepAlive: async () => {
      setSignedIn(await authApi.keepAlive());
    },
    onExpire: (limit) => {
      // Our estimate of the expiry can run a little ahead of the server's, so end the server
      // sign-in too: nobody may come back to this screen signed in.
      authApi.logout().catch(() => undefined);
      endLocally(limit === "idle" ? "idle" : "time-limit");
    },
    onChange: () => {
      for (const listener of listeners) listener();
    },
  });

  function deadlinesFrom(auth: AuthState): SignInDeadlines {
    return {
      idleEndsAt: Date.parse(auth.session.idleExpiresAt) - serverOffsetMs,
      absoluteEndsAt: Date.parse(auth.session.absoluteExpiresAt) - serverOffsetMs,
    };
  }

  function setSignedIn(auth: AuthState): void {
    const next: AuthStatus = { status: "signed-in", auth };
    queryClient.setQueryData(AUTH_QUERY_KEY, next);
  }

  /** Forgets everything about the sign-in on this page; clinical data goes with it. */
  function endLocally(reason: SignedOutReason, options: { broadcast?: boolean } = {}): void {
    timer.stop();
    void queryClient.cancelQueries({ predicate: (query) => !isAuthKey(query.queryKey) });
    queryClient.removeQueries({ predicate: (query) => !isAuthKey(query.queryKey) });
    const next: AuthStatus = { status: "signed-out", reason };
    queryClient.setQueryData(AUTH_QUERY_KEY, next);
    // Unsent chat messages kept on this device are this person's, however the sign-in ended
    // (signed out, idle, time limit): on a shared device the next person must not see them.
    if (reason !== "none") clearChatOutboxes();
    if (options.broadcast !== false && reason !== "none") sync.post({ type: "signed-out", reason });
  }

  const onActivity = () => timer.noteUserActivity();
  const onVisibility = () => timer.check();
  let listening = false;
  function listen(on: boolean): void {
    if (on === listening) return;
    listening = on;
    for (const type of ACTIVITY_EVENTS) {
      if (on) activityTarget.addEventListener(type, onActivity, { capture: true, passive: true });
      else activityTarget.removeEventListener(type, onActivity, { capture: true });
    }
    if (on) visibilityTarget.addEventListener("visibilitychange", onVisibility);
    else visibilityTarget.removeEventListener("visibilitychange", onVisibility);
  }

  const unsubscribeCache = queryClient.getQueryCache().subscribe(() => {
    const status = currentStatus();
    if (status === lastStatus) return;
    const previous = lastStatus;
    lastStatus = status;
    if (status?.status === "signed-in") {
      if (previous?.status === "signed-in" && previous.auth.user.id !== status.auth.user.id) {
        // Someone else signed in on this browser: nothing of the last person may stay on screen.
        queryClient.removeQueries({ predicate: (query) => !isAuthKey(query.queryKey) });
      }
      timer.update(deadlinesFrom(status.auth));
      listen(true);
    } else {
      timer.stop();
      listen(false);
    }
  });

  const unsubscribeSync = sync.subscribe((message) => {
    switch (message.type) {
      case "activity":
        timer.noteServerActivity(message.at);
        return;
      case "signed-in":
        void queryClient.invalidateQueries({ queryKey: AUTH_QUERY_KEY });
        return;
      case "signed-out":
        if (currentStatus()?.status === "signed-in")
          endLocally(message.reason, { broadcast: false });
        return;
    }
  });

  return {
    /** For the API client: the CSRF token of the current sign-in. */
    csrfToken(): string | undefined {
      const status = currentStatus();
      if (status?.status === "mfa-pending") return status.pending.csrfToken;
      return status?.status === "signed-in" ? status.auth.csrfToken : undefined;
    },

    /** For the API client: a request succeeded; a write means the server saw activity. */
    handleSuccess(info: ResponseInfo): void {
      serverOffsetMs = info.serverOffsetMs;
      if (!info.activity) return;
      timer.noteServerActivity(info.receivedAt);
      sync.post({ type: "activity", at: info.receivedAt });
    },

    /** For the API client: the server says there is no sign-in any more. */
    handleSignInEnded(): void {
      const status = currentStatus()?.status;
      if (status === "signed-in" || status === "mfa-pending") endLocally("expired");
    },

    /** The password was right and MFA comes next (a code, or enrolment for staff). */
    mfaPending(pending: MfaPendingState): void {
      queryClient.removeQueries({ predicate: (query) => !isAuthKey(query.queryKey) });
      const next: AuthStatus = { status: "mfa-pending", pending };
      queryClient.setQueryData(AUTH_QUERY_KEY, next);
    },

    /** A sign-in succeeded. */
    signedIn(auth: AuthState): void {
      queryClient.removeQueries({ predicate: (query) => !isAuthKey(query.queryKey) });
      setSignedIn(auth);
      sync.post({ type: "signed-in" });
    },

    /** The person chose to sign out: end the server sign-in, then forget it here. */
    async signOut(): Promise<void> {
      try {
        await authApi.logout();
      } catch (error) {
        // Already ended on the server: signing out has nothing left to do there.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
      endLocally("signed-out");
    },

    /** The "Stay signed in" button. */
    staySignedIn(): Promise<void> {
      return timer.staySignedIn();
    },

    // Arrow functions: React's useSyncExternalStore calls these detached from the object.
    idleState: (): IdleState => timer.state,

    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    dispose(): void {
      unsubscribeCache();
      unsubscribeSync();
      listen(false);
      timer.stop();
      sync.close();
    },
  };
}

export type SignInController = ReturnType<typeof createSignInController>;
