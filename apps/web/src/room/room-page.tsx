import { homePathForRole, sessionKindInfo } from "@bridgeway/domain";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useParams } from "react-router";
import { useServices } from "../app/services-context";
import { formatSessionWhen } from "../format/session-time";
import { useSignedIn } from "../session/auth-context";
import { useSession } from "../sessions/use-sessions";
import { navItemsFor } from "../shell/nav-items";
import { PageHeading } from "../shell/page-heading";
import { InRoom } from "./in-room";
import { PrejoinScreen } from "./prejoin-screen";
import { RoomParts } from "./room-parts";
import type { RoomPhase } from "./room-controller";
import { defaultDisplayName } from "./room-view";
import { OutcomeScreen, WaitingScreen } from "./waiting-screen";
import "./room.css";

function headingFor(phase: RoomPhase, title: string): string {
  switch (phase.kind) {
    case "prejoin":
    case "joining":
      return "Get ready to join";
    case "waiting":
      return "Waiting room";
    case "in-room":
      return title;
    case "refused":
    case "declined":
    case "removed":
    case "ended":
    case "left":
      return "Video session";
  }
}

/** One visit to a session's room, from the pre-join screen until leaving. */
function RoomVisit({
  sessionId,
  onStartOver,
  createParts,
}: {
  sessionId: string;
  onStartOver: () => void;
  createParts: (sessionId: string, keepAlive: () => void) => RoomParts;
}) {
  const services = useServices();
  const { user } = useSignedIn();
  const session = useSession(sessionId);
  const [parts] = useState(() =>
    createParts(sessionId, () => {
      void services.session.staySignedIn().catch(() => undefined);
    }),
  );
  useEffect(() => {
    parts.start();
    return () => parts.release();
  }, [parts]);
  const state = useSyncExternalStore(parts.controller.subscribe, parts.controller.getState);
  const local = useSyncExternalStore(parts.local.subscribe, parts.local.getState);
  useEffect(() => {
    parts.levels.watch("self", local.microphoneStream);
  }, [parts, local.microphoneStream]);

  const summary = session.data;
  const title =
    state.room?.title ?? (summary ? sessionKindInfo(summary.kind).label : "Video session");
  const when = summary ? formatSessionWhen(summary.startsAt, summary.endsAt, user.timeZone) : null;
  const homePath = homePathForRole(user.role);
  const homeLabel = navItemsFor(user.role)[0]?.label ?? "home";
  const phase = state.phase;

  let body;
  switch (phase.kind) {
    case "prejoin":
    case "joining":
      body = (
        <PrejoinScreen
          title={summary?.cohort ? `${title} · ${summary.cohort.name}` : title}
          when={when}
          local={local}
          media={parts.local}
          levels={parts.levels}
          defaultName={defaultDisplayName(user)}
          joining={phase.kind === "joining"}
          onJoin={(name) => {
            // A click: the moment browsers allow audio to start.
            parts.levels.resume();
            void parts.controller.join(name);
          }}
        />
      );
      break;
    case "waiting":
      body = (
        <WaitingScreen
          since={phase.since}
          socket={state.socket}
          local={local}
          media={parts.controller}
          levels={parts.levels}
          onLeave={() => parts.controller.leave()}
        />
      );
      break;
    case "in-room":
      body = (
        <InRoom
          state={state}
          local={local}
          controller={parts.controller}
          levels={parts.levels}
          timeZone={user.timeZone}
        />
      );
      break;
    case "refused":
    case "declined":
    case "removed":
    case "ended":
    case "left":
      body = (
        <OutcomeScreen
          phase={phase}
          homePath={homePath}
          homeLabel={homeLabel}
          onTryAgain={onStartOver}
        />
      );
      break;
  }

  return (
    <>
      <PageHeading>{headingFor(phase, title)}</PageHeading>
      {body}
    </>
  );
}

const defaultParts = (sessionId: string, keepAlive: () => void) =>
  new RoomParts({ sessionId, keepAlive });

/**
 * The live room of a session (`/sessions/:sessionId/room`). Loaded only when someone opens it:
 * the video code never weighs on the first visit.
 */
export function RoomPage({
  createParts = defaultParts,
}: {
  /** Tests build the parts over a fake socket. */
  createParts?: (sessionId: string, keepAlive: () => void) => RoomParts;
}) {
  const { sessionId = "" } = useParams();
  const [visit, setVisit] = useState(0);
  return (
    <RoomVisit
      key={`${sessionId}:${visit}`}
      sessionId={sessionId}
      createParts={createParts}
      onStartOver={() => setVisit((n) => n + 1)}
    />
  );
}
