import {
  AuthStateSchema,
  MfaConfirmedSchema,
  MfaEnrolmentSchema,
  MfaStatusSchema,
  ReauthenticationStateSchema,
  SignInOptionsSchema,
  type AuthState,
  type MfaConfirmed,
  type MfaEnrolment,
  type MfaStatus,
  type ReauthenticateInput,
  type ReauthenticationState,
  type SignInOptions,
} from "@bridgeway/domain";
import type { ApiClient } from "./api-client";

/** Authenticator app enrolment, the code step of sign-in, and confirming who you are again. */
export function createMfaApi(api: ApiClient) {
  return {
    signInOptions(signal?: AbortSignal): Promise<SignInOptions> {
      return api.get("/api/auth/sign-in-options", SignInOptionsSchema, signal);
    },
    status(signal?: AbortSignal): Promise<MfaStatus> {
      return api.get("/api/auth/mfa", MfaStatusSchema, signal);
    },
    startEnrolment(): Promise<MfaEnrolment> {
      return api.write("POST", "/api/auth/mfa/enrolment", undefined, MfaEnrolmentSchema);
    },
    confirmEnrolment(code: string): Promise<MfaConfirmed> {
      return api.write("POST", "/api/auth/mfa/enrolment/confirm", { code }, MfaConfirmedSchema);
    },
    /** The second step of sign-in: an app code or a recovery code. */
    verify(code: string): Promise<AuthState> {
      return api.write("POST", "/api/auth/mfa/verify", { code }, AuthStateSchema);
    },
    disable(): Promise<MfaStatus> {
      return api.write("POST", "/api/auth/mfa/disable", undefined, MfaStatusSchema);
    },
    reauthenticationState(signal?: AbortSignal): Promise<ReauthenticationState> {
      return api.get("/api/auth/reauthentication", ReauthenticationStateSchema, signal);
    },
    reauthenticate(input: ReauthenticateInput): Promise<void> {
      return api.writeNoContent("POST", "/api/auth/reauthenticate", input);
    },
  };
}

export type MfaApi = ReturnType<typeof createMfaApi>;
