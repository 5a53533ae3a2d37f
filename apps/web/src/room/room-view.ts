import {
  DEFAULT_LOCALE,
  MAX_DISPLAY_NAME_LENGTH,
  type LiveError,
  type LivePerson,
  type PresenceStatus,
  type RoomSnapshot,
} from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { activeLocale, addAreaCatalogue, i18n } from "../i18n/i18n";
import { room as englishRoom } from "../i18n/locales/en/room";

// The room's English comes with the room's code, not with everyone's first load; every screen
// of the room imports this module, so it is there before any of them renders.
addAreaCatalogue("room", englishRoom);

/** Pure views of the room for the screens: no React, no sockets, so each is easy to test. */

/** Raised hands, the longest-waiting first. */
export function handsInOrder(people: readonly LivePerson[]): LivePerson[] {
  return people
    .filter(
      (p) => p.handRaisedAt !== null && (p.status === "in-room" || p.status === "reconnecting"),
    )
    .sort((a, b) => Date.parse(a.handRaisedAt ?? "") - Date.parse(b.handRaisedAt ?? ""));
}

/** Breakout rooms and family labels belong to multi-family groups only. */
export function isMultiFamily(room: Pick<RoomSnapshot, "kind">): boolean {
  return room.kind === "MULTI_FAMILY";
}

/** The family label to show beside someone's name ("Jordan's family"): multi-family groups only. */
export function familyLabelOf(
  person: Pick<LivePerson, "familyLabel">,
  room: Pick<RoomSnapshot, "kind">,
): string | null {
  return isMultiFamily(room) ? person.familyLabel : null;
}

/** Present means in the room, including anyone whose connection is coming back. */
export function isPresent(person: Pick<LivePerson, "status">): boolean {
  return person.status === "in-room" || person.status === "reconnecting";
}

export type RosterView = {
  waiting: LivePerson[];
  present: LivePerson[];
  left: LivePerson[];
};

/** The facilitator's roster: who waits (in arrival order), who is here, who has left. */
export function rosterView(room: RoomSnapshot): RosterView {
  return {
    waiting: room.people.filter((p) => p.status === "waiting"),
    present: room.people.filter(isPresent),
    left: room.people.filter((p) => p.status === "left"),
  };
}

/** Whether someone is in the same room as me: the main room, or the same breakout room. */
export function inMyRoom(person: Pick<LivePerson, "breakoutId">, room: RoomSnapshot): boolean {
  return (person.breakoutId ?? null) === (room.me.breakoutId ?? null);
}

/** The other people to connect video with: present, and in the same (breakout) room. */
export function peerIds(room: RoomSnapshot): string[] {
  return room.people
    .filter((p) => isPresent(p) && p.userId !== room.me.userId && inMyRoom(p, room))
    .map((p) => p.userId);
}

export function me(room: RoomSnapshot): LivePerson | undefined {
  return room.people.find((p) => p.userId === room.me.userId);
}

export function isFacilitator(room: RoomSnapshot | null): boolean {
  return room?.me.role === "facilitator";
}

/** Facilitators may always share a screen; others when a facilitator has allowed it. */
export function canShareScreen(room: RoomSnapshot): boolean {
  return isFacilitator(room) || me(room)?.screenShareAllowed === true;
}

export function presenceLabel(status: PresenceStatus): string {
  switch (status) {
    case "waiting":
      return "Waiting";
    case "in-room":
      return "In the room";
    case "reconnecting":
      return "Reconnecting…";
    case "left":
      return "Left";
  }
}

export type NextStep = "my-week" | "try-again";

export type Refusal = { title: string; message: string; next: NextStep[] };

/** The room's words in the language the app speaks now (tests and plain code default to it). */
export function roomT(): TFunction<"room"> {
  return i18n.getFixedT(null, "room");
}

/**
 * What a refusal from the room says. The server words it in English for the person it refuses;
 * in another language, what its code means is said instead.
 */
export function liveErrorText(
  error: Pick<LiveError, "code" | "message">,
  t: TFunction<"room"> = roomT(),
): string {
  return activeLocale() === DEFAULT_LOCALE ? error.message : t(`errors.${error.code}`);
}

/** "Jordan's family" (the server's words) in the reader's language. */
export function familyLabelText(label: string, t: TFunction<"room"> = roomT()): string {
  const name = /^(.*)'s family$/.exec(label)?.[1];
  return name === undefined ? label : t("tile.family", { name });
}

/**
 * What to tell someone the room turned away, and what they can do next. The server's message
 * is written for them and never says who is in the room; in English it is kept as it is.
 */
export function refusal(
  error: Pick<LiveError, "code" | "message">,
  t: TFunction<"room"> = roomT(),
): Refusal {
  const message = liveErrorText(error, t);
  switch (error.code) {
    case "not_found":
      return { title: t("refusal.notFound"), message, next: ["my-week"] };
    case "not_open_yet":
      return {
        title: t("refusal.notOpenYet"),
        message: t("refusal.tryThen", { message }),
        next: ["try-again", "my-week"],
      };
    case "ended":
      return { title: t("refusal.ended"), message, next: ["my-week"] };
    case "locked":
      return {
        title: t("refusal.locked"),
        message: t("refusal.lockedMessage", { message }),
        next: ["try-again", "my-week"],
      };
    case "removed":
      return { title: t("refusal.removed"), message, next: ["my-week"] };
    case "declined":
      return { title: t("refusal.declined"), message, next: ["my-week"] };
    case "room_full":
      return { title: t("refusal.full"), message, next: ["try-again", "my-week"] };
    case "session_expired":
      return {
        title: t("refusal.expired"),
        message: t("refusal.expiredMessage"),
        next: ["my-week"],
      };
    case "unavailable":
      return { title: t("refusal.unavailable"), message, next: ["try-again", "my-week"] };
    case "invalid_input":
    case "not_admitted":
    case "forbidden":
    case "rate_limited":
      return { title: t("refusal.other"), message, next: ["try-again", "my-week"] };
  }
}

