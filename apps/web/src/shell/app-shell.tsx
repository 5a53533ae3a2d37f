import { roleLabel } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { describeError } from "../api/api-client";
import { useServices } from "../app/services-context";
import { useSignedIn } from "../session/auth-context";
import { IdleWarningDialog } from "../session/idle-warning-dialog";
import { CrisisBar } from "./crisis-bar";
import { navCurrent, navItemsFor } from "./nav-items";
import { SiteFooter } from "./site-footer";

/** The frame of every signed-in page: who and where you are, navigation, and sign-out. */
export function AppShell({ children }: { children: ReactNode }) {
  const { user } = useSignedIn();
  const { session } = useServices();
  const { pathname } = useLocation();
  // Going to /sign-in happens by itself: the route guard sees the signed-out state.
  const signOut = useMutation({ mutationFn: () => session.signOut() });

  return (
    <div className="layout">
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      {user.role === "PARTICIPANT" && <CrisisBar />}
      <header className="site-header">
        <div className="site-header__inner">
          <p className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{user.organizationName}</span>
          </p>
          <div className="account">
            <p className="account__who">
              <span className="account__name">{user.displayName}</span>
              <span className="account__role">{roleLabel(user.role)}</span>
            </p>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
            >
              {signOut.isPending ? "Signing out…" : "Sign out"}
            </button>
          </div>
        </div>
        <nav className="main-nav" aria-label="Main">
          <ul className="main-nav__list">
            {navItemsFor(user.role).map((item) => (
              <li key={item.to}>
                <Link
                  className="main-nav__link"
                  to={item.to}
                  aria-current={navCurrent(pathname, item)}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {signOut.isError && (
        <div className="banner banner--error" role="alert">
          <p>
            Signing out did not finish, so you are still signed in. {describeError(signOut.error)}
          </p>
        </div>
      )}
      <main id="main-content" className="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
      <IdleWarningDialog timeZone={user.timeZone} showCrisisLine={user.role === "PARTICIPANT"} />
    </div>
  );
}
