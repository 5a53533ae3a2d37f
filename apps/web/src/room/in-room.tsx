import { useCallback, useEffect, useId, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AudioLevels } from "./audio-levels";
import { BreakoutStatus } from "./breakout-status";
import { ChatPanel } from "./chat-panel";
import { FacilitatorPanel } from "./facilitator-panel";
import { NotJoinedSection } from "../reminders/not-joined-section";
import type { LocalMediaState } from "./local-media";
import type { RemoteMedia } from "./media-session";
import type { RoomController, RoomState } from "./room-controller";
import {
  canShareScreen,
  connectionBanner,
  describeElapsed,
  familyLabelText,
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
  audioOnly,
}: {
  tile: TileModel;
  stream: MediaStream | null;
  speaking: boolean;
  speaker: boolean;
  /** They take part by audio only. */
  audioOnly: boolean;
}) {
  const { t } = useTranslation("room");
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
    tile.kind === "screen"
      ? t("tile.screenOf", { name: tile.name })
      : tile.self
        ? t("tile.you", { name: tile.name })
        : tile.name;
  const familyLabel = tile.familyLabel ? familyLabelText(tile.familyLabel, t) : null;
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
        <span className="video-tile__name" title={familyLabel ? `${name} · ${familyLabel}` : name}>
          {name}
          {familyLabel && <span className="video-tile__family"> · {familyLabel}</span>}
        </span>
        {tile.kind === "camera" && !tile.microphone && (
          <span className="video-tile__flag video-tile__flag--muted">
            <Icon name="mic-off" />
            <span className="visually-hidden">{t("tile.micOff")}</span>
          </span>
        )}
        {tile.kind === "camera" && audioOnly && (
          <span className="video-tile__flag video-tile__flag--audio-only">
            {t("tile.audioOnly")}
          </span>
        )}
        {speaking && (
          <span className="video-tile__flag video-tile__flag--speaking">{t("tile.speaking")}</span>
        )}
        {tile.handRaised && (
          <span className="video-tile__flag video-tile__flag--hand">
            <Icon name="hand" />
            {t("tile.hand")}
          </span>
        )}
      </div>
      {tile.reconnecting ? (
        <div className="video-tile__overlay" role="status">
          {t("tile.reconnecting")}
        </div>
      ) : (
        tile.connecting &&
        tile.camera && (
          <div className="video-tile__overlay video-tile__overlay--soft">
            {t("tile.connecting")}
          </div>
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
  const { t } = useTranslation("room");
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
  const banner = connectionBanner(state.socket, state.media.connection, t);
  const elapsed = room.openedAt ? now - Date.parse(room.openedAt) : null;
  const streamFor = (tile: TileModel): MediaStream | null => {
    if (tile.self) return local.preview;
    // Audio-only receives no video: show names, not frozen pictures.
    if (state.audioOnly) return null;
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
            <span className="visually-hidden">{t("inRoom.sinceOpened")}</span>
            <span
              role="timer"
              aria-label={t("inRoom.elapsed", { elapsed: describeElapsed(elapsed, t) })}
            >
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
              <Link to="/sign-in">{t("inRoom.signIn")}</Link>
            </>
          )}
        </div>
        {state.unmuteRequest && (
          <div className="room-prompt" role="alert">
            <p className="room-prompt__text">
              {t("inRoom.unmuteAsk", { name: state.unmuteRequest.by })}
            </p>
            <div className="actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => void controller.answerUnmuteRequest(true)}
              >
                {t("inRoom.unmute")}
              </button>
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => void controller.answerUnmuteRequest(false)}
              >
                {t("inRoom.stayMuted")}
              </button>
            </div>
          </div>
        )}
        {state.audioOnly ? (
          <div className="room-prompt" role="status" data-link="audio-only">
            <p className="room-prompt__text">{t("inRoom.audioOnlyOn")}</p>
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => void controller.setAudioOnly(false)}
            >
              {t("inRoom.videoBack")}
            </button>
          </div>
        ) : state.link.suggestAudioOnly ? (
          <div className="room-prompt" role="alert" data-link="poor">
            <p className="room-prompt__text">{t("inRoom.weak")}</p>
            <button
              type="button"
              className="button button--small"
              onClick={() => void controller.setAudioOnly(true)}
            >
              {t("inRoom.switchAudioOnly")}
            </button>
          </div>
        ) : (
          state.link.reduceVideo &&
          cameraOn && (
            <div className="room-prompt" role="status" data-link="reduced">
              <p className="room-prompt__text">{t("inRoom.slow")}</p>
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => void controller.setAudioOnly(true)}
              >
                {t("inRoom.switchAudioOnly")}
              </button>
            </div>
          )
        )}
        {soundBlocked && (
          <div className="room-prompt" role="alert">
            <p className="room-prompt__text">{t("inRoom.soundPaused")}</p>
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
              {t("inRoom.soundOn")}
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
                {t("inRoom.dismiss")}
                <span className="visually-hidden">{t("inRoom.dismissHidden")}</span>
              </button>
            </div>
          ))}
        </div>
        {facilitator && (
          <p className="visually-hidden" role="status">
            {waiting.length > 0
              ? t("inRoom.waitingToBeLetIn", {
                  names: waiting.map((p) => p.displayName).join(", "),
                })
              : ""}
          </p>
        )}
      </div>

      <div className="room__body">
        <section className="room__stage" aria-label={t("inRoom.video")}>
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
                audioOnly={room.people.some((p) => p.userId === tile.userId && p.audioOnly)}
              />
            ))}
          </ul>
        </section>
        {facilitator && manageOpen && (
          <FacilitatorPanel
            id={manageId}
            room={room}
            busy={state.busy}
            controls={controller}
            notJoined={<NotJoinedSection sessionId={room.sessionId} />}
          />
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

      <div className="room-controls" role="group" aria-label={t("inRoom.controls")}>
        <ToggleButton
          label={t("inRoom.microphone")}
          pressed={microphoneLive}
          icon="mic"
          iconOff="mic-off"
          className="room-toggle--device"
          onClick={() => void controller.setMicrophone(!microphoneLive)}
        />
        <ToggleButton
          label={t("inRoom.camera")}
          pressed={cameraOn}
          icon="camera"
          iconOff="camera-off"
          className="room-toggle--device"
          onClick={() => void controller.setCamera(!cameraOn)}
        />
        <ToggleButton
          label={t("inRoom.audioOnly")}
          pressed={state.audioOnly}
          icon="mic"
          onClick={() => void controller.setAudioOnly(!state.audioOnly)}
        />
        {canShareScreen(room) && (
          <ToggleButton
            label={t("inRoom.shareScreen")}
            pressed={sharing}
            icon="screen"
            onClick={() => void controller.toggleScreenShare()}
          />
        )}
        <ToggleButton
          label={t("inRoom.raiseHand")}
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
          <span className="room-toggle__label">{t("inRoom.chat")}</span>
          {chat.unread > 0 && !chatOpen && (
            <span className="room-count">
              {chat.unread}
              <span className="visually-hidden">{t("inRoom.unread")}</span>
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
            <span className="room-toggle__label">{t("inRoom.manage")}</span>
            {waiting.length > 0 && (
              <span className="room-count">
                {waiting.length}
                <span className="visually-hidden">{t("inRoom.waiting")}</span>
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
          <span className="room-toggle__label">{t("inRoom.leave")}</span>
        </button>
      </div>
    </div>
  );
}