/**
 * What to do when the socket connects again after a drop. socket.io restores a short drop by
 * itself (`recovered`): the server still has us in the room and only the media may need a
 * nudge. Otherwise the server has forgotten this socket and we join again, with the same name.
 */
export function reconnectAction(
  phase: "prejoin" | "joining" | "waiting" | "in-room" | "over",
  recovered: boolean,
): "none" | "resume" | "rejoin" {
  if (phase !== "waiting" && phase !== "in-room") return "none";
  return recovered ? "resume" : "rejoin";
}

/** The name others see, suggested from the first name only (never the full name). */
export function defaultDisplayName(user: { firstName: string }): string {
  return user.firstName.trim().slice(0, MAX_DISPLAY_NAME_LENGTH);
}

/** A problem with the name field, or null when it can be used. */
export function displayNameProblem(name: string, t: TFunction<"room"> = roomT()): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return t("prejoin.nameRequired");
  if (trimmed.length > MAX_DISPLAY_NAME_LENGTH)
    return t("prejoin.nameTooLong", { max: MAX_DISPLAY_NAME_LENGTH });
  return null;
}

/** "4:05" or "1:02:09". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/** The same, for a screen reader: "4 minutes 5 seconds". */
export function describeElapsed(ms: number, t: TFunction<"room"> = roomT()): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = [];
  if (hours > 0) parts.push(t("waiting.hours", { count: hours }));
  if (minutes > 0 || hours > 0) parts.push(t("waiting.minutes", { count: minutes }));
  if (hours === 0) parts.push(t("waiting.seconds", { count: seconds }));
  return parts.join(" ");
}

/** The grid class for `count` tiles: columns grow with the number of people. */
export function gridClass(count: number): string {
  if (count <= 1) return "video-grid video-grid--one";
  if (count === 2) return "video-grid video-grid--two";
  if (count <= 4) return "video-grid video-grid--four";
  if (count <= 9) return "video-grid video-grid--nine";
  return "video-grid video-grid--many";
}

export type TileModel = {
  /** Unique per tile: a person's camera and their screen are two tiles. */
  key: string;
  userId: string;
  kind: "camera" | "screen";
  name: string;
  /** "Jordan's family", in multi-family groups; null elsewhere. */
  familyLabel: string | null;
  self: boolean;
  microphone: boolean;
  camera: boolean;
  handRaised: boolean;
  /** Their connection to the server or to me is coming back. */
  reconnecting: boolean;
  /** Video is still being set up. */
  connecting: boolean;
};

/**
 * The tiles of the grid: shared screens first (they are what people need to see), then me,
 * then everyone else present, in the room's order.
 */
export function tileModels(
  room: RoomSnapshot,
  remotes: ReadonlyMap<
    string,
    { connection: "connecting" | "connected" | "reconnecting"; screen: unknown }
  >,
): TileModel[] {
  const present = room.people.filter((p) => isPresent(p) && inMyRoom(p, room));
  const selfId = room.me.userId;
  const ordered = [
    ...present.filter((p) => p.userId === selfId),
    ...present.filter((p) => p.userId !== selfId),
  ];
  const cameras: TileModel[] = ordered.map((p) => {
    const self = p.userId === selfId;
    const remote = remotes.get(p.userId);
    return {
      key: `camera:${p.userId}`,
      userId: p.userId,
      kind: "camera",
      name: p.displayName,
      familyLabel: familyLabelOf(p, room),
      self,
      microphone: p.microphone,
      camera: p.camera,
      handRaised: p.handRaisedAt !== null,
      reconnecting: p.status === "reconnecting" || remote?.connection === "reconnecting",
      connecting: !self && (remote === undefined || remote.connection === "connecting"),
    };
  });
  const screens: TileModel[] = ordered
    .filter((p) => p.userId !== selfId && p.screen && remotes.get(p.userId)?.screen)
    .map((p) => ({
      key: `screen:${p.userId}`,
      userId: p.userId,
      kind: "screen",
      name: p.displayName,
      familyLabel: null,
      self: false,
      microphone: true,
      camera: true,
      handRaised: false,
      reconnecting: p.status === "reconnecting",
      connecting: false,
    }));
  return [...screens, ...cameras];
}

export type Banner = { tone: "info" | "warning" | "error"; text: string } | null;

/** The connection banner: says so while anything is (re)connecting, and nothing otherwise. */
export function connectionBanner(
  socket: "connected" | "reconnecting" | "signed-out",
  media: "idle" | "connecting" | "connected" | "reconnecting" | "closed",
  t: TFunction<"room"> = roomT(),
): Banner {
  if (socket === "signed-out") return { tone: "error", text: t("banner.signedOut") };
  if (socket === "reconnecting" || media === "reconnecting")
    return { tone: "warning", text: t("banner.reconnecting") };
  if (media === "connecting" || media === "idle")
    return { tone: "info", text: t("banner.connecting") };
  return null;
}
