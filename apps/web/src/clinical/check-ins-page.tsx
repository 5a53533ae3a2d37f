import {
  INSTRUMENT_DEFINITIONS,
  type AssessmentAssignmentDto,
  type AssessmentHistory,
} from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryView } from "../homes/query-view";
import { useFormat, type FormatHelpers } from "../i18n/use-format";
import { useSignedIn } from "../sign-in/auth-context";
import { useNow } from "../sessions/use-now";
import { HiddenContext } from "../shell/hidden-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { TableScroll } from "../shell/table-scroll";
import { todayIn } from "../time/zoned-time";
import { HelpNow, LiveCrisisSupport } from "./help-now";
import { bandName, instrumentName, instrumentText, scoreOutOf } from "./severity";
import { useAssessments } from "./use-clinical";
import "./clinical.css";

/** Results shown under "Your recent check-ins". */
const RECENT_RESULTS = 6;

function dueText(
  dueOn: string,
  today: string,
  t: TFunction<"checkIns">,
  format: FormatHelpers,
): string {
  if (dueOn === today) return t("list.dueToday");
  if (dueOn < today) return t("list.waitingSince", { date: format.calendarDate(dueOn) });
  return t("list.nextOn", { date: format.calendarDate(dueOn) });
}

function DueCard({ item, today }: { item: AssessmentAssignmentDto; today: string }) {
  const { t } = useTranslation("checkIns");
  const format = useFormat();
  const headingId = useId();
  const definition = INSTRUMENT_DEFINITIONS[item.instrument];
  return (
    <li>
      <article className="card check-in-card" aria-labelledby={headingId}>
        <p className="card__eyebrow" translate="no">
          {definition.name}
        </p>
        <h3 id={headingId} className="card__title">
          {instrumentText(item.instrument, t).title}
        </h3>
        <p>
          {t("list.length", {
            due: dueText(item.dueOn, today, t, format),
            questions: t("list.questions", { count: definition.items.length }),
          })}
        </p>
        <Link
          className="button button--block check-in-card__start"
          to={`/participant/check-ins/${item.id}`}
        >
          {t("list.start")}
          <HiddenContext>{t("list.startContext", { name: definition.name })}</HiddenContext>
        </Link>
      </article>
    </li>
  );
}

function DueList({ history, today }: { history: AssessmentHistory; today: string }) {
  const { t } = useTranslation("checkIns");
  const format = useFormat();
  const headingId = useId();
  const now = history.due.filter((d) => d.dueOn <= today);
  const later = history.due.filter((d) => d.dueOn > today);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t("list.waitingTitle")}
      </h2>
      {now.length === 0 ? (
        <EmptyState title={t("list.nothingNow")}>
          <p>
            {later.length > 0
              ? t("list.nextCheckIn", { date: format.calendarDate(later[0]?.dueOn ?? "") })
              : t("list.whenAsked")}{" "}
            <Link to="/participant">{t("list.goToMyWeek")}</Link>
          </p>
        </EmptyState>
      ) : (
        <ul className="card-list">
          {now.map((item) => (
            <DueCard key={item.id} item={item} today={today} />
          ))}
        </ul>
      )}
      {now.length > 0 && later.length > 0 && (
        <p className="muted section-after">
          {t("list.comingUp", {
            list: later
              .map((d) =>
                t("list.comingUpItem", {
                  name: instrumentName(d.instrument),
                  date: format.calendarDate(d.dueOn),
                }),
              )
              .join(", "),
          })}
        </p>
      )}
    </section>
  );
}

function RecentResults({ history, timeZone }: { history: AssessmentHistory; timeZone: string }) {
  const { t } = useTranslation("checkIns");
  const format = useFormat();
  const headingId = useId();
  const captionId = useId();
  const recent = [...history.results].reverse().slice(0, RECENT_RESULTS);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t("list.recentTitle")}
      </h2>
      {recent.length === 0 ? (
        <EmptyState title={t("list.noneYet")}>
          <p>{t("list.noneYetText")}</p>
        </EmptyState>
      ) : (
        <TableScroll labelledBy={captionId}>
          <table className="table">
            <caption id={captionId}>{t("list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("list.when")}</th>
                <th scope="col">{t("list.checkIn")}</th>
                <th scope="col">{t("list.score")}</th>
                <th scope="col">{t("list.band")}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <time dateTime={r.completedAt}>{format.moment(r.completedAt, timeZone)}</time>
                  </th>
                  <td translate="no">{instrumentName(r.instrument)}</td>
                  <td>{scoreOutOf(r.instrument, r.total, t)}</td>
                  <td>{bandName(r.severity, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** `/participant/check-ins`: the questionnaires waiting for the participant, and recent scores. */
export function CheckInsPage() {
  const { t } = useTranslation("checkIns");
  const { user } = useSignedIn();
  const history = useAssessments(user.id);
  const now = useNow();
  const today = todayIn(user.timeZone, now);
  return (
    <>
      <PageHeading>{t("list.title")}</PageHeading>
      <p className="section-note page-intro">{t("list.intro")}</p>
      <LiveCrisisSupport />
      <QueryView query={history} loadingLabel={t("list.loading")} errorTitle={t("list.loadError")}>
        {(data) => (
          <div className="stack">
            <DueList history={data} today={today} />
            <RecentResults history={data} timeZone={user.timeZone} />
            <HelpNow />
          </div>
        )}
      </QueryView>
    </>
  );
}
