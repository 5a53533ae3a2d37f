import {
  BreakoutsOpenSchema,
  type BreakoutTimeUp,
  type LivePerson,
  type RoomSnapshot,
} from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { isPresent, roomT } from "./room-view";

/**
 * Breakout rooms of a multi-family group, as pure views for the screens: where I am, the
 * countdown everyone sees, what a screen reader is told and when, and the facilitator's plan.
 */

export type BreakoutRoom = NonNullable<RoomSnapshot["breakouts"]>["rooms"][number];

/**
 * A room named for a family reads "Jordan's family's room"; a room the facilitator named by
 * hand reads as named ("Room 2", "the Parents room").
 */
export function roomPhrase(name: string, t: TFunction<"room"> = roomT()): string {
  const trimmed = name.trim();
  // The server's "Jordan's family" and the planner's "Dana's room" name a person's room.
  const family = /^(.+)'s family$/.exec(trimmed)?.[1];
  if (family !== undefined) return t("breakouts.familysRoom", { name: family });
  if (/family$/i.test(trimmed)) return t("breakouts.personRoom", { name: trimmed });
  const person = /^(.+)'s room$/.exec(trimmed)?.[1];
  if (person !== undefined) return t("breakouts.personRoom", { name: person });
  if (/\broom\b/i.test(trimmed)) return trimmed;
  return t("breakouts.namedRoom", { name: trimmed });
}

/** The breakout room I am in, or null in the main room (or when none is open). */
export function myBreakout(room: RoomSnapshot): BreakoutRoom | null {
  const id = room.me.breakoutId;
  if (id === null || !room.breakouts) return null;
  return room.breakouts.rooms.find((r) => r.id === id) ?? null;
}

/** "You are in Jordan's family's room", "You are visiting …", "You are in the main room". */
export function whereAmI(room: RoomSnapshot, t: TFunction<"room"> = roomT()): string {
  const mine = myBreakout(room);
  if (mine === null) {
    return room.me.breakoutId === null ? t("breakouts.inMain") : t("breakouts.inBreakout");
  }
  const phrase = roomPhrase(mine.name, t);
  return room.me.role === "facilitator"
    ? t("breakouts.visitingRoom", { room: phrase })
    : t("breakouts.inRoom", { room: phrase });
}

/** Milliseconds left on the breakout timer (negative once it ran out), or null with no timer. */
export function breakoutRemaining(room: RoomSnapshot, now: number): number | null {
  const endsAt = room.breakouts?.endsAt;
  if (!endsAt) return null;
  return Date.parse(endsAt) - now;
}

/** "4:59", counting down whole seconds (rounded up, so it shows 0:00 only at the end). */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

/**
 * What the visible timer says: "Breakout rooms: 4:59 left", then that time is up (and, when the
 * rooms close by themselves, that everyone is coming back).
 */
export function breakoutTimerText(
  remainingMs: number,
  whenTimeIsUp: BreakoutTimeUp = "keep-open",
  t: TFunction<"room"> = roomT(),
): string {
  if (remainingMs <= 0)
    return whenTimeIsUp === "close" ? t("breakouts.timeUpClose") : t("breakouts.timeUp");
  return t("breakouts.left", { time: formatCountdown(remainingMs) });
}

/** Seconds left at which a screen reader hears how long is left; never every second. */
const MILESTONES = [5 * 60, 2 * 60, 60, 30] as const;
/** How long each milestone stays in the live region before it is cleared for the next. */
const SAY_FOR_SECONDS = 15;

function describeSeconds(seconds: number, t: TFunction<"room">): string {
  if (seconds >= 60) return t("waiting.minutes", { count: Math.round(seconds / 60) });
  return t("waiting.seconds", { count: seconds });
}

