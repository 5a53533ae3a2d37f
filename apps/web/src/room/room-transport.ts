import type { FireAndForgetEvent } from "@bridgeway/domain";
import type { AppSocket } from "../realtime/socket";
import { socketRealtimeTransport, type RealtimeTransport } from "../realtime/transport";

/** Events the room sends without waiting for an answer. */
export type FireAndForget = FireAndForgetEvent;

/**
 * The room's view of the socket: requests with answers, fire-and-forget events, listeners, and
 * the connection's ups and downs. The room controller depends on this, not on socket.io, so
 * its tests drive it with a fake.
 */
export type RoomTransport = RealtimeTransport;

/** The page's shared socket as a RoomTransport; the socket is opened on first use. */
export function socketTransport(get?: () => AppSocket): RoomTransport {
  return socketRealtimeTransport(get);
}
