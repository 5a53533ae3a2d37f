import { z } from "zod";
import {
  ChatEditSchema,
  ChatHideSchema,
  ChatHistorySchema,
  ChatMessageOnlySchema,
  ChatReadSchema,
  ChatReportSchema,
  ChatRoomOnlySchema,
  ChatSendSchema,
  ChatSinceSchema,
  ChatTypingSchema,
  type ChatMessageDto,
  type ChatRoomSummary,
  type ChatTyping,
} from "./chat";
import type { CrisisAlertDto } from "./alerts";
import { BoardParamsSchema, type ForumChange } from "./forum";
import {
  BreakoutsMessageSchema,
  BreakoutsOpenSchema,
  VisitSchema,
  DeclineSchema,
  HandSchema,
  JoinRoomSchema,
  LockSchema,
  MediaStateSchema,
  MuteSchema,
  PersonInSessionSchema,
  ScreenShareSchema,
  SessionOnlySchema,
  SignalSchema,
  type Ack,
  type JoinReply,
  type LiveError,
  type MediaCredential,
  type RemovalReason,
  type RoomSnapshot,
  type SignalPayload,
} from "./live";
import type { Role } from "./roles";

/**
 * The socket.io contract, typed once for the server and the web app. Sockets authenticate from
 * the same sign-in cookie as the API; connection errors carry a `code` the client can show.
 */

export type SignInEndReason = "signed-out" | "expired" | "access-revoked";

/**
 * What `session:ended` tells the client to show: signed out (here or elsewhere), the sign-in's
 * idle or absolute limit passed, or the account's access changed (deactivated, new role).
 */
export type SignInEndCode = "signed_out" | "session_expired" | "access_revoked";

/**
 * How the web app's socket reconnects: tries at 250 ms doubling to at most 1.5 s, each moved by
 * up to ±50% so that every client of a restarted server does not knock at the same instant; back
 * within about 2 s of the network (or a restarted server) answering.
 */
export const SOCKET_RECONNECTION = {
  reconnectionDelay: 250,
  reconnectionDelayMax: 1_500,
  randomizationFactor: 0.5,
} as const;

export const SIGN_IN_END_CODES: Record<SignInEndReason, SignInEndCode> = {
  "signed-out": "signed_out",
  expired: "session_expired",
  "access-revoked": "access_revoked",
};

export type RealtimeErrorCode = "unauthenticated" | "session_expired" | "forbidden_origin";

type In<S extends z.ZodType> = z.input<S>;

/** `chat:rooms` asks for nothing; keys sent anyway are ignored rather than refused. */
const ChatRoomsSchema = z.looseObject({});

