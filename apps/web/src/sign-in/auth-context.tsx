import type { AuthState } from "@bridgeway/domain";
import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../app/services-context";
import { useApplyLocale } from "../i18n/use-locale";
import { ErrorState, LoadingState } from "../shell/status-states";
import { PublicLayout } from "../shell/public-layout";
import { AuthStatusContext } from "./auth-status-context";
import { AUTH_QUERY_KEY } from "./sign-in-controller";

export { useAuthStatus } from "./auth-status-context";

const SignedInContext = createContext<AuthState | null>(null);

/** Asks the API who is signed in once, and holds the page until it knows. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation("shell");
  const { authApi } = useServices();
  const query = useQuery({
    queryKey: AUTH_QUERY_KEY,
    queryFn: ({ signal }) => authApi.me(signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  useApplyLocale(query.data);
  if (query.data) {
    return <AuthStatusContext value={query.data}>{children}</AuthStatusContext>;
  }
  if (query.isError) {
    return (
      <PublicLayout>
        <ErrorState
          headingLevel={1}
          title={t("appFailed")}
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </PublicLayout>
    );
  }
  return (
    <PublicLayout>
      <LoadingState label={t("loadingApp")} />
    </PublicLayout>
  );
}

export function SignedInProvider({ auth, children }: { auth: AuthState; children: ReactNode }) {
  return <SignedInContext value={auth}>{children}</SignedInContext>;
}

/** The signed-in person's AuthState; only for pages behind the sign-in guard. */
export function useSignedIn(): AuthState {
  const auth = useContext(SignedInContext);
  if (!auth) throw new Error("useSignedIn must be used on a signed-in page");
  return auth;
}
