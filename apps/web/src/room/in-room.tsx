import { useCallback, useEffect, useId, useState, useSyncExternalStore } from "react";
import { Link } from "react-router";
import type { AudioLevels } from "./audio-levels";
import { BreakoutStatus } from "./breakout-status";
import { ChatPanel } from "./chat-panel";
import { FacilitatorPanel } from "./facilitator-panel";
import type { LocalMediaState } from "./local-media";
import type { RemoteMedia } from "./media-session";
import type { RoomController, RoomState } from "./room-controller";
import {
  canShareScreen,
  connectionBanner,
  describeElapsed,
  formatElapsed,
  gridClass,
  isFacilitator,
  me,
  rosterView,
  tileModels,
  type TileModel,
} from "./room-view";
import { Icon, RemoteAudio, StreamVideo, ToggleButton, useTicker } from "./room-ui";

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "");
  return letters.join("") || "?";
}

function VideoTile({
  tile,
  stream,
  speaking,
  speaker,
}: {
  tile: TileModel;
  stream: MediaStream | null;
  speaking: boolean;
  speaker: boolean;
}) {
  const video =
    stream !== null &&
    (tile.kind === "screen" || (tile.camera && stream.getVideoTracks().length > 0))
      ? stream
      : null;
  const classes = [
    "video-tile",
    tile.kind === "screen" ? "video-tile--screen" : "",
    speaking ? "video-tile--speaking" : "",
    speaker ? "video-tile--speaker" : "",
    tile.reconnecting ? "video-tile--reconnecting" : "",
  ]
    .filter(Boolean)
    .join(" ");
  const name =
    tile.kind === "screen" ? `${tile.name}'s screen` : `${tile.name}${tile.self ? " (you)" : ""}`;
  return (
    <li
      className={classes}
      data-user-id={tile.kind === "camera" ? tile.userId : undefined}
      data-screen-of={tile.kind === "screen" ? tile.userId : undefined}
      data-speaking={speaking ? "true" : undefined}
    >
      {video ? (
        <StreamVideo
          stream={video}
          peerId={tile.userId}
          kind={tile.kind}
          mirror={tile.self}
          local={tile.self}
        />
      ) : (
        <div className="video-tile__placeholder" aria-hidden="true">
          <span className="video-tile__initials">{initials(tile.name)}</span>
        </div>
      )}
      <div className="video-tile__caption">
        <span className="video-tile__name">
          {name}
          {tile.familyLabel && <span className="video-tile__family"> · {tile.familyLabel}</span>}
        </span>
        {tile.kind === "camera" && !tile.microphone && (
          <span className="video-tile__flag video-tile__flag--muted">
            <Icon name="mic-off" />
            <span className="visually-hidden">Microphone off</span>
          </span>
        )}
        {speaking && <span className="video-tile__flag video-tile__flag--speaking">Speaking</span>}
        {tile.handRaised && (
          <span className="video-tile__flag video-tile__flag--hand">
            <Icon name="hand" />
            Hand raised
          </span>
        )}
      </div>
      {tile.reconnecting ? (
        <div className="video-tile__overlay" role="status">
          Reconnecting…
        </div>
      ) : (
        tile.connecting &&
        tile.camera && (
          <div className="video-tile__overlay video-tile__overlay--soft">Connecting…</div>
        )
      )}
    </li>
  );
}

/** Speaking state as a string, so React re-renders only when who is speaking changes. */
function speakingKey(levels: AudioLevels): string {
  const snapshot = levels.getSnapshot();
  return `${[...snapshot.speaking].sort().join(",")}|${snapshot.activeSpeaker ?? ""}`;
}

function wideScreen(): boolean {
  return typeof globalThis.matchMedia === "function"
    ? globalThis.matchMedia("(min-width: 64rem)").matches
    : true;
}