/**
 * What the polite live region says about the breakout timer: "2 minutes left in breakout
 * rooms." for a few seconds after each milestone (5 and 2 minutes, 1 minute, 30 seconds), then
 * nothing, and that time is up once it is. The text changes only at those moments, so assistive
 * technology speaks a handful of times, never every second; a timer shorter than a milestone
 * never says it.
 */
export function breakoutAnnouncement(
  remainingMs: number,
  whenTimeIsUp: BreakoutTimeUp = "keep-open",
  t: TFunction<"room"> = roomT(),
): string {
  const left = Math.ceil(remainingMs / 1000);
  if (left <= 0)
    return whenTimeIsUp === "close" ? t("breakouts.sayTimeUpClose") : t("breakouts.sayTimeUp");
  for (const milestone of MILESTONES) {
    if (left <= milestone && left > milestone - SAY_FOR_SECONDS) {
      return t("breakouts.sayLeft", { duration: describeSeconds(milestone, t) });
    }
  }
  return "";
}

/** Who can be sent to a breakout room: present, and not a clinician. */
export function breakoutCandidates(room: RoomSnapshot): LivePerson[] {
  return room.people.filter((p) => isPresent(p) && p.role !== "facilitator");
}

/** The rooms "one room per family" would make, for the facilitator to see before opening. */
export function roomsByFamily(room: RoomSnapshot): { name: string; people: LivePerson[] }[] {
  const rooms = new Map<string, LivePerson[]>();
  for (const person of breakoutCandidates(room)) {
    const name = person.familyLabel ?? `${person.displayName}'s room`;
    rooms.set(name, [...(rooms.get(name) ?? []), person]);
  }
  return [...rooms].map(([name, people]) => ({ name, people }));
}

/** The people in each open breakout room, as the facilitator's panel lists them. */
export function peopleInRoom(room: RoomSnapshot, breakoutId: string): LivePerson[] {
  return room.people.filter((p) => p.breakoutId === breakoutId && isPresent(p));
}

/** Rooms made by hand: their names, and which room (by index) each person goes to. */
export type ManualPlan = {
  rooms: string[];
  /** userId → index into `rooms`; people not listed stay in the main room. */
  assignments: Readonly<Record<string, number | undefined>>;
};

export type BreakoutPlan = { kind: "by-family" } | { kind: "manual"; plan: ManualPlan };

export type OpenBreakoutsPayload = {
  rooms: "by-family" | { name: string; members: string[] }[];
  minutes: number;
  whenTimeIsUp: BreakoutTimeUp;
};

/**
 * The `room:breakouts-open` request for a plan, or the problems to show by each field, keyed
 * as the server keys them (`minutes`, `rooms.1.name`, `rooms`).
 */
export function toOpenBreakouts(
  sessionId: string,
  plan: BreakoutPlan,
  minutes: string,
  whenTimeIsUp: BreakoutTimeUp = "close",
): { ok: true; payload: OpenBreakoutsPayload } | { ok: false; fields: Record<string, string> } {
  const rooms =
    plan.kind === "by-family"
      ? ("by-family" as const)
      : plan.plan.rooms.map((name, index) => ({
          name,
          members: Object.entries(plan.plan.assignments)
            .filter(([, room]) => room === index)
            .map(([userId]) => userId),
        }));
  const count = minutes.trim() === "" ? Number.NaN : Number(minutes);
  const parsed = BreakoutsOpenSchema.safeParse({ sessionId, rooms, minutes: count, whenTimeIsUp });
  const fields: Record<string, string> = {};
  // An empty or unreadable number would read "expected a number": say what the field wants.
  if (Number.isNaN(count)) fields.minutes = "Say how many minutes, from 1 to 120.";
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      fields[issue.path.map(String).join(".")] ??= issue.message;
    }
  }
  if (Array.isArray(rooms) && rooms.every((r) => r.members.length === 0) && !("rooms" in fields)) {
    fields.rooms = "Put at least one person in a room.";
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, payload: { rooms, minutes: count, whenTimeIsUp } };
}
