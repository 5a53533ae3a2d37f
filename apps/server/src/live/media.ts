import type { LiveRole, MediaCredential } from "@bridgeway/domain";
import { MEDIA_CREDENTIAL_TTL_SECONDS } from "@bridgeway/domain";
import { AccessToken, RoomServiceClient, TrackSource } from "livekit-server-sdk";
import type { IceServer, MediaConfig } from "../config";
import { turnCredential, type TurnConfig } from "./turn-credentials";

/** The LiveKit room of a Bridgeway session, or of one of its breakout rooms. */
export const livekitRoomName = (sessionId: string, breakoutId: string | null = null): string =>
  breakoutId ? `session-${sessionId}-breakout-${breakoutId}` : `session-${sessionId}`;

export type MediaPerson = { userId: string; displayName: string; role: LiveRole };

/**
 * What the live room needs from the media layer. Direct mode (browser-to-browser) has no media
 * server: clients enforce the controls they are sent over the socket. LiveKit mode enforces them
 * on the server as well, through its RoomService API.
 */
export type MediaProvider = {
  mode: "direct" | "livekit";
  credential(
    sessionId: string,
    person: MediaPerson,
    options: { screenShare: boolean; breakoutId?: string | null },
  ): Promise<MediaCredential>;
  turnOff(sessionId: string, userId: string, kind: "microphone" | "camera"): Promise<void>;
  setScreenShare(sessionId: string, person: MediaPerson, allowed: boolean): Promise<void>;
  remove(sessionId: string, userId: string): Promise<void>;
  end(sessionId: string): Promise<void>;
};

/**
 * Direct mode's credential: the configured STUN/TURN servers plus, when a TURN server shares a
 * secret with us, a TURN credential of the person's own that expires (only admitted people are
 * ever given a credential, so only they can relay through our TURN server).
 */
export function createDirectMedia(
  iceServers: IceServer[],
  now: () => Date,
  turn: TurnConfig | null = null,
): MediaProvider {
  return {
    mode: "direct",
    credential(_sessionId, person) {
      const relay = turn ? turnCredential(turn, person.userId, now()) : null;
      return Promise.resolve({
        mode: "direct",
        iceServers: relay
          ? [
              ...iceServers,
              { urls: relay.urls, username: relay.username, credential: relay.credential },
            ]
          : iceServers,
        expiresAt: new Date(now().getTime() + MEDIA_CREDENTIAL_TTL_SECONDS * 1000).toISOString(),
      });
    },
    turnOff: () => Promise.resolve(),
    setScreenShare: () => Promise.resolve(),
    remove: () => Promise.resolve(),
    end: () => Promise.resolve(),
  };
}

/** Sources a person may publish: clinicians everything; others camera and mic, screen if allowed. */
export function publishSources(role: LiveRole, screenShare: boolean): TrackSource[] {
  const sources = [TrackSource.CAMERA, TrackSource.MICROPHONE];
  if (role === "facilitator" || screenShare)
    sources.push(TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO);
  return sources;
}

/** LiveKit's API speaks HTTP at the same host clients reach over WebSocket. */
export function livekitApiUrl(url: string): string {
  return url.replace(/^ws(s?):\/\//, "http$1://");
}

export function createLivekitMedia(
  config: Extract<MediaConfig, { kind: "livekit" }>,
  now: () => Date,
): MediaProvider {
  const rooms = new RoomServiceClient(
    livekitApiUrl(config.apiUrl),
    config.apiKey,
    config.apiSecret,
  );

  return {
    mode: "livekit",
    async credential(sessionId, person, options) {
      const token = new AccessToken(config.apiKey, config.apiSecret, {
        identity: person.userId,
        name: person.displayName,
        ttl: config.tokenTtlSeconds,
        metadata: JSON.stringify({ role: person.role }),
      });
      const room = livekitRoomName(sessionId, options.breakoutId ?? null);
      token.addGrant({
        room,
        roomJoin: true,
        roomAdmin: person.role === "facilitator",
        canSubscribe: true,
        canPublish: true,
        canPublishData: true,
        canPublishSources: publishSources(person.role, options.screenShare),
        canUpdateOwnMetadata: false,
      });
      return {
        mode: "livekit",
        url: config.url,
        token: await token.toJwt(),
        room,
        expiresAt: new Date(now().getTime() + config.tokenTtlSeconds * 1000).toISOString(),
      };
    },

    async turnOff(sessionId, userId, kind) {
      const room = livekitRoomName(sessionId);
      const participant = await rooms.getParticipant(room, userId);
      const source = kind === "microphone" ? TrackSource.MICROPHONE : TrackSource.CAMERA;
      for (const track of participant.tracks) {
        if (track.source === source && !track.muted)
          await rooms.mutePublishedTrack(room, userId, track.sid, true);
      }
    },

    async setScreenShare(sessionId, person, allowed) {
      await rooms.updateParticipant(livekitRoomName(sessionId), person.userId, {
        permission: {
          canSubscribe: true,
          canPublish: true,
          canPublishData: true,
          canPublishSources: publishSources(person.role, allowed),
        },
      });
    },

    async remove(sessionId, userId) {
      // Tokens issued before now stop working, so the removed person cannot reconnect with one.
      await rooms.removeParticipant(livekitRoomName(sessionId), userId, {
        revokeTokenTs: BigInt(Math.floor(now().getTime() / 1000)),
      });
    },

    async end(sessionId) {
      await rooms.deleteRoom(livekitRoomName(sessionId));
    },
  };
}
