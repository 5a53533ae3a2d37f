import { RESYNC_MARGIN_MS } from "@bridgeway/domain";
import { useQueryClient } from "@tanstack/react-query";
import { Component, useEffect, useSyncExternalStore, type ReactNode } from "react";
import { Link } from "react-router";
import { useSignedIn } from "../sign-in/auth-context";
import { HiddenContext } from "../shell/hidden-context";
import { useRealtime } from "../chat/use-realtime";
import { alertNotices } from "./alert-notices";
import { alertSummary } from "./alert-text";
import { alertsKey, useAlertsApi } from "./use-alerts";
import "./alerts.css";

/** Notices shown at once; more open alerts are counted and listed on the Alerts page. */
const MAX_SHOWN = 3;

/**
 * For clinicians: listens on the shared socket for crisis alerts and shows each at once, on
 * whatever page they are on, until they hide it or it is acknowledged. No sound: the notice is
 * announced assertively to screen readers and stays on screen.
 */
function AlertListenerInner() {
  const { user } = useSignedIn();
  const { transport } = useRealtime();
  const queryClient = useQueryClient();
  const alertsApi = useAlertsApi();

  useEffect(
    () =>
      transport.on("alert:crisis", (alert) => {
        alertNotices.receive(user.id, alert);
        void queryClient.invalidateQueries({ queryKey: alertsKey(user.id) });
      }),
    [transport, user.id, queryClient],
  );
  useEffect(
    () =>
      transport.on("realtime:resync", ({ since }) => {
        // An alert raised through another server process while it could not reach Redis never
        // came live: ask for the open ones and show those raised since the interruption began.
        void queryClient.invalidateQueries({ queryKey: alertsKey(user.id) });
        const from = Date.parse(since) - RESYNC_MARGIN_MS;
        alertsApi.list("open").then(
          (open) => {
            for (const alert of open)
              if (Date.parse(alert.createdAt) >= from) alertNotices.receive(user.id, alert);
          },
          () => undefined, // the Alerts page still lists them; its own errors say what to do
        );
      }),
    [transport, user.id, queryClient, alertsApi],
  );
  useEffect(() => () => alertNotices.clear(), []);

  const notices = useSyncExternalStore(alertNotices.subscribe, () => alertNotices.forUser(user.id));
  if (notices.length === 0) return null;
  const shown = notices.slice(0, MAX_SHOWN);
  const more = notices.length - shown.length;
  return (
    <section className="crisis-alerts" aria-label="Crisis alert notices">
      <ul className="crisis-alerts__list">
        {shown.map((alert) => (
          <li key={alert.id} className="crisis-alert">
            <p className="crisis-alert__text" role="alert">
              {alertSummary(alert)}
            </p>
            <div className="crisis-alert__actions">
              <Link className="crisis-alert__link" to="/alerts">
                Go to alerts
              </Link>
              <button
                type="button"
                className="crisis-alert__hide"
                onClick={() => alertNotices.remove(alert.id)}
              >
                Hide notice
                <HiddenContext>{`about ${alert.participant.displayName}`}</HiddenContext>
              </button>
            </div>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="crisis-alerts__more">
          {more === 1 ? "1 more alert" : `${more} more alerts`} on the{" "}
          <Link to="/alerts">Alerts page</Link>.
        </p>
      )}
    </section>
  );
}

/** A failure here must never take the page down with it: the Alerts page still lists alerts. */
class QuietBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

export function AlertListener() {
  return (
    <QuietBoundary>
      <AlertListenerInner />
    </QuietBoundary>
  );
}
