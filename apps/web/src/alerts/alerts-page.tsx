import type { CrisisAlertDto } from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { Link } from "react-router";
import { ApiError, describeError } from "../api/api-client";
import { formatMoment } from "../format/session-time";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { HiddenContext } from "../shell/hidden-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { alertNotices } from "./alert-notices";
import { alertConcerns, alertSourcePath } from "./alert-text";
import { alertsKey, useAlerts, useAlertsApi } from "./use-alerts";
import "./alerts.css";

const ALREADY_ACKNOWLEDGED =
  "Someone else already acknowledged this alert. The list has been refreshed.";

function AcknowledgeForm({
  alert,
  onDone,
}: {
  alert: CrisisAlertDto;
  onDone: (message: string) => void;
}) {
  const alertsApi = useAlertsApi();
  const queryClient = useQueryClient();
  const { user } = useSignedIn();
  const [note, setNote] = useState("");
  const noteId = useId();
  const errorId = useId();
  const acknowledge = useMutation({
    mutationFn: () => alertsApi.acknowledge(alert.id, note),
    onSuccess: () => {
      alertNotices.remove(alert.id);
      onDone(`Alert for ${alert.participant.displayName} acknowledged.`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        alertNotices.remove(alert.id);
        onDone(ALREADY_ACKNOWLEDGED);
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertsKey(user.id) }),
  });
  const failed =
    acknowledge.isError &&
    !(acknowledge.error instanceof ApiError && acknowledge.error.status === 409);

  return (
    <form
      className="alert-card__form"
      noValidate
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        acknowledge.mutate();
      }}
    >
      <label className="field__label" htmlFor={noteId}>
        Note (optional)
        <HiddenContext>{`for the alert about ${alert.participant.displayName}`}</HiddenContext>
      </label>
      <textarea
        id={noteId}
        className="field__input"
        rows={2}
        value={note}
        maxLength={1000}
        aria-describedby={failed ? errorId : undefined}
        onChange={(event) => setNote(event.target.value)}
      />
      {failed && (
        <p id={errorId} className="field__error" role="alert">
          {describeError(acknowledge.error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={acknowledge.isPending}>
          {acknowledge.isPending ? "Acknowledging…" : "Acknowledge"}
          {!acknowledge.isPending && (
            <HiddenContext>{`the alert about ${alert.participant.displayName}`}</HiddenContext>
          )}
        </button>
      </div>
    </form>
  );
}

function AlertCard({
  alert,
  timeZone,
  onDone,
}: {
  alert: CrisisAlertDto;
  timeZone: string;
  onDone: (message: string) => void;
}) {
  const headingId = useId();
  const path = alertSourcePath(alert.where);
  const open = alert.acknowledged === null;
  return (
    <li>
      <article
        className={open ? "card alert-card alert-card--open" : "card alert-card"}
        aria-labelledby={headingId}
      >
        <h2 id={headingId} className="card__title">
          {alert.participant.displayName}
          {open ? (
            <span className="badge badge--danger">Open</span>
          ) : (
            <span className="badge badge--ok">Acknowledged</span>
          )}
        </h2>
        <dl className="facts">
          <div className="facts__item">
            <dt>Concern</dt>
            <dd>{alertConcerns(alert)}</dd>
          </div>
          <div className="facts__item">
            <dt>Where</dt>
            <dd>{path ? <Link to={path}>{alert.where.label}</Link> : alert.where.label}</dd>
          </div>
          <div className="facts__item">
            <dt>Raised</dt>
            <dd>
              <time dateTime={alert.createdAt}>{formatMoment(alert.createdAt, timeZone)}</time>
            </dd>
          </div>
          {alert.acknowledged && (
            <>
              <div className="facts__item">
                <dt>Acknowledged</dt>
                <dd>
                  By {alert.acknowledged.by},{" "}
                  <time dateTime={alert.acknowledged.at}>
                    {formatMoment(alert.acknowledged.at, timeZone)}
                  </time>
                </dd>
              </div>
              {alert.acknowledged.note && (
                <div className="facts__item">
                  <dt>Note</dt>
                  <dd className="alert-card__note">{alert.acknowledged.note}</dd>
                </div>
              )}
            </>
          )}
        </dl>
        {open && <AcknowledgeForm alert={alert} onDone={onDone} />}
      </article>
    </li>
  );
}

/** `/alerts`: the care team's crisis alerts, open first, to acknowledge once seen to. */
export function AlertsPage() {
  const { user } = useSignedIn();
  const [showAll, setShowAll] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const alerts = useAlerts(showAll ? "all" : "open");
  const toggleId = useId();
  return (
    <>
      <PageHeading>Crisis alerts</PageHeading>
      <p className="section-note alerts-intro">
        An alert is raised when a participant writes crisis language in chat or the forums. It says
        where, never what was written: open the conversation to read it.
      </p>
      <div className="alerts-toolbar">
        <label className="choice" htmlFor={toggleId}>
          <input
            id={toggleId}
            type="checkbox"
            className="choice__input"
            checked={showAll}
            onChange={(event) => setShowAll(event.target.checked)}
          />
          <span>Show acknowledged</span>
        </label>
      </div>
      <div className="status-slot" role="status">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <QueryView
        query={alerts}
        loadingLabel="Loading alerts…"
        errorTitle="We couldn't load the alerts"
      >
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={showAll ? "No alerts yet." : "No open alerts."}>
              <p>New crisis alerts appear here and at the top of every page as they happen.</p>
            </EmptyState>
          ) : (
            <ul className="card-list">
              {list.map((alert) => (
                <AlertCard
                  key={alert.id}
                  alert={alert}
                  timeZone={user.timeZone}
                  onDone={setNotice}
                />
              ))}
            </ul>
          )
        }
      </QueryView>
    </>
  );
}
