import { DisconnectReason, Track } from "livekit-client";
import { describe, expect, it } from "vitest";
import { livekitSource, LivekitSession, shouldReconnect, sourceOf } from "./livekit-session";
import { DIRECT_CREDENTIAL } from "./testing/fakes";

// A LiveKit server cannot run here; what does not need one is tested.
describe("LiveKit mode", () => {
  it("maps LiveKit's track sources to the room's and back", () => {
    expect(sourceOf(Track.Source.Camera)).toBe("camera");
    expect(sourceOf(Track.Source.Microphone)).toBe("microphone");
    expect(sourceOf(Track.Source.ScreenShare)).toBe("screen");
    expect(sourceOf(Track.Source.Unknown)).toBeNull();
    for (const source of ["microphone", "camera", "screen"] as const)
      expect(sourceOf(livekitSource(source))).toBe(source);
  });

  it("connects again after a network failure, but not after being removed, the room closing or leaving", () => {
    expect(shouldReconnect(DisconnectReason.SIGNAL_CLOSE)).toBe(true);
    expect(shouldReconnect(DisconnectReason.JOIN_FAILURE)).toBe(true);
    expect(shouldReconnect(undefined)).toBe(true);
    expect(shouldReconnect(DisconnectReason.PARTICIPANT_REMOVED)).toBe(false);
    expect(shouldReconnect(DisconnectReason.ROOM_DELETED)).toBe(false);
    expect(shouldReconnect(DisconnectReason.CLIENT_INITIATED)).toBe(false);
    expect(shouldReconnect(DisconnectReason.DUPLICATE_IDENTITY)).toBe(false);
  });

  it("refuses a direct-mode credential and starts with no one connected", async () => {
    const session = new LivekitSession();
    expect(session.getState()).toEqual({ connection: "idle", remotes: new Map() });
    await expect(
      session.connect(DIRECT_CREDENTIAL, { microphone: null, camera: null, screen: null }),
    ).rejects.toThrow("LiveKit credential");
  });
});
