import { createLiveAdmission } from "./live-admission";
import { BREAKOUT_SWEEP_MS, createLiveBreakouts } from "./live-breakouts";
import { createFacilitatorControls } from "./live-facilitator-controls";
import { createOwnControls } from "./live-own-controls";
import { createLivePresence, RECONNECT_GRACE_MS } from "./live-presence";
import { createLiveRoom, type LiveDeps } from "./live-room";
import { createSignalRelay } from "./live-signal-relay";

/**
 * The live room: waiting room, admission, presence, hands, facilitator controls, breakouts,
 * media credentials and signal relay, each in a module of its own over one shared room core.
 * State lives in the database so several server processes agree; sockets find each other
 * through socket.io rooms (and Redis when several processes run).
 */
export function createLiveService(deps: LiveDeps) {
  const room = createLiveRoom(deps);
  const presence = createLivePresence(room, deps.reconnectGraceMs ?? RECONNECT_GRACE_MS);
  const breakouts = createLiveBreakouts(room, deps.breakoutSweepMs ?? BREAKOUT_SWEEP_MS);
  return {
    ...createLiveAdmission(room, presence),
    ...createFacilitatorControls(room),
    ...createOwnControls(room),
    ...createSignalRelay(room),
    ...breakouts,
    leave: presence.leave,
    dropped: presence.dropped,
    recovered: presence.recovered,

    stop(): void {
      breakouts.stop();
      presence.stop();
    },
  };
}

export type LiveService = ReturnType<typeof createLiveService>;