export interface ServerToClientEvents {
  /**
   * The sign-in behind this socket ended (signed out elsewhere, or expired). The event keeps the
   * name it was published under.
   */
  "session:ended": (payload: { reason: SignInEndReason; code: SignInEndCode }) => void;
  /**
   * You may no longer be in this chat room (discharged, consent withdrawn, care team changed):
   * the server has taken the socket out of it and refuses what it sends there.
   */
  "chat:removed": (payload: { roomKey: string; reason: "access_changed" }) => void;
  /** The room changed: who is waiting, in the room, reconnecting; hands; lock. */
  "room:state": (room: RoomSnapshot) => void;
  /** You were let in: connect your media with this credential. */
  "room:admitted": (payload: { sessionId: string; credential: MediaCredential }) => void;
  "room:declined": (payload: { sessionId: string; message: string }) => void;
  /** Removed by a clinician, or (reason "consent") because consent to take part was withdrawn. */
  "room:removed": (payload: { sessionId: string; reason: RemovalReason }) => void;
  /** A clinician let this removed person back in: they may join the waiting room again. */
  "room:readmitted": (payload: { sessionId: string }) => void;
  "room:ended": (payload: { sessionId: string }) => void;
  /** A clinician turned off your microphone or camera; you turn it back on yourself. */
  /** A facilitator turned someone's microphone or camera off; `by` is their display name. */
  "room:turned-off": (payload: {
    sessionId: string;
    kind: "microphone" | "camera";
    by: string;
  }) => void;
  "room:unmute-requested": (payload: { sessionId: string; by: string }) => void;
  "room:screen-share": (payload: { sessionId: string; allowed: boolean }) => void;
  /** You are now in another room (a breakout, or back in the main room): reconnect media. */
  "room:moved": (payload: {
    sessionId: string;
    breakoutId: string | null;
    credential: MediaCredential;
  }) => void;
  /** The breakout rooms close at `endsAt` (the facilitator chose so): a minute's warning. */
  "room:breakouts-ending": (payload: { sessionId: string; endsAt: string }) => void;
  /** A facilitator's message to every breakout room. */
  "room:broadcast": (payload: { sessionId: string; from: string; message: string }) => void;
  /** Direct mode: an offer, answer or ICE candidate from another person in the room. */
  "media:signal": (payload: { sessionId: string; from: string; signal: SignalPayload }) => void;
  /** A refused or malformed event; the room keeps working. */
  "room:error": (payload: LiveError & { event: string }) => void;
  "chat:message": (message: ChatMessageDto) => void;
  /**
   * Live delivery between server processes was interrupted (Redis was down) from `since` until
   * now: events sent then may not have arrived. Catch up from the database from just before it.
   */
  "realtime:resync": (payload: { since: string }) => void;
  /** A message was edited, deleted or hidden. */
  "chat:updated": (message: ChatMessageDto) => void;
  "chat:typing": (payload: ChatTyping) => void;
  /** A message was reported; sent to the room's staff. */
  "chat:reported": (payload: { roomKey: string; messageId: string }) => void;
  /**
   * Something changed on a forum board you follow (a thread or reply was posted, edited,
   * deleted, pinned, locked or hidden). It names what changed, never its text: the client
   * fetches it through the API, which checks access again.
   */
  "forum:changed": (change: ForumChange) => void;
  /** To the author of crisis language: help is one tap away. */
  "crisis:support": (payload: { crisisLine: "988"; safetyPlanPath: string }) => void;
  /** To the care team, at once. */
  "alert:crisis": (alert: CrisisAlertDto) => void;
}

