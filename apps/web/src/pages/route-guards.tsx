import { homePathForRole, type Role } from "@bridgeway/domain";
import type { ReactNode } from "react";
import { Navigate, Outlet } from "react-router";
import { SignedInProvider, useAuthStatus, useSignedIn } from "../sign-in/auth-context";
import { ReauthDialog } from "../sign-in/reauth-dialog";
import { AppShell } from "../shell/app-shell";

/** Signed-in pages: inside the shell, or off to sign in. */
export function SignedInLayout() {
  const status = useAuthStatus();
  if (status.status !== "signed-in") return <Navigate to="/sign-in" replace />;
  return (
    <SignedInProvider auth={status.auth}>
      <AppShell>
        <Outlet />
      </AppShell>
      <ReauthDialog />
    </SignedInProvider>
  );
}

/** A page for one role, or for a few; anyone else is taken to their own home. */
export function RequireRole({
  role,
  children,
}: {
  role: Role | readonly Role[];
  children: ReactNode;
}) {
  const { user } = useSignedIn();
  const allowed = typeof role === "string" ? [role] : role;
  if (!allowed.includes(user.role)) return <Navigate to={homePathForRole(user.role)} replace />;
  return children;
}

/** `/`: your home when signed in, sign-in otherwise. */
export function RootRedirect() {
  const status = useAuthStatus();
  const to = status.status === "signed-in" ? homePathForRole(status.auth.user.role) : "/sign-in";
  return <Navigate to={to} replace />;
}
