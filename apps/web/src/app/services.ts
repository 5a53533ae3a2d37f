import { QueryClient } from "@tanstack/react-query";
import { ApiError, createApiClient, type ApiClient } from "../api/api-client";
import { createAuthApi, type AuthApi } from "../api/auth-api";
import { createCalendarFeedApi, type CalendarFeedApi } from "../api/calendar-feed-api";
import { createCohortsApi, type CohortsApi } from "../api/cohorts-api";
import { createFamiliesApi, type FamiliesApi } from "../api/families-api";
import { createHomeApi, type HomeApi } from "../api/home-api";
import { createMfaApi, type MfaApi } from "../api/mfa-api";
import { createPeopleApi, type PeopleApi } from "../api/people-api";
import { createSessionsApi, type SessionsApi } from "../api/sessions-api";
import { createSignInController, type SignInController } from "../sign-in/sign-in-controller";
import { createSignInSync, type SignInSync } from "../sign-in/sign-in-sync";
import { createReauthPrompt, type ReauthPrompt } from "../sign-in/reauth-prompt";

/** Everything the app talks to, created once at start (and once per test). */
export type AppServices = {
  queryClient: QueryClient;
  api: ApiClient;
  authApi: AuthApi;
  homeApi: HomeApi;
  cohortsApi: CohortsApi;
  peopleApi: PeopleApi;
  sessionsApi: SessionsApi;
  calendarFeedApi: CalendarFeedApi;
  familiesApi: FamiliesApi;
  mfaApi: MfaApi;
  /** "Confirm it is you" before sensitive actions; the dialog answers it. */
  reauthPrompt: ReauthPrompt;
  signIn: SignInController;
  dispose(): void;
};

/** Errors the person or the server must fix are not retried; connection problems are, twice. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

export function createAppServices(
  options: { sync?: SignInSync; retry?: boolean } = {},
): AppServices {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        retry: options.retry === false ? false : shouldRetry,
        staleTime: 60_000,
      },
      mutations: { retry: false },
    },
  });
  // The API client and the session controller need each other; the client asks through these.
  const hooks: { signIn?: SignInController } = {};
  const reauthPrompt = createReauthPrompt();
  const api = createApiClient({
    onReauthenticationRequired: () => reauthPrompt.ask(),
    getCsrfToken: () => hooks.signIn?.csrfToken(),
    onSuccess: (info) => hooks.signIn?.handleSuccess(info),
    onSignInEnded: () => hooks.signIn?.handleSignInEnded(),
  });
  const authApi = createAuthApi(api);
  const signIn = createSignInController({
    queryClient,
    authApi,
    sync: options.sync ?? createSignInSync(),
  });
  hooks.signIn = signIn;
  return {
    queryClient,
    api,
    authApi,
    homeApi: createHomeApi(api),
    cohortsApi: createCohortsApi(api),
    peopleApi: createPeopleApi(api),
    sessionsApi: createSessionsApi(api),
    calendarFeedApi: createCalendarFeedApi(api),
    familiesApi: createFamiliesApi(api),
    mfaApi: createMfaApi(api),
    reauthPrompt,
    signIn,
    dispose() {
      signIn.dispose();
      queryClient.clear();
    },
  };
}