export interface ClientToServerEvents {
  /** Round trip for connection health; answers the server time. */
  "presence:ping": (ack: (reply: { serverTime: string }) => void) => void;
  /**
   * Before the device check starts the camera: may I enter this room at all? Refused (not_found,
   * removed, ended) as joining would be; a removed person then hears if they are let back in.
   */
  "room:check": (payload: In<typeof SessionOnlySchema>, ack: Ack<object>) => void;
  "room:join": (payload: In<typeof JoinRoomSchema>, ack: Ack<JoinReply>) => void;
  "room:leave": (payload: In<typeof SessionOnlySchema>, ack?: Ack<object>) => void;
  "room:admit": (payload: In<typeof PersonInSessionSchema>, ack?: Ack<object>) => void;
  "room:admit-all": (
    payload: In<typeof SessionOnlySchema>,
    ack?: Ack<{ admitted: number }>,
  ) => void;
  "room:decline": (payload: In<typeof DeclineSchema>, ack?: Ack<object>) => void;
  "room:remove": (payload: In<typeof PersonInSessionSchema>, ack?: Ack<object>) => void;
  /** A clinician lets a removed person back in: they return to the waiting room. */
  "room:readmit": (payload: In<typeof PersonInSessionSchema>, ack?: Ack<object>) => void;
  "room:lock": (payload: In<typeof LockSchema>, ack?: Ack<object>) => void;
  "room:end": (payload: In<typeof SessionOnlySchema>, ack?: Ack<object>) => void;
  "room:turn-off": (payload: In<typeof MuteSchema>, ack?: Ack<object>) => void;
  "room:ask-unmute": (payload: In<typeof PersonInSessionSchema>, ack?: Ack<object>) => void;
  "room:allow-screen-share": (payload: In<typeof ScreenShareSchema>, ack?: Ack<object>) => void;
  "hand:raise": (payload: In<typeof HandSchema>, ack?: Ack<object>) => void;
  /** A facilitator lowers someone's hand once it has been answered. */
  "hand:lower": (payload: In<typeof PersonInSessionSchema>, ack?: Ack<object>) => void;
  "room:breakouts-open": (
    payload: In<typeof BreakoutsOpenSchema>,
    ack?: Ack<{ rooms: number }>,
  ) => void;
  "room:breakouts-close": (payload: In<typeof SessionOnlySchema>, ack?: Ack<object>) => void;
  "room:breakouts-message": (payload: In<typeof BreakoutsMessageSchema>, ack?: Ack<object>) => void;
  /** A facilitator moves themself to a breakout room, or back to the main room. */
  "room:visit": (
    payload: In<typeof VisitSchema>,
    ack?: Ack<{ credential: MediaCredential }>,
  ) => void;
  "media:state": (payload: In<typeof MediaStateSchema>) => void;
  "media:signal": (payload: In<typeof SignalSchema>) => void;
  "media:refresh-credential": (
    payload: In<typeof SessionOnlySchema>,
    ack: Ack<{ credential: MediaCredential }>,
  ) => void;
  "chat:rooms": (
    payload: In<typeof ChatRoomsSchema>,
    ack: Ack<{ rooms: ChatRoomSummary[] }>,
  ) => void;
  /** Starts receiving a room's messages; answers the newest page. */
  "chat:subscribe": (
    payload: In<typeof ChatRoomOnlySchema>,
    ack: Ack<{ messages: ChatMessageDto[] }>,
  ) => void;
  "chat:unsubscribe": (payload: In<typeof ChatRoomOnlySchema>, ack?: Ack<object>) => void;
  /** Older messages, newest first. */
  "chat:history": (
    payload: In<typeof ChatHistorySchema>,
    ack: Ack<{ messages: ChatMessageDto[]; nextBefore: string | null }>,
  ) => void;
  /**
   * Messages after one the client has, oldest first, a page at a time: catching up after a
   * drop. While `hasMore`, ask again after the last message answered.
   */
  "chat:since": (
    payload: In<typeof ChatSinceSchema>,
    ack: Ack<{ messages: ChatMessageDto[]; hasMore: boolean }>,
  ) => void;
  "chat:send": (payload: In<typeof ChatSendSchema>, ack: Ack<{ message: ChatMessageDto }>) => void;
  "chat:typing": (payload: In<typeof ChatTypingSchema>) => void;
  "chat:read": (payload: In<typeof ChatReadSchema>, ack?: Ack<object>) => void;
  "chat:edit": (payload: In<typeof ChatEditSchema>, ack?: Ack<{ message: ChatMessageDto }>) => void;
  "chat:delete": (
    payload: In<typeof ChatMessageOnlySchema>,
    ack?: Ack<{ message: ChatMessageDto }>,
  ) => void;
  "chat:hide": (payload: In<typeof ChatHideSchema>, ack?: Ack<{ message: ChatMessageDto }>) => void;
  "chat:report": (payload: In<typeof ChatReportSchema>, ack?: Ack<object>) => void;
  /** Starts receiving a forum board's changes; refused (not_found) without access to it. */
  "forum:subscribe": (payload: In<typeof BoardParamsSchema>, ack?: Ack<object>) => void;
  "forum:unsubscribe": (payload: In<typeof BoardParamsSchema>, ack?: Ack<object>) => void;
}

/** Client events that carry a payload: every one but the health ping. */
export type ClientEvent = Exclude<keyof ClientToServerEvents, "presence:ping">;

