import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { METER_STEPS, type AudioLevels } from "./audio-levels";

/** Small building blocks of the room's screens. */

type IconName =
  | "mic"
  | "mic-off"
  | "camera"
  | "camera-off"
  | "screen"
  | "hand"
  | "chat"
  | "people"
  | "leave"
  | "clock";

const PATHS: Record<IconName, ReactNode> = {
  mic: (
    <>
      <rect x="9" y="3" width="6" height="11" rx="3" />
      <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
    </>
  ),
  "mic-off": (
    <>
      <rect x="9" y="3" width="6" height="11" rx="3" />
      <path d="M5 11a7 7 0 0 0 14 0M12 18v3M3 3l18 18" />
    </>
  ),
  camera: (
    <>
      <rect x="3" y="6" width="13" height="12" rx="2" />
      <path d="M16 10l5-3v10l-5-3z" />
    </>
  ),
  "camera-off": (
    <>
      <rect x="3" y="6" width="13" height="12" rx="2" />
      <path d="M16 10l5-3v10l-5-3zM3 3l18 18" />
    </>
  ),
  screen: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
  hand: (
    <path d="M7 13V6a1.5 1.5 0 0 1 3 0v5V4a1.5 1.5 0 0 1 3 0v7V5a1.5 1.5 0 0 1 3 0v6V8a1.5 1.5 0 0 1 3 0v6a7 7 0 0 1-7 7h-1a6 6 0 0 1-5-3l-2.5-4.5a1.5 1.5 0 0 1 2.5-1.6L7 13" />
  ),
  chat: <path d="M4 5h16v11H9l-5 4z" />,
  people: (
    <>
      <circle cx="9" cy="8" r="3" />
      <path d="M3 20a6 6 0 0 1 12 0M16 5a3 3 0 0 1 0 6M18 14a6 6 0 0 1 3 6" />
    </>
  ),
  leave: <path d="M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10" />,
  clock: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </>
  ),
};

/** A line icon; decorative, so screen readers skip it (the control's text names it). */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {PATHS[name]}
    </svg>
  );
}

/**
 * An on/off button: its name stays the same and `aria-pressed` says whether it is on, which
 * is how screen readers announce toggles.
 */
export function ToggleButton({
  label,
  pressed,
  onClick,
  icon,
  iconOff,
  disabled = false,
  className = "",
  children,
}: {
  label: string;
  pressed: boolean;
  onClick: () => void;
  icon: IconName;
  iconOff?: IconName;
  disabled?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`room-toggle ${pressed ? "room-toggle--on" : "room-toggle--off"} ${className}`}
      aria-pressed={pressed}
      onClick={onClick}
      disabled={disabled}
    >
      <Icon name={pressed || !iconOff ? icon : iconOff} />
      <span className="room-toggle__label">{label}</span>
      {children}
    </button>
  );
}

/** Plays `stream` in a muted <video>; sound is played separately (see RemoteAudio). */
export function StreamVideo({
  stream,
  peerId,
  kind,
  mirror = false,
  local = false,
  label,
}: {
  stream: MediaStream;
  peerId: string;
  kind: "camera" | "screen";
  mirror?: boolean;
  local?: boolean;
  label?: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = stream;
    // Autoplay of a muted video is always allowed; play() only covers browsers that wait.
    Promise.resolve()
      .then(() => video.play())
      .catch(() => undefined);
    return () => {
      video.srcObject = null;
    };
  }, [stream]);
  return (
    <video
      ref={ref}
      className={`video-tile__video${mirror ? " video-tile__video--mirror" : ""}${kind === "screen" ? " video-tile__video--screen" : ""}`}
      autoPlay
      playsInline
      muted
      data-peer-id={peerId}
      data-kind={kind}
      data-local={local ? "true" : undefined}
      aria-label={label}
    />
  );
}

/** Plays a remote person's sound. A blocked autoplay is reported so a button can unblock it. */
export function RemoteAudio({
  stream,
  peerId,
  onBlocked,
}: {
  stream: MediaStream;
  peerId: string;
  onBlocked: () => void;
}) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = stream;
    // Some browsers (and test DOMs) answer play() with nothing rather than a promise.
    Promise.resolve()
      .then(() => audio.play())
      .catch(() => onBlocked());
    return () => {
      audio.srcObject = null;
    };
  }, [stream, onBlocked]);
  return <audio ref={ref} autoPlay data-peer-id={peerId} data-kind="audio" />;
}

function meterText(steps: number, t: TFunction<"room">): string {
  if (steps === 0) return t("meter.silent");
  if (steps <= 3) return t("meter.quiet");
  if (steps <= 9) return t("meter.good");
  return t("meter.loud");
}

/** The microphone level as an accessible meter of lit segments (no inline widths needed). */
export function MicMeter({ levels, id = "self" }: { levels: AudioLevels; id?: string }) {
  const steps = useSyncExternalStore(
    levels.subscribe,
    () => levels.getSnapshot().steps.get(id) ?? 0,
  );
  const labelId = useId();
  const { t } = useTranslation("room");
  return (
    <div className="mic-meter">
      <span id={labelId} className="mic-meter__label">
        {t("meter.label")}
      </span>
      <div
        className="mic-meter__bar"
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={METER_STEPS}
        aria-valuenow={steps}
        aria-valuetext={meterText(steps, t)}
      >
        {Array.from({ length: METER_STEPS }, (_, i) => (
          <span
            key={i}
            className={`mic-meter__step${i < steps ? " mic-meter__step--on" : ""}${i >= METER_STEPS - 2 ? " mic-meter__step--peak" : ""}`}
          />
        ))}
      </div>
    </div>
  );
}

/** A clock that re-renders every `intervalMs` (1 s by default). */
export function useTicker(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
