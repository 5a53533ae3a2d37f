import { z } from "zod";
import { IsoDateSchema } from "./dates";
import { SessionKindSchema } from "./session-kinds";
import { refuseUnsafeName } from "./text";

/**
 * Live sessions: the waiting room, the room itself, facilitator controls and media credentials.
 * Everything here travels over socket.io; the schemas validate what clients send, because a
 * socket event is input like any request body.
 */

/** Browser-to-browser video (no media server) serves small sessions only. */
export const DIRECT_MODE_MAX_PEOPLE = 6;
/** Media credentials are short-lived and renewed while someone stays in the room. */
export const MEDIA_CREDENTIAL_TTL_SECONDS = 10 * 60;
/** Arriving this long after the start counts as late; leaving this long before the end, early. */
export const LATE_AFTER_MINUTES = 10;
export const EARLY_LEAVE_MINUTES = 10;
export const MAX_DECLINE_MESSAGE_LENGTH = 500;
export const MAX_DISPLAY_NAME_LENGTH = 60;

export type LiveRole = "facilitator" | "participant" | "family";

/** Where someone is, as the roster shows it. */
export type PresenceStatus = "waiting" | "in-room" | "reconnecting" | "left";

export type MediaCredential =
  | {
      mode: "direct";
      iceServers: { urls: string | string[]; username?: string; credential?: string }[];
      expiresAt: string;
    }
  | { mode: "livekit"; url: string; token: string; room: string; expiresAt: string };

export type LivePerson = {
  userId: string;
  displayName: string;
  role: LiveRole;
  /** In sessions with families: "Jordan's family" for Jordan and Jordan's family members. */
  familyLabel: string | null;
  /** The breakout room they are in; null is the main room. */
  breakoutId: string | null;
  status: PresenceStatus;
  /** When the hand went up; hands are shown in this order. Null when down. */
  handRaisedAt: string | null;
  microphone: boolean;
  camera: boolean;
  screen: boolean;
  screenShareAllowed: boolean;
  /** Taking part by audio only: no camera sent, no video received. */
  audioOnly: boolean;
};

export type RoomSnapshot = {
  sessionId: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** When the first clinician opened the room; the elapsed-time clock starts here. */
  openedAt: string | null;
  locked: boolean;
  ended: boolean;
  mediaMode: "direct" | "livekit";
  me: {
    userId: string;
    role: LiveRole;
    status: PresenceStatus | "declined" | "removed";
    breakoutId: string | null;
  };
  /** Breakout rooms while they are open (multi-family sessions). */
  breakouts: {
    endsAt: string | null;
    /** What happens when the timer runs out, as the facilitator chose when opening them. */
    whenTimeIsUp: BreakoutTimeUp;
    rooms: { id: string; name: string; members: string[] }[];
  } | null;
  /** Everyone in the room (and, for clinicians, everyone waiting). */
  people: LivePerson[];
  /** For clinicians: people removed from this session, whom they can let back in. */
  removed?: { userId: string; displayName: string }[];
};

/**
 * When the breakout timer runs out: the server closes the rooms and brings everyone back (with a
 * warning a minute before), or the rooms stay open until the facilitator closes them.
 */
export type BreakoutTimeUp = "close" | "keep-open";
/** How long before an automatic close everyone in the session is warned. */
export const BREAKOUT_WARNING_MS = 60_000;

/** Why someone was taken out of a session: a clinician's decision, or consent withdrawn. */
export type RemovalReason = "facilitator" | "consent";

export type LiveErrorCode =
  | "invalid_input"
  | "not_found"
  | "not_open_yet"
  | "ended"
  | "locked"
  | "removed"
  | "declined"
  | "room_full"
  | "not_admitted"
  | "forbidden"
  /** Too many events too fast (chat messages): wait and try again. */
  | "rate_limited"
  /** The sign-in session behind the socket ended; `session:ended` follows. */
  | "session_expired"
  /** The server could not reach what it depends on (the database); the same request may work later. */
  | "unavailable";

export type LiveError = { code: LiveErrorCode; message: string; fields?: Record<string, string> };

export type Ack<T> = (reply: ({ ok: true } & T) | { ok: false; error: LiveError }) => void;

export type JoinReply = {
  state: "waiting" | "admitted";
  room: RoomSnapshot;
  credential?: MediaCredential;
};

export type SignalPayload =
  | { description: { type: "offer" | "answer" | "pranswer" | "rollback"; sdp?: string } }
  | {
      candidate: {
        candidate: string;
        sdpMid?: string | null;
        sdpMLineIndex?: number | null;
        usernameFragment?: string | null;
      };
    };

// ---- What clients send, validated --------------------------------------------------------------

