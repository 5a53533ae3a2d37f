import {
  AuthStateSchema,
  LocaleAnswerSchema,
  SignInAnswerSchema,
  type AuthState,
  type LoginInput,
  type MfaPendingState,
  type SignInAnswer,
  type Locale,
} from "@bridgeway/domain";
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
  | { status: "signed-in"; auth: AuthState }
  | { status: "signed-out"; reason: SignedOutReason }
  /** The password was right; the code (or, for staff, enrolment) comes next. */
  | { status: "mfa-pending"; pending: MfaPendingState };

/** The status a sign-in answer (or `GET /api/auth/me`) leads to. */
export function statusFromAnswer(answer: SignInAnswer): AuthStatus {
  return "mfaPending" in answer
    ? { status: "mfa-pending", pending: answer }
    : { status: "signed-in", auth: answer };
}

export function createAuthApi(api: ApiClient) {
  return {
    /** Who is signed in; a 401 is an answer here, not an error. */
    async me(signal?: AbortSignal): Promise<AuthStatus> {
      try {
        return statusFromAnswer(await api.get("/api/auth/me", SignInAnswerSchema, signal));
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
    login(input: LoginInput): Promise<SignInAnswer> {
      return api.write("POST", "/api/auth/login", input, SignInAnswerSchema);
    },
    /** Records activity now: the "Stay signed in" button and activity on the page. */
    keepAlive(): Promise<AuthState> {
      return api.write("POST", "/api/auth/keepalive", undefined, AuthStateSchema);
    },
    /** Saves the signed-in person's language; the answer is the language now stored. */
    async setLocale(locale: Locale): Promise<Locale> {
      const answer = await api.write("PUT", "/api/auth/me/locale", { locale }, LocaleAnswerSchema);
      return answer.locale;
    },
    logout(): Promise<void> {
      return api.writeNoContent("POST", "/api/auth/logout");
    },
  };
}

export type AuthApi = ReturnType<typeof createAuthApi>;
