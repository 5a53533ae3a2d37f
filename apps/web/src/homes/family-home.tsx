import { relationshipLabel } from "@bridgeway/domain";
import { useId } from "react";
import { useSignedIn } from "../session/auth-context";
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

export function FamilyHome() {
  const { user } = useSignedIn();
  const query = useRoleHome("FAMILY");
  const headingId = useId();
  return (
    <>
      <PageHeading>{`Welcome, ${user.firstName}`}</PageHeading>
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
                  {home.supporting.map((s, index) => (
                    <li key={`${s.participantFirstName}-${index}`}>
                      You are supporting <strong>{s.participantFirstName}</strong> (
                      {relationshipLabel(s.relationship)})
                    </li>
                  ))}
                </ul>
                <p>{invitationNote(home.supporting.map((s) => s.participantFirstName))}</p>
              </div>
            )
          }
        </QueryView>
      </section>
    </>
  );
}
