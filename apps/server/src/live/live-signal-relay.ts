import { signalRefusal, type Actor, type SignalPayload } from "@bridgeway/domain";
import { notAdmitted, notInSession, refuse } from "./live-refusal";
import { rooms, type LiveRoom } from "./live-room";

/** Direct mode: offers, answers and candidates passed between two browsers in the same room. */
export function createSignalRelay(room: LiveRoom) {
  const { io, live, media } = room.deps;
  return {
    /**
     * Relays an offer, answer or candidate between two people in the room. A join sends a few
     * dozen in a burst, so the two places are read through the short-lived standing cache while
     * the sender's socket is still in the admitted room (removal takes it out on every process
     * at once); a signal is refused only on a fresh read.
     */
    async relaySignal(
      actor: Actor,
      sessionId: string,
      to: string,
      signal: SignalPayload,
      senderInRoom: boolean,
    ): Promise<void> {
      if (media.mode !== "direct")
        throw refuse("forbidden", "This session's video runs through the media server.");
      const read = (userId: string) =>
        senderInRoom ? live.standing(sessionId, userId) : live.attendee(sessionId, userId);
      let refusal = signalRefusal(...(await Promise.all([read(actor.userId), read(to)])));
      if (refusal !== null && senderInRoom)
        refusal = signalRefusal(
          ...(await Promise.all([
            live.attendee(sessionId, actor.userId),
            live.attendee(sessionId, to),
          ])),
        );
      switch (refusal) {
        case "sender-not-admitted":
          throw notAdmitted();
        case "not-in-session":
          throw notInSession();
        // Breakout rooms are separate meshes: video flows only between people in the same room.
        case "other-room":
          throw refuse("not_found", "That person is in another room.");
        case null:
          break;
      }
      io.to(rooms.person(sessionId, to)).emit("media:signal", {
        sessionId,
        from: actor.userId,
        signal,
      });
    },
  };
}
