import type { SessionSummary } from "@bridgeway/domain";
import { useId, useState } from "react";
import { phaseLabel } from "../format/format";
import { QueryView } from "../homes/query-view";
import { sessionContext } from "./session-card";
import { useSessionRoster } from "./use-sessions";
import { HiddenContext } from "../shell/hidden-context";

/** Who is expected at a session (staff only), with each participant's phase. */
export function SessionRoster({ sessionId }: { sessionId: string }) {
  const query = useSessionRoster(sessionId);
  return (
    <QueryView
      query={query}
      loadingLabel="Loading the roster…"
      errorTitle="We couldn't load the roster"
    >
      {(people) =>
        people.length === 0 ? (
          <p className="muted">No one is expected at this session.</p>
        ) : (
          <ul className="roster">
            {people.map((person) => (
              <li key={person.id} className="roster__item">
                <span className="roster__name">{person.displayName}</span>
                {person.phase !== null && (
                  <span className="muted"> · {phaseLabel(person.phase)}</span>
                )}
              </li>
            ))}
          </ul>
        )
      }
    </QueryView>
  );
}

/** "Show roster": the roster of one session in a list, loaded when first opened. */
export function RosterToggle({
  session,
  viewerZone,
}: {
  session: SessionSummary;
  viewerZone: string;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <button
        type="button"
        className="button button--quiet"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {open ? "Hide roster" : "Show roster"}
        <HiddenContext>{`for ${sessionContext(session, viewerZone)}`}</HiddenContext>
      </button>
      <div id={panelId} className="session-card__panel" hidden={!open}>
        {open && <SessionRoster sessionId={session.id} />}
      </div>
    </>
  );
}
