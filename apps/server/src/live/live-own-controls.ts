import type { Actor, MediaCredential } from "@bridgeway/domain";
import { notAdmitted, refuse } from "./live-refusal";
import type { LiveRoom } from "./live-room";

/** What each person in the room does for themselves: a raised hand, their media, a new credential. */
export function createOwnControls(room: LiveRoom) {
  const { live, clock } = room.deps;

  async function admittedMe(actor: Actor, sessionId: string) {
    const me = await live.attendee(sessionId, actor.userId);
    if (me?.status !== "ADMITTED") throw notAdmitted();
    return me;
  }

  return {
    async raiseHand(actor: Actor, sessionId: string, raised: boolean): Promise<void> {
      const me = await admittedMe(actor, sessionId);
      await live.update(sessionId, actor.userId, {
        handRaisedAt: raised ? (me.handRaisedAt ?? clock.now()) : null,
      });
      await room.broadcast(sessionId);
    },

    async mediaState(
      actor: Actor,
      sessionId: string,
      state: { microphone: boolean; camera: boolean; screen: boolean; audioOnly?: boolean },
    ): Promise<void> {
      const me = await admittedMe(actor, sessionId);
      if (state.screen && !me.screenShareAllowed && me.role !== "facilitator") {
        throw refuse("forbidden", "Ask the facilitator to let you share your screen.");
      }
      const audioOnly = state.audioOnly ?? me.audioOnly;
      // Audio-only sends no camera, whatever the client says.
      const media = {
        microphone: state.microphone,
        camera: state.camera && !audioOnly,
        screen: state.screen,
        audioOnly,
      };
      // Said again (every join and reconnect does): the room already shows it.
      if (
        media.microphone === me.microphone &&
        media.camera === me.camera &&
        media.screen === me.screen &&
        audioOnly === me.audioOnly
      )
        return;
      await live.update(sessionId, actor.userId, media);
      if (audioOnly !== me.audioOnly)
        await live.switchModality(sessionId, actor.userId, clock.now(), audioOnly);
      await room.broadcast(sessionId);
    },

    async refreshCredential(actor: Actor, sessionId: string): Promise<MediaCredential> {
      await room.access(actor, sessionId);
      const [me, state] = await Promise.all([
        live.attendee(sessionId, actor.userId),
        live.room(sessionId),
      ]);
      if (state?.endedAt) throw refuse("ended", "This session has ended.");
      if (me?.status !== "ADMITTED") throw notAdmitted();
      return room.credentialFor(sessionId, me);
    },
  };
}
