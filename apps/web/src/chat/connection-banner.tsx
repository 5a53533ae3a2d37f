import type { ConnectionState } from "./connection";

/**
 * The connection in words, only when it is not simply working: opening, dropped (and healing by
 * itself), or refused. A recovered connection says nothing.
 */
export function ConnectionBanner({ state }: { state: ConnectionState }) {
  return (
    <div className="status-slot" role="status">
      {state.status === "connecting" && (
        <p className="chat-connection">
          <span className="spinner" aria-hidden="true" /> Connecting…
        </p>
      )}
      {state.status === "reconnecting" && (
        <p className="chat-connection chat-connection--down">
          Reconnecting… messages will arrive when you&apos;re back.
        </p>
      )}
      {state.status === "refused" && (
        <p className="chat-connection chat-connection--down">{state.message}</p>
      )}
    </div>
  );
}
