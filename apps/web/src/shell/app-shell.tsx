import { useMutation } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { OpenAlertCount } from "../alerts/open-alert-count";
import { describeError } from "../api/api-client";
import { useServices } from "../app/services-context";
import { createPushApi } from "../push/push-api";
import { forgetThisDevice } from "../push/push-device";
import { useSignedIn } from "../sign-in/auth-context";
import { IdleWarningDialog } from "../sign-in/idle-warning-dialog";
import { CrisisBar } from "./crisis-bar";
import { ACCOUNT_PATH, ALERTS_PATH, navCurrent, navItemsFor } from "./nav-items";
import { SiteFooter } from "./site-footer";

/** A lazily loaded part of the shell that shows nothing if its code cannot be fetched. */
function optional(load: () => Promise<ComponentType>) {
  const nothing: ComponentType = () => null;
  return lazy(async () => ({ default: await load().catch(() => nothing) }));
}

// Clinicians' crisis alerts: the socket listener loads apart from the first load, so socket.io
// never weighs on it.
const AlertListener = optional(() =>
  import("../alerts/alert-listener").then((m) => m.AlertListener),
);

/** True a moment after the page first drew (when the browser is idle), so the home comes first. */
function useAfterFirstPaint(enabled: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    if (typeof requestIdleCallback === "function") {
      const id = requestIdleCallback(() => setReady(true), { timeout: 2_000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(() => setReady(true), 200);
    return () => clearTimeout(timer);
  }, [enabled]);
  return enabled && ready;
}

/** The frame of every signed-in page: who and where you are, navigation, and sign-out. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation("shell");
  const { user } = useSignedIn();
  const { signIn, api } = useServices();
  const { pathname } = useLocation();
  // Going to /sign-in happens by itself: the route guard sees the signed-out state.
  const signOut = useMutation({
    mutationFn: async () => {
      await forgetThisDevice((endpoint) => createPushApi(api).unsubscribe(endpoint));
      await signIn.signOut();
    },
  });
  // Crisis alerts are clinical: clinicians hear them, clinic admins do not.
  const listenForAlerts = useAfterFirstPaint(user.role === "FACILITATOR");

  return (
    <div className="layout">
      <a className="skip-link" href="#main-content">
        {t("skipToContent")}
      </a>
      {user.role === "PARTICIPANT" && <CrisisBar />}
      <header className="site-header">
        <div className="site-header__inner">
          <p className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name" translate="no">
              {user.organizationName}
            </span>
          </p>
          <div className="account">
            <p className="account__who">
              <span className="account__name" translate="no">
                {user.displayName}
              </span>
              <span className="account__role">{t(`roles.${user.role}`)}</span>
            </p>
            {/* Password, signed-in devices: every role's own account page. */}
            <Link
              className="button button--quiet"
              to={ACCOUNT_PATH}
              aria-current={pathname === ACCOUNT_PATH ? "page" : undefined}
            >
              {t("yourAccount")}
            </Link>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
            >
              {signOut.isPending ? t("signingOut") : t("signOut")}
            </button>
          </div>
        </div>
        <nav className="main-nav" aria-label={t("mainNav")}>
          <ul className="main-nav__list">
            {navItemsFor(user.role).map((item) => (
              <li key={item.to}>
                <Link
                  className="main-nav__link"
                  to={item.to}
                  aria-current={navCurrent(pathname, item)}
                >
                  {t(`nav.${item.key}`)}
                  {item.to === ALERTS_PATH && <OpenAlertCount />}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {signOut.isError && (
        <div className="banner banner--error" role="alert">
          <p>{t("signOutFailed", { reason: describeError(signOut.error) })}</p>
        </div>
      )}
      {listenForAlerts && (
        <Suspense fallback={null}>
          <AlertListener />
        </Suspense>
      )}
      <main id="main-content" className="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
      <IdleWarningDialog timeZone={user.timeZone} showCrisisLine={user.role === "PARTICIPANT"} />
    </div>
  );
}
