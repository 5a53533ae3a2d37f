import {
  AccountStateSchema,
  EndedSignInsSchema,
  ForgotPasswordAnswerSchema,
  PasswordLinkPreviewSchema,
  SignInAnswerSchema,
  SignInListSchema,
  type SignInSummary,
  type AccountState,
  type ChangePasswordInput,
  type EndedSignIns,
  type Locale,
  type PasswordLinkPreview,
  type SignInAnswer,
} from "@bridgeway/domain";
import type { ApiClient } from "./api-client";

/** Choosing, resetting and changing one's own password; admins switching accounts off and on. */
export function createAccountsApi(api: ApiClient) {
  const account = (userId: string, action: string) =>
    `/api/accounts/${encodeURIComponent(userId)}/${action}`;
  return {
    previewLink(token: string, signal?: AbortSignal): Promise<PasswordLinkPreview> {
      const query = new URLSearchParams({ token }).toString();
      return api.get(
        `/api/auth/password-links/preview?${query}`,
        PasswordLinkPreviewSchema,
        signal,
      );
    },
    /** Uses an invitation or reset link: the password is set and the person signed in. */
    setPassword(token: string, password: string): Promise<SignInAnswer> {
      return api.write("POST", "/api/auth/set-password", { token, password }, SignInAnswerSchema);
    },
    /** The answer is the same whether or not the email has an account. */
    /** `locale`: the page's language, so the email speaks it when the account has none of its own. */
    async forgotPassword(email: string, locale?: Locale): Promise<string> {
      const body = locale === undefined ? { email } : { email, locale };
      return (
        await api.write("POST", "/api/auth/forgot-password", body, ForgotPasswordAnswerSchema)
      ).message;
    },
    changePassword(input: ChangePasswordInput): Promise<void> {
      return api.writeNoContent("POST", "/api/auth/change-password", input);
    },
    async mySignIns(signal?: AbortSignal): Promise<SignInSummary[]> {
      return (await api.get("/api/auth/sessions", SignInListSchema, signal)).sessions;
    },
    endMySignIn(signInId: string): Promise<void> {
      return api.writeNoContent("POST", `/api/auth/sessions/${encodeURIComponent(signInId)}/end`);
    },
    /** An admin signs a person out everywhere. */
    endAllSignIns(userId: string): Promise<EndedSignIns> {
      return api.write("POST", account(userId, "end-sessions"), {}, EndedSignInsSchema);
    },
    deactivate(userId: string): Promise<AccountState> {
      return api.write("POST", account(userId, "deactivate"), {}, AccountStateSchema);
    },
    reactivate(userId: string): Promise<AccountState> {
      return api.write("POST", account(userId, "reactivate"), {}, AccountStateSchema);
    },
    resendInvitation(userId: string): Promise<AccountState> {
      return api.write("POST", account(userId, "invitation"), {}, AccountStateSchema);
    },
  };
}

export type AccountsApi = ReturnType<typeof createAccountsApi>;
