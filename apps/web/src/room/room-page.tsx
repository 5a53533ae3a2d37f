import {
  homePathForRole,
  SessionKindSchema,
  sessionKindInfo,
  type RoomSnapshot,
  type SessionKind,
} from "@bridgeway/domain";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useServices } from "../app/services-context";
import { useFormat } from "../i18n/use-format";
import { useSignedIn } from "../sign-in/auth-context";
import { useSession } from "../sessions/use-sessions";
import { callPresence } from "../shell/call-presence";
import { navItemsFor } from "../shell/nav-items";
import { PageHeading } from "../shell/page-heading";
import { LoadingState } from "../shell/status-states";
import { InRoom } from "./in-room";
import { PrejoinScreen } from "./prejoin-screen";
import { RoomParts } from "./room-parts";
import type { RoomPhase } from "./room-controller";
import { defaultDisplayName } from "./room-view";
import { OutcomeScreen, WaitingScreen } from "./waiting-screen";
import "./room.css";

/**
 * The room's title in the reader's language: the server words the session kind in English
 * ("Group therapy · Evening track"), so the kind is said by its key and the cohort name kept.
 */
function roomTitle(
  room: Pick<RoomSnapshot, "title" | "kind">,
  kindName: (kind: SessionKind) => string,
): string {
  const kind = SessionKindSchema.safeParse(room.kind);
  if (!kind.success) return room.title;
  const english = sessionKindInfo(kind.data).label;
  return room.title.startsWith(english)
    ? `${kindName(kind.data)}${room.title.slice(english.length)}`
    : room.title;
}

function headingFor(phase: RoomPhase, title: string, t: TFunction<"room">): string {
  switch (phase.kind) {
    case "checking":
    case "prejoin":
    case "joining":
      return t("heading.prejoin");
    case "waiting":
      return t("heading.waiting");
    case "in-room":
      return title;
    case "refused":
    case "declined":
    case "removed":
    case "readmitted":
    case "ended":
    case "left":
      return t("heading.video");
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
  const { t, i18n } = useTranslation("room");
  const { t: tSessions } = useTranslation("sessions");
  const format = useFormat();
  const services = useServices();
  const { user } = useSignedIn();
  const session = useSession(sessionId);
  const [parts] = useState(() =>
    createParts(sessionId, () => {
      void services.signIn.staySignedIn().catch(() => undefined);
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

  const phase = state.phase;
  const inCall = phase.kind === "waiting" || phase.kind === "in-room";
  useEffect(() => (inCall ? callPresence.enter() : undefined), [inCall]);

  const summary = session.data;
  const title = state.room
    ? roomTitle(state.room, (kind) => tSessions(`kinds.${kind}`))
    : summary
      ? tSessions(`kinds.${summary.kind}`)
      : t("heading.video");
  const when = summary ? format.sessionWhen(summary.startsAt, summary.endsAt, user.timeZone) : null;
  const homePath = homePathForRole(user.role);
  const homeLabel =
    i18n.language === "en" ? (navItemsFor(user.role)[0]?.label ?? "home") : t(`home.${user.role}`);
  // Family members are not told which program the participant is in (the server leaves it out).
  const cohortName = user.role === "FAMILY" ? null : (summary?.cohort?.name ?? null);

  let body;
  switch (phase.kind) {
    case "checking":
      body = <LoadingState label={t("opening")} />;
      break;
    case "prejoin":
    case "joining":
      body = (
        <PrejoinScreen
          title={cohortName ? `${title} · ${cohortName}` : title}
          when={when}
          local={local}
          media={parts.local}
          levels={parts.levels}
          defaultName={defaultDisplayName(user)}
          joining={phase.kind === "joining"}
          audioOnly={state.audioOnly}
          onAudioOnly={(on) => void parts.controller.setAudioOnly(on)}
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
    case "readmitted":
    case "ended":
    case "left":
      body = (
        <OutcomeScreen
          phase={phase}
          homePath={homePath}
          homeLabel={homeLabel}
          onTryAgain={onStartOver}
          onBackToWaitingRoom={() => {
            if (parts.controller.canRejoinAsBefore()) parts.backToWaitingRoom();
            else onStartOver();
          }}
        />
      );
      break;
  }

  return (
    <>
      <PageHeading>{headingFor(phase, title, t)}</PageHeading>
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
