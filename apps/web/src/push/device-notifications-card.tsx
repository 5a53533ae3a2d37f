import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../api/api-client";
import { useServices } from "../app/services-context";
import { createPushApi } from "./push-api";
import { browserPushDevice, type PushDevice } from "./push-device";

/** Where this device stands; each state says what the person can do next. */
type DeviceState =
  | { kind: "checking" }
  | { kind: "unsupported" }
  | { kind: "blocked" }
  | { kind: "off" }
  | { kind: "on"; endpoint: string };

/**
 * `/account`: the person turns notifications on or off for the device in their hand. The
 * browser's permission is asked only when they turn them on.
 */
export function DeviceNotificationsCard({ device: given }: { device?: PushDevice }) {
  const { t } = useTranslation("reminders");
  const { api } = useServices();
  const push = useMemo(() => createPushApi(api), [api]);
  const device = useMemo(() => given ?? browserPushDevice(), [given]);
  const headingId = useId();
  const captionId = useId();
  const [state, setState] = useState<DeviceState>(() => {
    const support = device.support();
    return support === "unsupported" || support === "blocked"
      ? { kind: support }
      : { kind: "checking" };
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const support = device.support();
    if (support === "unsupported" || support === "blocked") return;
    device
      .current()
      .then((current) => {
        if (!live) return;
        setState(
          current && support === "granted"
            ? { kind: "on", endpoint: current.endpoint }
            : { kind: "off" },
        );
      })
      .catch(() => {
        if (live) setState({ kind: "off" });
      });
    return () => {
      live = false;
    };
  }, [device]);

  async function turnOn() {
    const permission = await device.requestPermission();
    if (permission === "denied") {
      setState({ kind: "blocked" });
      return;
    }
    if (permission !== "granted") {
      setError(t("device.notAllowed"));
      return;
    }
    const { publicKey } = await push.config();
    const subscription = await device.subscribe(publicKey);
    try {
      await push.subscribe(subscription);
    } catch (failure) {
      // Not stored by the server: leave the browser unsubscribed too, so the switch tells the truth.
      await device.unsubscribe().catch(() => undefined);
      throw failure;
    }
    setState({ kind: "on", endpoint: subscription.endpoint });
  }

  async function turnOff(endpoint: string) {
    const ended = await device.unsubscribe();
    await push.unsubscribe(ended ?? endpoint);
    setState({ kind: "off" });
  }

  function toggle() {
    if (busy || (state.kind !== "on" && state.kind !== "off")) return;
    setBusy(true);
    setError(null);
    const work = state.kind === "on" ? turnOff(state.endpoint) : turnOn();
    work
      .catch((failure: unknown) => {
        setError(
          failure instanceof DOMException || failure instanceof TypeError
            ? t("device.browserFailed")
            : describeError(failure),
        );
      })
      .finally(() => setBusy(false));
  }

  const switchable = state.kind === "on" || state.kind === "off";
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t("device.title")}
      </h2>
      {state.kind === "checking" ? (
        <p className="hint" role="status">
          {t("device.checking")}
        </p>
      ) : (
        <>
          {switchable && (
            <div className="actions">
              <button
                type="button"
                role="switch"
                className="button button--secondary"
                aria-checked={state.kind === "on"}
                aria-labelledby={headingId}
                aria-describedby={captionId}
                aria-busy={busy}
                disabled={busy}
                onClick={toggle}
              >
                {busy
                  ? t("device.working")
                  : state.kind === "on"
                    ? t("device.on")
                    : t("device.off")}
              </button>
            </div>
          )}
          <p id={captionId} className="hint" role="status">
            {t(`device.caption.${state.kind}`)}
          </p>
        </>
      )}
      {error !== null && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
