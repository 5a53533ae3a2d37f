import { MAX_DISPLAY_NAME_LENGTH } from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { useId, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AudioLevels } from "./audio-levels";
import type { DeviceProblem, DeviceState, LocalMedia, LocalMediaState } from "./local-media";
import { displayNameProblem } from "./room-view";
import { MicMeter, StreamVideo, ToggleButton } from "./room-ui";

/** What to do about a device problem, in plain words. */
export function deviceHelp(
  kind: "camera" | "microphone",
  problem: DeviceProblem,
  t: TFunction<"room">,
): string {
  const words = {
    noun: t(`device.${kind}`),
    theNoun: t(`device.the.${kind}`),
    aNoun: t(`device.a.${kind}`),
    without: kind === "camera" ? t("device.withoutCamera") : t("device.withoutMicrophone"),
  };
  switch (problem) {
    case "denied":
      return t("device.denied", words);
    case "not-found":
      return t("device.notFound", words);
    case "in-use":
      return t("device.inUse", words);
    case "unsupported":
      return t("device.unsupported", words);
    case "failed":
      return t("device.failed", words);
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
  const { t } = useTranslation("room");
  const id = useId();
  if (device.devices.length === 0) return null;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {kind === "camera" ? t("device.cameraLabel") : t("device.microphoneLabel")}
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
  const { t } = useTranslation("room");
  if (!device.problem) return null;
  const retry = device.problem !== "denied" && device.problem !== "unsupported";
  return (
    <div className="notice room-help" role="status">
      <p>{deviceHelp(kind, device.problem, t)}</p>
      {retry && (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          {t("device.tryAgain")}
          <span className="visually-hidden">
            {t("device.toStart", { noun: t(`device.${kind}`) })}
          </span>
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
  const { t } = useTranslation("room");
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
            label={t("preview.label")}
          />
        ) : (
          <p className="self-preview__off">
            {local.status === "starting"
              ? t("preview.starting")
              : local.camera.on
                ? t("preview.noPicture")
                : t("preview.cameraOff")}
          </p>
        )}
      </div>
      <div className="self-preview__controls">
        <ToggleButton
          label={t("device.microphoneLabel")}
          pressed={microphoneOn}
          icon="mic"
          iconOff="mic-off"
          className="room-toggle--device"
          onClick={() => void media.setMicrophone(!microphoneOn)}
        />
        <ToggleButton
          label={t("device.cameraLabel")}
          pressed={cameraOn}
          icon="camera"
          iconOff="camera-off"
          className="room-toggle--device"
          onClick={() => void media.setCamera(!cameraOn)}
        />
      </div>
      <p className="self-preview__status" aria-live="polite">
        {microphoneOn ? t("preview.microphoneOn") : t("preview.microphoneOff")}{" "}
        {cameraOn ? t("preview.cameraOnSentence") : t("preview.cameraOffSentence")}
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
  audioOnly = false,
  onAudioOnly,
}: {
  title: string;
  when: string | null;
  local: LocalMediaState;
  media: Pick<LocalMedia, "setMicrophone" | "setCamera" | "selectDevice">;
  levels: AudioLevels;
  defaultName: string;
  joining: boolean;
  onJoin: (displayName: string) => void;
  /** Join by audio only: no camera sent, no video received (for a weak connection). */
  audioOnly?: boolean;
  onAudioOnly?: (on: boolean) => void;
}) {
  const { t } = useTranslation("room");
  const nameId = useId();
  const hintId = useId();
  const errorId = useId();
  const [name, setName] = useState(defaultName);
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = displayNameProblem(name, t);
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
              {t("prejoin.name")}
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
              {t("prejoin.nameHint")}
            </p>
            {problem && (
              <p id={errorId} className="field__error">
                {problem}
              </p>
            )}
          </div>
          {onAudioOnly && (
            <div className="field">
              <label className="choice choice--block">
                <input
                  type="checkbox"
                  checked={audioOnly}
                  onChange={(event) => onAudioOnly(event.target.checked)}
                />{" "}
                {t("prejoin.audioOnly")}
              </label>
              <p className="field__hint">{t("prejoin.audioOnlyHint")}</p>
            </div>
          )}
          <button type="submit" className="button button--join button--block" disabled={joining}>
            {joining ? t("prejoin.joining") : t("prejoin.join")}
          </button>
        </form>
      </div>
    </div>
  );
}
