import { createContext, useContext } from "react";
import type { AuthStatus } from "../api/auth-api";

/** Who is signed in, once the API has said; provided by `<AuthGate>`. */
export const AuthStatusContext = createContext<AuthStatus | null>(null);

export function useAuthStatus(): AuthStatus {
  const status = useContext(AuthStatusContext);
  if (!status) throw new Error("useAuthStatus must be used inside <AuthGate>");
  return status;
}

/** Who is signed in, or null while the app is still asking (parts shown before and after). */
export function useAuthStatusIfKnown(): AuthStatus | null {
  return useContext(AuthStatusContext);
}
