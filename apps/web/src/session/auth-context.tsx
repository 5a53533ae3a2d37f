import type { AuthState } from "@bridgeway/domain";
import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, type ReactNode } from "react";
import type { AuthStatus } from "../api/auth-api";
import { useServices } from "../app/services-context";
import { ErrorState, LoadingState } from "../shell/status-states";
import { PublicLayout } from "../shell/public-layout";
import { AUTH_QUERY_KEY } from "./session-controller";

const AuthStatusContext = createContext<AuthStatus | null>(null);
const SignedInContext = createContext<AuthState | null>(null);

/** Asks the API who is signed in once, and holds the page until it knows. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { authApi } = useServices();
  const query = useQuery({
    queryKey: AUTH_QUERY_KEY,
    queryFn: ({ signal }) => authApi.me(signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  if (query.data) {
    return <AuthStatusContext value={query.data}>{children}</AuthStatusContext>;
  }
  if (query.isError) {
    return (
      <PublicLayout>
        <ErrorState
          headingLevel={1}
          title="Bridgeway could not start"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </PublicLayout>
    );
  }
  return (
    <PublicLayout>
      <LoadingState label="Loading Bridgeway…" />
    </PublicLayout>
  );
}

export function useAuthStatus(): AuthStatus {
  const status = useContext(AuthStatusContext);
  if (!status) throw new Error("useAuthStatus must be used inside <AuthGate>");
  return status;
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
