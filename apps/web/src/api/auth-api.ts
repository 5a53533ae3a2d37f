import { AuthStateSchema, type AuthState, type LoginInput } from "@bridgeway/domain";
import { ApiError, type ApiClient } from "./api-client";

/**
 * Why nobody is signed in, which decides what the sign-in page says:
 * - `none`: never signed in on this browser, or the cookie is gone;
 * - `signed-out`: the person chose to sign out;
 * - `idle`: the web app signed them out after the idle limit;
 * - `time-limit`: the session reached its absolute lifetime;
 * - `expired`: the server says the session ended (elsewhere, or while the page slept).
 */
export type SignedOutReason = "none" | "signed-out" | "idle" | "time-limit" | "expired";

export type AuthStatus =
  { status: "signed-in"; auth: AuthState } | { status: "signed-out"; reason: SignedOutReason };

export function createAuthApi(api: ApiClient) {
  return {
    /** Who is signed in; a 401 is an answer here, not an error. */
    async me(signal?: AbortSignal): Promise<AuthStatus> {
      try {
        return {
          status: "signed-in",
          auth: await api.get("/api/auth/me", AuthStateSchema, signal),
        };
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          return {
            status: "signed-out",
            reason: error.code === "session_expired" ? "expired" : "none",
          };
        }
        throw error;
      }
    },
    login(input: LoginInput): Promise<AuthState> {
      return api.write("POST", "/api/auth/login", input, AuthStateSchema);
    },
    /** Records activity now: the "Stay signed in" button and activity on the page. */
    keepAlive(): Promise<AuthState> {
      return api.write("POST", "/api/auth/keepalive", undefined, AuthStateSchema);
    },
    logout(): Promise<void> {
      return api.writeNoContent("POST", "/api/auth/logout");
    },
  };
}

export type AuthApi = ReturnType<typeof createAuthApi>;
