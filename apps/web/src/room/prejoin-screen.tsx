import { MAX_DISPLAY_NAME_LENGTH } from "@bridgeway/domain";
import { useId, useState, type SubmitEvent } from "react";
import type { AudioLevels } from "./audio-levels";
import type { DeviceProblem, DeviceState, LocalMedia, LocalMediaState } from "./local-media";
import { displayNameProblem } from "./room-view";
import { MicMeter, StreamVideo, ToggleButton } from "./room-ui";

const NOUN = { camera: "camera", microphone: "microphone" } as const;

/** What to do about a device problem, in plain words. */
export function deviceHelp(kind: "camera" | "microphone", problem: DeviceProblem): string {
  const noun = NOUN[kind];
  const without =
    kind === "camera"
      ? "You can still join with audio only; others will see your name instead of your video."
      : "You can still join without it: others won't hear you, but you can see and hear them and use the chat.";
  switch (problem) {
    case "denied":
      return `Your browser is blocking the ${noun}. To allow it, select the camera or lock icon next to the web address, choose Allow for the camera and microphone, then reload this page. ${without}`;
    case "not-found":
      return `We couldn't find a ${noun}. If you have one, check that it is plugged in and switched on, then select Try again. ${without}`;
    case "in-use":
      return `Your ${noun} seems to be in use by another app (another video call, for example). Close that app, then select Try again. ${without}`;
    case "unsupported":
      return `This browser can't use a ${noun} on this page. Use a recent Chrome, Edge, Firefox or Safari. ${without}`;
    case "failed":
      return `Your ${noun} didn't start. Select Try again. ${without}`;
  }
}

function DevicePicker({
  kind,
  device,
  onSelect,
}: {
  kind: "camera" | "microphone";
  device: DeviceState;
  onSelect: (deviceId: string) => void;
}) {
  const id = useId();
  if (device.devices.length === 0) return null;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {kind === "camera" ? "Camera" : "Microphone"}
      </label>
      <select
        id={id}
        className="field__input"
        value={device.deviceId ?? device.devices[0]?.deviceId ?? ""}
        onChange={(event) => onSelect(event.target.value)}
      >
        {device.devices.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function DeviceProblemNote({
  kind,
  device,
  onRetry,
}: {
  kind: "camera" | "microphone";
  device: DeviceState;
  onRetry: () => void;
}) {
  if (!device.problem) return null;
  const retry = device.problem !== "denied" && device.problem !== "unsupported";
  return (
    <div className="notice room-help" role="status">
      <p>{deviceHelp(kind, device.problem)}</p>
      {retry && (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Try again<span className="visually-hidden"> to start the {NOUN[kind]}</span>
        </button>
      )}
    </div>
  );
}

/** The self view with camera and microphone toggles and the level meter. */
export function SelfPreview({
  local,
  media,
  levels,
  selfId,
}: {
  local: LocalMediaState;
  media: Pick<LocalMedia, "setMicrophone" | "setCamera">;
  levels: AudioLevels;
  selfId: string;
}) {
  const microphoneOn = local.microphone.on && local.microphone.track !== null;
  const cameraOn = local.camera.track !== null;
  return (
    <div className="self-preview">
      <div className="self-preview__frame">
        {local.preview ? (
          <StreamVideo
            stream={local.preview}
            peerId={selfId}
            kind="camera"
            mirror
            local
            label="Your camera preview"
          />
        ) : (
          <p className="self-preview__off">
            {local.status === "starting"
              ? "Starting your camera…"
              : local.camera.on
                ? "No camera picture"
                : "Your camera is off"}
          </p>
        )}
      </div>
      <div className="self-preview__controls">
        <ToggleButton
          label="Microphone"
          pressed={microphoneOn}
          icon="mic"
          iconOff="mic-off"
          className="room-toggle--device"
          onClick={() => void media.setMicrophone(!microphoneOn)}
        />
        <ToggleButton
          label="Camera"
          pressed={cameraOn}
          icon="camera"
          iconOff="camera-off"
          className="room-toggle--device"
          onClick={() => void media.setCamera(!cameraOn)}
        />
      </div>
      <p className="self-preview__status" aria-live="polite">
        {microphoneOn ? "Your microphone is on." : "Your microphone is off."}{" "}
        {cameraOn ? "Your camera is on." : "Your camera is off."}
      </p>
      <MicMeter levels={levels} />
    </div>
  );
}

/**
 * Before joining: see and hear yourself, choose devices, say the name others will see, and one
 * big button. The name starts as the first name only; people choose how much to share.
 */
export function PrejoinScreen({
  title,
  when,
  local,
  media,
  levels,
  defaultName,
  joining,
  onJoin,
}: {
  title: string;
  when: string | null;
  local: LocalMediaState;
  media: Pick<LocalMedia, "setMicrophone" | "setCamera" | "selectDevice">;
  levels: AudioLevels;
  defaultName: string;
  joining: boolean;
  onJoin: (displayName: string) => void;
}) {
  const nameId = useId();
  const hintId = useId();
  const errorId = useId();
  const [name, setName] = useState(defaultName);
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = displayNameProblem(name);
    setProblem(found);
    if (!found) onJoin(name.trim());
  }

  return (
    <div className="prejoin">
      <p className="room-intro">
        <span className="room-intro__title">{title}</span>
        {when && <span className="room-intro__when">{when}</span>}
      </p>
      <div className="prejoin__layout">
        <SelfPreview local={local} media={media} levels={levels} selfId="self" />
        <form className="prejoin__form form" onSubmit={submit} noValidate>
          <DeviceProblemNote
            kind="microphone"
            device={local.microphone}
            onRetry={() => void media.setMicrophone(true)}
          />
          <DeviceProblemNote
            kind="camera"
            device={local.camera}
            onRetry={() => void media.setCamera(true)}
          />
          <DevicePicker
            kind="camera"
            device={local.camera}
            onSelect={(id) => void media.selectDevice("camera", id)}
          />
          <DevicePicker
            kind="microphone"
            device={local.microphone}
            onSelect={(id) => void media.selectDevice("microphone", id)}
          />
          <div className="field">
            <label className="field__label" htmlFor={nameId}>
              Name others will see
            </label>
            <input
              id={nameId}
              className="field__input"
              value={name}
              maxLength={MAX_DISPLAY_NAME_LENGTH}
              autoComplete="nickname"
              aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
              aria-invalid={problem ? true : undefined}
              onChange={(event) => setName(event.target.value)}
            />
            <p id={hintId} className="field__hint">
              Your first name is suggested. You can change it to what you would like the group to
              call you.
            </p>
            {problem && (
              <p id={errorId} className="field__error">
                {problem}
              </p>
            )}
          </div>
          <button type="submit" className="button button--join button--block" disabled={joining}>
            {joining ? "Joining…" : "Join session"}
          </button>
        </form>
      </div>
    </div>
  );
}