/** The room itself: the grid, my controls, and the chat and facilitator panels. */
export function InRoom({
  state,
  local,
  controller,
  levels,
  timeZone,
}: {
  state: RoomState;
  local: LocalMediaState;
  controller: RoomController;
  levels: AudioLevels;
  timeZone: string;
}) {
  const room = state.room;
  const now = useTicker();
  const chatId = useId();
  const manageId = useId();
  const [chatOpen, setChatOpen] = useState(false);
  // Open beside the video on a wide screen; a drawer opened on demand on a phone.
  const [manageOpen, setManageOpen] = useState(wideScreen);
  const [soundBlocked, setSoundBlocked] = useState(false);
  const chat = useSyncExternalStore(controller.chat.subscribe, controller.chat.getState);
  const speakingState = useSyncExternalStore(levels.subscribe, () => speakingKey(levels));
  const remotes = state.media.remotes;

  useEffect(() => {
    const ids = new Set<string>(["self"]);
    for (const remote of remotes.values()) {
      if (remote.audio) {
        levels.watch(remote.userId, remote.audio);
        ids.add(remote.userId);
      }
    }
    levels.keepOnly(ids);
  }, [remotes, levels]);

  const onBlocked = useCallback(() => setSoundBlocked(true), []);

  if (!room) return null;
  const facilitator = isFacilitator(room);
  const mine = me(room);
  const microphoneLive = local.microphone.on && local.microphone.track !== null;
  const cameraOn = local.camera.track !== null;
  const sharing = local.screen !== null;
  const handRaised = mine?.handRaisedAt != null;
  const [speakingList = "", activeSpeaker = ""] = speakingState.split("|");
  const speaking = new Set(speakingList.split(",").filter(Boolean));
  const tiles = tileModels(room, remotes);
  const waiting = facilitator ? rosterView(room).waiting : [];
  const banner = connectionBanner(state.socket, state.media.connection);
  const elapsed = room.openedAt ? now - Date.parse(room.openedAt) : null;
  const streamFor = (tile: TileModel): MediaStream | null => {
    if (tile.self) return local.preview;
    const remote: RemoteMedia | undefined = remotes.get(tile.userId);
    return (tile.kind === "screen" ? remote?.screen : remote?.camera) ?? null;
  };

  return (
    <div className={`room${chatOpen || (facilitator && manageOpen) ? " room--with-panel" : ""}`}>
      <div className={`room__top${room.breakouts ? " room__top--breakouts" : ""}`}>
        <BreakoutStatus room={room} now={now} />
        {elapsed !== null && (
          <p className="room__elapsed">
            <Icon name="clock" />
            <span className="visually-hidden">Time since the session opened: </span>
            <span role="timer" aria-label={`Elapsed time ${describeElapsed(elapsed)}`}>
              {formatElapsed(elapsed)}
            </span>
          </p>
        )}
      </div>

      <div className="room__messages">
        <div
          className={`room-banner${banner ? ` room-banner--${banner.tone}` : " room-banner--empty"}`}
          role="status"
        >
          {banner?.text}
          {banner?.tone === "error" && (
            <>
              {" "}
              <Link to="/sign-in">Sign in</Link>
            </>
          )}
        </div>
        {state.unmuteRequest && (
          <div className="room-prompt" role="alert">
            <p className="room-prompt__text">{state.unmuteRequest.by} asks you to unmute.</p>
            <div className="actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => void controller.answerUnmuteRequest(true)}
              >
                Unmute
              </button>
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => void controller.answerUnmuteRequest(false)}
              >
                Stay muted
              </button>
            </div>
          </div>
        )}
        {soundBlocked && (
          <div className="room-prompt" role="alert">
            <p className="room-prompt__text">Your browser paused the sound of the session.</p>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                for (const audio of document.querySelectorAll<HTMLAudioElement>(
                  "audio[data-kind='audio']",
                ))
                  void audio.play().catch(() => undefined);
                setSoundBlocked(false);
              }}
            >
              Turn on sound
            </button>
          </div>
        )}
        {/* A notice is a status or an alert: in a list, that role would replace the list item's. */}
        <div className="room-notices">
          {state.notices.map((notice) => (
            <div
              key={notice.id}
              className={`room-notice room-notice--${notice.tone}`}
              role={notice.tone === "error" ? "alert" : "status"}
            >
              <span>{notice.text}</span>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => controller.dismissNotice(notice.id)}
              >
                Dismiss<span className="visually-hidden"> this message</span>
              </button>
            </div>
          ))}
        </div>
        {facilitator && (
          <p className="visually-hidden" role="status">
            {waiting.length > 0
              ? `Waiting to be let in: ${waiting.map((p) => p.displayName).join(", ")}.`
              : ""}
          </p>
        )}
      </div>

      <div className="room__body">
        <section className="room__stage" aria-label="Video">
          <ul className={gridClass(tiles.length)}>
            {tiles.map((tile) => (
              <VideoTile
                key={tile.key}
                tile={tile}
                stream={streamFor(tile)}
                speaking={
                  tile.kind === "camera" &&
                  (tile.self ? microphoneLive && speaking.has("self") : speaking.has(tile.userId))
                }
                speaker={
                  tile.kind === "camera" && tile.userId === activeSpeaker && tiles.length > 2
                }
              />
            ))}
          </ul>
        </section>
        {facilitator && manageOpen && (
          <FacilitatorPanel id={manageId} room={room} busy={state.busy} controls={controller} />
        )}
        {chatOpen && <ChatPanel id={chatId} chat={controller.chat} timeZone={timeZone} />}
      </div>

      <div className="room-audio">
        {[...remotes.values()].map(
          (remote) =>
            remote.audio && (
              <RemoteAudio
                key={remote.userId}
                stream={remote.audio}
                peerId={remote.userId}
                onBlocked={onBlocked}
              />
            ),
        )}
      </div>

      <div className="room-controls" role="group" aria-label="Your controls">
        <ToggleButton
          label="Microphone"
          pressed={microphoneLive}
          icon="mic"
          iconOff="mic-off"
          className="room-toggle--device"
          onClick={() => void controller.setMicrophone(!microphoneLive)}
        />
        <ToggleButton
          label="Camera"
          pressed={cameraOn}
          icon="camera"
          iconOff="camera-off"
          className="room-toggle--device"
          onClick={() => void controller.setCamera(!cameraOn)}
        />
        {canShareScreen(room) && (
          <ToggleButton
            label="Share screen"
            pressed={sharing}
            icon="screen"
            onClick={() => void controller.toggleScreenShare()}
          />
        )}
        <ToggleButton
          label="Raise hand"
          pressed={handRaised}
          icon="hand"
          disabled={state.busy.has("hand")}
          onClick={() => void controller.raiseHand(!handRaised)}
        />
        <button
          type="button"
          className={`room-toggle${chatOpen ? " room-toggle--on" : ""}`}
          aria-expanded={chatOpen}
          aria-controls={chatId}
          onClick={() => {
            // On a phone the panels are drawers in the same place: one at a time.
            if (!chatOpen && !wideScreen()) setManageOpen(false);
            setChatOpen(!chatOpen);
          }}
        >
          <Icon name="chat" />
          <span className="room-toggle__label">Chat</span>
          {chat.unread > 0 && !chatOpen && (
            <span className="room-count">
              {chat.unread}
              <span className="visually-hidden"> unread</span>
            </span>
          )}
        </button>
        {facilitator && (
          <button
            type="button"
            className={`room-toggle${manageOpen ? " room-toggle--on" : ""}`}
            aria-expanded={manageOpen}
            aria-controls={manageId}
            onClick={() => {
              if (!manageOpen && !wideScreen()) setChatOpen(false);
              setManageOpen(!manageOpen);
            }}
          >
            <Icon name="people" />
            <span className="room-toggle__label">Manage room</span>
            {waiting.length > 0 && (
              <span className="room-count">
                {waiting.length}
                <span className="visually-hidden"> waiting</span>
              </span>
            )}
          </button>
        )}
        <button
          type="button"
          className="room-toggle room-toggle--leave"
          onClick={() => controller.leave()}
        >
          <Icon name="leave" />
          <span className="room-toggle__label">Leave session</span>
        </button>
      </div>
    </div>
  );
}
