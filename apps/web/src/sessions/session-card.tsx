import { isoDateInZone, type SessionSummary } from "@bridgeway/domain";
import { useId, type ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { i18n } from "../i18n/i18n";
import { formatTimeZone } from "../format/format";
import {
  formatClock,
  formatDayHeading,
  formatShortDay,
  formatTimeRange,
} from "../format/session-time";
import { ClinicianName } from "../homes/clinician-name";
import { groupSessionsByDay } from "./group-by-day";

type HeadingLevel = 3 | 4;

/** "Dana Whitfield, LCSW", or the name alone when no credential is on file. */
export function LeadName({ lead }: { lead: NonNullable<SessionSummary["lead"]> }) {
  return lead.credential ? (
    <ClinicianName displayName={lead.displayName} credential={lead.credential} />
  ) : (
    <span translate="no">{lead.displayName}</span>
  );
}

/** "Group therapy at 6:00 PM on Monday, November 23": a session named for a control on it. */
export function sessionContext(session: SessionSummary, viewerZone: string): string {
  const day = formatDayHeading(isoDateInZone(new Date(session.startsAt), viewerZone));
  return i18n.t("kindAtOn", {
    ns: "sessions",
    kind: i18n.t(`kinds.${session.kind}`, { ns: "sessions" }),
    time: formatClock(session.startsAt, viewerZone),
    day,
  });
}

/**
 * The time of a session in the viewer's zone and, when it differs, in the session's own (with
 * the day too when that is another day there).
 */
export function SessionTimes({
  session,
  viewerZone,
}: {
  session: SessionSummary;
  viewerZone: string;
}) {
  const { t } = useTranslation("sessions");
  const start = new Date(session.startsAt);
  const otherDay = isoDateInZone(start, session.timeZone) !== isoDateInZone(start, viewerZone);
  return (
    <>
      <p className="session-card__time">
        {formatTimeRange(session.startsAt, session.endsAt, viewerZone)}
      </p>
      {session.timeZone !== viewerZone && (
        <p className="session-card__alt-time">
          {t("inZone", { zone: formatTimeZone(session.timeZone) })}{" "}
          {otherDay && `${formatShortDay(isoDateInZone(start, session.timeZone))}, `}
          {formatTimeRange(session.startsAt, session.endsAt, session.timeZone)}
        </p>
      )}
    </>
  );
}

/** One session: when, what, which group, who leads it, whether it was cancelled and why. */
export function SessionCard({
  session,
  viewerZone,
  headingLevel = 3,
  showParticipant = false,
  showCohort = true,
  children,
}: {
  session: SessionSummary;
  viewerZone: string;
  headingLevel?: HeadingLevel;
  /** Staff see whose one-to-one or family session it is. */
  showParticipant?: boolean;
  /** Family members see the session, not the participant's group. */
  showCohort?: boolean;
  /** Actions: a join button, a link to the session, staff controls. */
  children?: ReactNode;
}) {
  const { t } = useTranslation("sessions");
  const titleId = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const cancelled = session.status === "CANCELLED";
  return (
    <article
      className={cancelled ? "session-card session-card--cancelled" : "session-card"}
      aria-labelledby={titleId}
    >
      <div className="session-card__body">
        <SessionTimes session={session} viewerZone={viewerZone} />
        <Heading id={titleId} className="session-card__title">
          {t(`kinds.${session.kind}`)}
          {cancelled && <span className="badge badge--danger">{t("cancelled")}</span>}
          {!cancelled && session.rescheduled && (
            <span className="badge badge--info">{t("rescheduled")}</span>
          )}
        </Heading>
        <ul className="plain-list session-card__facts">
          {showCohort && session.cohort && <li translate="no">{session.cohort.name}</li>}
          {showParticipant && session.participant && (
            <li>{t("with", { name: session.participant.displayName })}</li>
          )}
          {session.lead && (
            <li>
              <Trans
                t={t}
                i18nKey="ledBy"
                components={{ lead: <LeadName lead={session.lead} /> }}
              />
            </li>
          )}
        </ul>
        {cancelled && (
          <p className="session-card__reason">
            {session.cancelReason ? t("reason", { reason: session.cancelReason }) : t("noReason")}
          </p>
        )}
      </div>
      {children !== undefined && <div className="session-card__actions">{children}</div>}
    </article>
  );
}

/** Sessions under one heading per day ("Monday, November 23"), days in the viewer's zone. */
export function SessionDays({
  sessions,
  viewerZone,
  renderCard,
}: {
  sessions: readonly SessionSummary[];
  viewerZone: string;
  renderCard: (session: SessionSummary) => ReactNode;
}) {
  return (
    <div className="day-list">
      {groupSessionsByDay(sessions, viewerZone).map((day) => (
        <DaySection key={day.date} date={day.date}>
          <ul className="card-list">
            {day.sessions.map((session) => (
              <li key={session.id}>{renderCard(session)}</li>
            ))}
          </ul>
        </DaySection>
      ))}
    </div>
  );
}

function DaySection({ date, children }: { date: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="day" aria-labelledby={headingId}>
      <h3 id={headingId} className="day__heading">
        {formatDayHeading(date)}
      </h3>
      {children}
    </section>
  );
}
