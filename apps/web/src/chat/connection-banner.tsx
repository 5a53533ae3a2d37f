import { useTranslation } from "react-i18next";
import { FORBIDDEN_ORIGIN, type ConnectionState } from "./connection";

/**
 * The connection in words, only when it is not simply working: opening, dropped (and healing by
 * itself), or refused. A recovered connection says nothing.
 */
export function ConnectionBanner({ state }: { state: ConnectionState }) {
  const { t } = useTranslation("chat");
  return (
    <div className="status-slot" role="status">
      {state.status === "connecting" && (
        <p className="chat-connection">
          <span className="spinner" aria-hidden="true" /> {t("connecting")}
        </p>
      )}
      {state.status === "reconnecting" && (
        <p className="chat-connection chat-connection--down">{t("reconnecting")}</p>
      )}
      {state.status === "refused" && (
        <p className="chat-connection chat-connection--down">
          {state.message === FORBIDDEN_ORIGIN ? t("forbiddenOrigin") : state.message}
        </p>
      )}
    </div>
  );
}