/** What the client sends with `E`, as it goes over the wire. */
export type ClientPayload<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];

/** The acknowledgement callback of `E` (never for fire-and-forget events). */
type AckOf<E extends ClientEvent> =
  Parameters<ClientToServerEvents[E]> extends [unknown]
    ? never
    : NonNullable<Parameters<ClientToServerEvents[E]>[1]>;

/** Client events the server answers through an acknowledgement. */
export type RequestEvent = {
  [E in ClientEvent]: [AckOf<E>] extends [never] ? never : E;
}[ClientEvent];

/** Client events sent without waiting for an answer. */
export type FireAndForgetEvent = Exclude<ClientEvent, RequestEvent>;

/** The server's whole answer to `E`: `{ ok: true, ...reply }` or `{ ok: false, error }`. */
export type AckReply<E extends RequestEvent> = Parameters<AckOf<E>>[0];

/** What a successful answer to `E` carries besides `ok: true`. */
export type ReplyOf<E extends RequestEvent> = AckOf<E> extends Ack<infer T> ? T : never;

/** A schema per client event whose accepted input is that event's payload in the contract. */
export type ClientEventSchemas = { [E in ClientEvent]: z.ZodType<unknown, ClientPayload<E>> };

/**
 * The schema each client event's payload is checked with on arrival, in one place. Checked
 * against the contract above, so an event cannot be paired with a schema for another shape.
 */
export const CLIENT_EVENT_SCHEMAS = {
  "room:check": SessionOnlySchema,
  "room:join": JoinRoomSchema,
  "room:leave": SessionOnlySchema,
  "room:admit": PersonInSessionSchema,
  "room:admit-all": SessionOnlySchema,
  "room:decline": DeclineSchema,
  "room:remove": PersonInSessionSchema,
  "room:readmit": PersonInSessionSchema,
  "room:lock": LockSchema,
  "room:end": SessionOnlySchema,
  "room:turn-off": MuteSchema,
  "room:ask-unmute": PersonInSessionSchema,
  "room:allow-screen-share": ScreenShareSchema,
  "hand:raise": HandSchema,
  "hand:lower": PersonInSessionSchema,
  "room:breakouts-open": BreakoutsOpenSchema,
  "room:breakouts-close": SessionOnlySchema,
  "room:breakouts-message": BreakoutsMessageSchema,
  "room:visit": VisitSchema,
  "media:state": MediaStateSchema,
  "media:signal": SignalSchema,
  "media:refresh-credential": SessionOnlySchema,
  "chat:rooms": ChatRoomsSchema,
  "chat:subscribe": ChatRoomOnlySchema,
  "chat:unsubscribe": ChatRoomOnlySchema,
  "chat:history": ChatHistorySchema,
  "chat:since": ChatSinceSchema,
  "chat:send": ChatSendSchema,
  "chat:typing": ChatTypingSchema,
  "chat:read": ChatReadSchema,
  "chat:edit": ChatEditSchema,
  "chat:delete": ChatMessageOnlySchema,
  "chat:hide": ChatHideSchema,
  "chat:report": ChatReportSchema,
  "forum:subscribe": BoardParamsSchema,
  "forum:unsubscribe": BoardParamsSchema,
} as const satisfies ClientEventSchemas;

/** A client event's payload once its schema has accepted (and defaulted) it. */
export type ParsedPayload<E extends ClientEvent> = z.output<(typeof CLIENT_EVENT_SCHEMAS)[E]>;

/** Between server processes: someone's access changed, so each re-checks its own sockets. */
export interface InterServerEvents {
  "access:changed": (payload: { userId: string }) => void;
}

export interface SocketData {
  userId: string;
  role: Role;
  organizationId: string;
  /** The sign-in the socket authenticated with. */
  signInId: string;
  /** The live therapy session this socket is in, once it has joined one. */
  liveSessionId?: string;
}