const SessionIdSchema = z.uuid({ error: "Not a valid session id." });
const UserIdSchema = z.uuid({ error: "Not a valid person id." });

export const JoinRoomSchema = z.strictObject({
  sessionId: SessionIdSchema,
  displayName: z
    .string({ error: "Say the name others will see." })
    .trim()
    .min(1, { error: "Say the name others will see." })
    .max(MAX_DISPLAY_NAME_LENGTH, {
      error: `Keep the name under ${MAX_DISPLAY_NAME_LENGTH} characters.`,
    })
    .superRefine(refuseUnsafeName),
});
export const SessionOnlySchema = z.strictObject({ sessionId: SessionIdSchema });
export const PersonInSessionSchema = z.strictObject({
  sessionId: SessionIdSchema,
  userId: UserIdSchema,
});
export const DeclineSchema = z.strictObject({
  sessionId: SessionIdSchema,
  userId: UserIdSchema,
  message: z.string().trim().max(MAX_DECLINE_MESSAGE_LENGTH).default(""),
});
export const LockSchema = z.strictObject({ sessionId: SessionIdSchema, locked: z.boolean() });
export const MuteSchema = z.strictObject({
  sessionId: SessionIdSchema,
  /** A person, or everyone else in the room. */
  target: z.union([UserIdSchema, z.literal("everyone")]),
  kind: z.enum(["microphone", "camera"]),
});
export const ScreenShareSchema = z.strictObject({
  sessionId: SessionIdSchema,
  userId: UserIdSchema,
  allowed: z.boolean(),
});
export const HandSchema = z.strictObject({ sessionId: SessionIdSchema, raised: z.boolean() });
export const MediaStateSchema = z.strictObject({
  sessionId: SessionIdSchema,
  microphone: z.boolean(),
  camera: z.boolean(),
  screen: z.boolean(),
  /** Switching to or from audio-only starts a new attendance span in the new modality. */
  audioOnly: z.boolean().optional(),
});
const SdpSchema = z.strictObject({
  type: z.enum(["offer", "answer", "pranswer", "rollback"]),
  sdp: z.string().max(100_000).optional(),
});
const CandidateSchema = z.strictObject({
  candidate: z.string().max(2_000),
  sdpMid: z.string().max(100).nullable().optional(),
  sdpMLineIndex: z.int().min(0).max(100).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});
export const SignalSchema = z.strictObject({
  sessionId: SessionIdSchema,
  to: UserIdSchema,
  signal: z.union([
    z.strictObject({ description: SdpSchema }),
    z.strictObject({ candidate: CandidateSchema }),
  ]),
});
export const MAX_BREAKOUT_ROOMS = 12;
export const BreakoutsOpenSchema = z.strictObject({
  sessionId: SessionIdSchema,
  /** One room per family, or rooms named here with their members. */
  rooms: z.union([
    z.literal("by-family"),
    z
      .array(
        z.strictObject({
          name: z
            .string()
            .trim()
            .min(1, { error: "Name each room." })
            .max(60)
            .superRefine(refuseUnsafeName),
          members: z.array(UserIdSchema).max(30),
        }),
      )
      .min(1, { error: "Make at least one room." })
      .max(MAX_BREAKOUT_ROOMS, { error: `At most ${MAX_BREAKOUT_ROOMS} rooms.` }),
  ]),
  /** The timer everyone sees. */
  minutes: z
    .int()
    .min(1, { error: "At least a minute." })
    .max(120, { error: "At most two hours." }),
  /**
   * Closing when time is up is the default: the timer everyone sees then means what it says, and
   * a facilitator running several rooms need not watch the clock. Keeping them open is a choice.
   */
  whenTimeIsUp: z
    .enum(["close", "keep-open"], { error: "Choose what happens when time is up." })
    .default("close"),
});
export const BreakoutsMessageSchema = z.strictObject({
  sessionId: SessionIdSchema,
  message: z.string().trim().min(1, { error: "Write a message." }).max(500),
});
export const VisitSchema = z.strictObject({
  sessionId: SessionIdSchema,
  /** A breakout room, or null for the main room. */
  breakoutId: z.uuid().nullable(),
});

// ---- Attendance ------------------------------------------------------------------------------

export type AttendanceSpan = { joinedAt: Date; leftAt: Date | null };

/**
 * Minutes someone attended a session: their time in the room, spans merged, counted only within
 * the scheduled start and end; arriving more than LATE_AFTER_MINUTES after the start is late,
 * leaving more than EARLY_LEAVE_MINUTES before the end is early. An open span counts up to `now`.
 */
