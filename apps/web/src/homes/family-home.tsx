import { FAMILY_RESOURCES, relationshipLabel } from "@bridgeway/domain";
import { useId } from "react";
import { Link } from "react-router";
import { describeKinds } from "../families/family-view";
import { useSupporting } from "../families/use-families";
import { formatTimeZone } from "../format/format";
import { useSignedIn } from "../session/auth-context";
import { JoinControl } from "../sessions/join-control";
import { SessionCard, SessionDays } from "../sessions/session-card";
import { useNow } from "../sessions/use-now";
import { dayRange, useSessionList } from "../sessions/use-sessions";
import { HiddenContext } from "../shell/hidden-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { QueryView } from "./query-view";
import { useRoleHome } from "./use-role-home";

function invitationNote(names: string[]): string {
  const [only] = names;
  if (names.length === 1 && only !== undefined) {
    return `When ${only}'s care team invites you to a family session, it will appear here. To protect ${only}'s privacy, you see only the sessions you are invited to, and nothing else of their care.`;
  }
  return "Family sessions you are invited to will appear here. To protect the privacy of the people you support, you see only the sessions you are invited to, and nothing else of their care.";
}

/** What the empty session list says: whose care team will invite them. */
export function noFamilySessionsNote(names: readonly string[]): string {
  const base = "No family sessions are scheduled.";
  const [first, ...rest] = names;
  if (first === undefined) return base;
  if (rest.length === 0) return `${base} ${first}'s care team will invite you.`;
  const last = rest[rest.length - 1] ?? "";
  const list = `${[first, ...rest.slice(0, -1)].join(", ")} and ${last}`;
  return `${base} The care teams of ${list} will invite you.`;
}

/** The next 14 days of sessions the family member is invited to, and only those. */
function FamilySessions({ names, viewerZone }: { names: readonly string[]; viewerZone: string }) {
  const headingId = useId();
  const now = useNow();
  const query = useSessionList(dayRange(now, viewerZone, 14));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Your sessions
      </h2>
      <p className="muted section-note">
        The next 14 days. Times are in {formatTimeZone(viewerZone)}.
      </p>
      <QueryView
        query={query}
        loadingLabel="Loading your sessions…"
        errorTitle="We couldn't load your sessions"
      >
        {(sessions) =>
          sessions.length === 0 ? (
            <EmptyState title={noFamilySessionsNote(names)}>
              <p>Sessions you are invited to appear here, with a button to join them.</p>
            </EmptyState>
          ) : (
            <SessionDays
              sessions={sessions}
              viewerZone={viewerZone}
              renderCard={(session) => (
                <SessionCard
                  session={session}
                  viewerZone={viewerZone}
                  headingLevel={4}
                  showCohort={false}
                >
                  <JoinControl session={session} now={now} viewerZone={viewerZone} />
                </SessionCard>
              )}
            />
          )
        }
      </QueryView>
    </section>
  );
}

/** Support for the family member themselves: phone lines a tap away, and groups to look up. */
function FamilyResources() {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Support for you
      </h2>
      <p className="muted section-note">
        Supporting someone in treatment is hard work. These are free and confidential.
      </p>
      <ul className="plain-list stack">
        {FAMILY_RESOURCES.map((resource) => (
          <li key={resource.name} className="card">
            <h3 className="card__title">{resource.name}</h3>
            <p>{resource.what}</p>
            <p className="actions">
              {resource.phone && (
                <a className="button button--secondary" href={resource.phone.tel}>
                  Call {resource.phone.display}
                  <HiddenContext>{`(${resource.name})`}</HiddenContext>
                </a>
              )}
              {resource.text && (
                <a className="button button--secondary" href={resource.text.sms}>
                  Text {resource.text.display}
                  <HiddenContext>{`(${resource.name})`}</HiddenContext>
                </a>
              )}
              {resource.url && (
                <a href={resource.url} target="_blank" rel="noopener noreferrer">
                  {new URL(resource.url).hostname.replace(/^www\./, "")}
                  <HiddenContext>(opens in a new tab)</HiddenContext>
                </a>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FamilyHome() {
  const { user } = useSignedIn();
  const query = useRoleHome("FAMILY");
  // Which sessions each person's consent covers; the home says whom, this says what.
  const consent = useSupporting();
  const headingId = useId();
  return (
    <>
      <PageHeading>{`Welcome, ${user.firstName}`}</PageHeading>
      <div className="stack">
        <section aria-labelledby={headingId}>
          <h2 id={headingId} className="section-title">
            Who you are supporting
          </h2>
          <QueryView query={query} loadingLabel="Loading…" errorTitle="We couldn't load this page">
            {(home) =>
              home.supporting.length === 0 ? (
                <EmptyState title="You are not linked to anyone in the program yet.">
                  <p>
                    When someone in the program invites you through their care team, their name will
                    appear here, with the family sessions you are invited to.
                  </p>
                </EmptyState>
              ) : (
                <div className="card">
                  <ul className="plain-list supporting-list">
                    {home.supporting.map((s, index) => {
                      const kinds = consent.data?.find(
                        (c) => c.participantFirstName === s.participantFirstName,
                      )?.sessionKinds;
                      return (
                        <li key={`${s.participantFirstName}-${index}`}>
                          You are supporting <strong>{s.participantFirstName}</strong> (
                          {relationshipLabel(s.relationship)})
                          {kinds !== undefined && (
                            <span className="cell-note">
                              You may join: {describeKinds(kinds).toLowerCase()}.
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                  <p>{invitationNote(home.supporting.map((s) => s.participantFirstName))}</p>
                  <p>
                    You can also talk with the other families of the group on the{" "}
                    <Link to="/forums">family board</Link>.
                  </p>
                </div>
              )
            }
          </QueryView>
        </section>
        {query.isSuccess && (
          <FamilySessions
            names={query.data.supporting.map((s) => s.participantFirstName)}
            viewerZone={user.timeZone}
          />
        )}
        <FamilyResources />
      </div>
    </>
  );
}
