import type { MediaCredential } from "@bridgeway/domain";
import { DirectMeshSession } from "./direct-mesh-session";
import type { MediaSession, MediaSessionDeps } from "./media-session";

const loadLivekit = () => import("./livekit-session");

/**
 * The media session for `mode`. LiveKit's client is large, so it is loaded only when a
 * session actually runs on LiveKit; direct mode is small and comes with the room.
 */
export async function createMediaSession(
  mode: MediaCredential["mode"],
  deps: MediaSessionDeps,
): Promise<MediaSession> {
  switch (mode) {
    case "direct":
      return new DirectMeshSession(deps);
    case "livekit": {
      const { LivekitSession } = await loadLivekit();
      return new LivekitSession();
    }
  }
}

/** Starts downloading what `mode` needs, while the person is still in the waiting room. */
export function preloadMediaSession(mode: MediaCredential["mode"]): void {
  if (mode === "livekit") void loadLivekit().catch(() => undefined);
}