export function attendanceSummary(
  spans: readonly AttendanceSpan[],
  session: { startsAt: Date; endsAt: Date },
  now: Date,
): { minutes: number; late: boolean; leftEarly: boolean; attended: boolean } {
  const start = session.startsAt.getTime();
  const end = session.endsAt.getTime();
  const clipped = spans
    .map((s) => ({
      from: Math.max(s.joinedAt.getTime(), start),
      to: Math.min((s.leftAt ?? now).getTime(), end),
    }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  let total = 0;
  let cursor = -Infinity;
  for (const s of clipped) {
    const from = Math.max(s.from, cursor);
    if (s.to > from) total += s.to - from;
    cursor = Math.max(cursor, s.to);
  }
  if (clipped.length === 0) return { minutes: 0, late: false, leftEarly: false, attended: false };
  const firstJoin = Math.min(...spans.map((s) => s.joinedAt.getTime()));
  const lastLeave = spans.some((s) => s.leftAt === null)
    ? now.getTime()
    : Math.max(...spans.map((s) => s.leftAt?.getTime() ?? 0));
  return {
    minutes: Math.round(total / 60_000),
    late: firstJoin > start + LATE_AFTER_MINUTES * 60_000,
    leftEarly:
      lastLeave < end - EARLY_LEAVE_MINUTES * 60_000 &&
      now.getTime() >= end - EARLY_LEAVE_MINUTES * 60_000,
    attended: true,
  };
}

export const SessionAttendanceSchema = z.object({
  sessionId: z.uuid(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  people: z.array(
    z.object({
      userId: z.uuid(),
      displayName: z.string(),
      role: z.enum(["facilitator", "participant", "family"]),
      expected: z.boolean(),
      minutes: z.number().int(),
      late: z.boolean(),
      leftEarly: z.boolean(),
      attended: z.boolean(),
      joins: z.array(
        z.object({
          joinedAt: z.iso.datetime(),
          leftAt: z.iso.datetime().nullable(),
          modality: z.enum(["video", "audio-only"]),
        }),
      ),
    }),
  ),
});
export type SessionAttendance = z.infer<typeof SessionAttendanceSchema>;

export const WeeklyAttendanceSchema = z.object({
  participantId: z.uuid(),
  weekStart: z.iso.date(),
  plannedHours: z.number(),
  attendedHours: z.number(),
  status: z.enum(["below-minimum", "within-range", "php-range"]),
  sessions: z.array(
    z.object({
      sessionId: z.uuid(),
      kind: z.string(),
      startsAt: z.iso.datetime(),
      plannedMinutes: z.number().int(),
      attendedMinutes: z.number().int(),
      late: z.boolean(),
      leftEarly: z.boolean(),
    }),
  ),
});
export type WeeklyAttendance = z.infer<typeof WeeklyAttendanceSchema>;

/** At most a quarter at a time: the grid and the CSV export stay quick to build and read. */
export const MAX_ATTENDANCE_RANGE_DAYS = 92;

export const AttendanceRangeQuerySchema = z
  .strictObject({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((q) => q.from <= q.to, { error: "The end date comes before the start.", path: ["to"] })
  .refine(
    (q) => Date.parse(q.to) - Date.parse(q.from) <= (MAX_ATTENDANCE_RANGE_DAYS - 1) * 86_400_000,
    { error: `Choose at most ${MAX_ATTENDANCE_RANGE_DAYS} days.`, path: ["to"] },
  );

/** A facilitator's cohort grid: participants by sessions, with weekly hours against the minimum. */
export const CohortAttendanceSchema = z.object({
  cohortId: z.string(),
  cohortName: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  sessions: z.array(
    z.object({
      id: z.string(),
      kind: SessionKindSchema,
      startsAt: z.string(),
      endsAt: z.string(),
      upcoming: z.boolean(),
    }),
  ),
  participants: z.array(
    z.object({
      participantId: z.string(),
      displayName: z.string(),
      cells: z.array(
        z.object({
          sessionId: z.string(),
          expected: z.boolean(),
          attended: z.boolean(),
          minutes: z.number(),
          late: z.boolean(),
          leftEarly: z.boolean(),
          /** Of `minutes`, those attended by audio only (billed differently from video). */
          audioOnlyMinutes: z.number(),
          videoMinutes: z.number(),
        }),
      ),
      weeks: z.array(
        z.object({
          weekStart: z.string(),
          plannedHours: z.number(),
          attendedHours: z.number(),
          status: WeeklyAttendanceSchema.shape.status,
          /** Under the IOP minimum for a week that is over. */
          flagged: z.boolean(),
        }),
      ),
    }),
  ),
});
export type CohortAttendance = z.infer<typeof CohortAttendanceSchema>;
