import { useId } from "react";
import { Link } from "react-router";
import type { HomeFor } from "../api/home-api";
import { credentialShort } from "../format/format";
import {
  describeExpiry,
  formatCalendarDate,
  formatSchedule,
  formatTimeZone,
} from "../format/format";
import { useSignedIn } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { TableScroll } from "../shell/table-scroll";
import { QueryView } from "./query-view";
import { useRoleHome } from "./use-role-home";

type AdminHomeData = HomeFor<"ADMIN">;

function Counts({ counts }: { counts: AdminHomeData["counts"] }) {
  const items: [string, number][] = [
    ["Programs", counts.programs],
    ["Cohorts", counts.cohorts],
    ["Facilitators", counts.facilitators],
    ["Participants", counts.participants],
    ["Family members", counts.familyMembers],
  ];
  return (
    <dl className="stats">
      {items.map(([label, value]) => (
        <div key={label} className="stats__item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function LicenseAlerts({ alerts }: { alerts: AdminHomeData["licenseAlerts"] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        License alerts
      </h2>
      {alerts.length === 0 ? (
        <EmptyState title="No facilitator licenses need attention.">
          <p>Licenses that have expired or expire within 60 days will be listed here.</p>
        </EmptyState>
      ) : (
        <ul className="alert-list">
          {alerts.map((alert, index) => {
            const expired = alert.daysUntilExpiry < 0;
            return (
              <li
                key={`${alert.displayName}-${index}`}
                className={`alert-list__item ${expired ? "alert-list__item--danger" : "alert-list__item--warning"}`}
              >
                <span className={`badge ${expired ? "badge--danger" : "badge--warning"}`}>
                  {expired ? "Expired" : "Expiring"}
                </span>{" "}
                <strong>{alert.displayName}</strong>, {credentialShort(alert.credential)} (
                {alert.licenseState}): {describeExpiry(alert.daysUntilExpiry).toLowerCase()},{" "}
                {formatCalendarDate(alert.licenseExpiresOn)}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

type Program = AdminHomeData["programs"][number];

function ProgramCard({ program }: { program: Program }) {
  const headingId = useId();
  const captionId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card__title">
        {program.name}
      </h3>
      {program.cohorts.length === 0 ? (
        <p className="muted">No cohorts in this program yet.</p>
      ) : (
        <TableScroll labelledBy={captionId}>
          <table className="table">
            <caption id={captionId}>Cohorts in {program.name}</caption>
            <thead>
              <tr>
                <th scope="col">Cohort</th>
                <th scope="col">Schedule</th>
                <th scope="col">Time zone</th>
                <th scope="col">Enrolled</th>
              </tr>
            </thead>
            <tbody>
              {program.cohorts.map((cohort) => (
                <tr key={cohort.id}>
                  <th scope="row">
                    <Link to={`/cohorts/${cohort.id}`}>{cohort.name}</Link>
                  </th>
                  <td>{formatSchedule(cohort.schedule)}</td>
                  <td>{formatTimeZone(cohort.timeZone)}</td>
                  <td>
                    {cohort.enrolled} of {cohort.capacity}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function Programs({ programs }: { programs: AdminHomeData["programs"] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId} className="section-title">
          Programs and cohorts
        </h2>
        <Link className="button button--secondary" to="/cohorts/new">
          New cohort
        </Link>
      </div>
      {programs.length === 0 ? (
        <EmptyState title="No programs yet.">
          <p>Programs and their cohorts will be listed here, with schedules and enrollment.</p>
        </EmptyState>
      ) : (
        <div className="stack">
          {programs.map((program) => (
            <ProgramCard key={program.id} program={program} />
          ))}
        </div>
      )}
    </section>
  );
}

export function AdminHome() {
  const { user } = useSignedIn();
  const query = useRoleHome("ADMIN");
  const countsHeadingId = useId();
  return (
    <>
      <PageHeading>{user.organizationName}</PageHeading>
      <QueryView
        query={query}
        loadingLabel="Loading your clinic overview…"
        errorTitle="We couldn't load the clinic overview"
      >
        {(home) => (
          <div className="stack">
            <section aria-labelledby={countsHeadingId}>
              <h2 id={countsHeadingId} className="section-title">
                At a glance
              </h2>
              <Counts counts={home.counts} />
            </section>
            <LicenseAlerts alerts={home.licenseAlerts} />
            <Programs programs={home.programs} />
          </div>
        )}
      </QueryView>
    </>
  );
}
