import { ConfirmDialog } from "../forms/confirm-dialog";
import {
  MAX_DECLINE_MESSAGE_LENGTH,
  type LivePerson,
  type LiveRole,
  type RoomSnapshot,
} from "@bridgeway/domain";
import { useId, useState, type ReactNode } from "react";
import { HiddenContext } from "../shell/hidden-context";
import { BreakoutPanel, type BreakoutControls } from "./breakout-panel";
import type { RoomController } from "./room-controller";
import { familyLabelOf, handsInOrder, isMultiFamily, presenceLabel, rosterView } from "./room-view";

type Controls = Pick<
  RoomController,
  | "admit"
  | "admitAll"
  | "decline"
  | "remove"
  | "letBackIn"
  | "setLocked"
  | "endForEveryone"
  | "turnOff"
  | "askToUnmute"
  | "allowScreenShare"
  | "lowerHand"
> &
  BreakoutControls;

type DialogState =
  | { kind: "decline"; person: LivePerson }
  | { kind: "remove"; person: LivePerson }
  | { kind: "end" }
  | null;

const ROLE_LABEL: Record<LiveRole, string> = {
  facilitator: "Facilitator",
  participant: "Participant",
  family: "Family",
};

/** "Jordan's family" beside a name, in multi-family groups. */
function FamilyLabel({ person, room }: { person: LivePerson; room: RoomSnapshot }) {
  const label = familyLabelOf(person, room);
  return label === null ? null : <span className="roster-row__family">{label}</span>;
}

function PersonState({ person, room }: { person: LivePerson; room?: RoomSnapshot }) {
  const parts = [
    person.microphone ? "Microphone on" : "Microphone off",
    person.camera ? "Camera on" : "Camera off",
  ];
  if (person.screen) parts.push("Sharing screen");
  if (person.handRaisedAt) parts.push("Hand raised");
  const breakout = room?.breakouts?.rooms.find((r) => r.id === person.breakoutId);
  if (breakout) parts.push(`In ${breakout.name}`);
  return (
    <p className="roster-row__state">
      <span className={`presence presence--${person.status}`}>{presenceLabel(person.status)}</span>
      {person.status !== "left" && <span> · {parts.join(" · ")}</span>}
    </p>
  );
}

/**
 * The facilitator's side panel: who is waiting, hands in the order raised, who is here and how
 * their connection is, per-person controls, and the room's own controls. Every control is a
 * button named for what it does and to whom.
 */
export function FacilitatorPanel({
  id,
  room,
  busy,
  controls,
  notJoined,
}: {
  id: string;
  room: RoomSnapshot;
  busy: ReadonlySet<string>;
  controls: Controls;
  /** Who has not joined yet, shown first (the room page passes it; tests may leave it out). */
  notJoined?: ReactNode;
}) {
  const [dialog, setDialog] = useState<DialogState>(null);
  const [declineMessage, setDeclineMessage] = useState("");
  const declineId = useId();
  const view = rosterView(room);
  const hands = handsInOrder(room.people);
  const selfId = room.me.userId;

  return (
    <aside id={id} className="room-panel room-panel--manage" aria-label="Manage the room">
      <h2 className="room-panel__title">Manage the room</h2>
      {notJoined}

      <section className="room-panel__section">
        <h3 className="room-panel__heading">Waiting ({view.waiting.length})</h3>
        {view.waiting.length === 0 ? (
          <p className="muted">No one is waiting.</p>
        ) : (
          <>
            <ul className="roster">
              {view.waiting.map((person) => (
                <li key={person.userId} className="roster-row" data-person-id={person.userId}>
                  <p className="roster-row__who">
                    <span className="roster-row__name">{person.displayName}</span>
                    <span className="roster-row__role">{ROLE_LABEL[person.role]}</span>
                    <FamilyLabel person={person} room={room} />
                  </p>
                  <div className="roster-row__actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy.has(`admit:${person.userId}`) || room.locked}
                      onClick={() => void controls.admit(person.userId)}
                    >
                      Admit<HiddenContext>{person.displayName}</HiddenContext>
                    </button>
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => {
                        setDeclineMessage("");
                        setDialog({ kind: "decline", person });
                      }}
                    >
                      Decline<HiddenContext>{person.displayName}</HiddenContext>
                    </button>
                  </div>
                </li>
              ))}
            </ul>
            {room.locked && <p className="muted">Unlock the room to let people in.</p>}
            <button
              type="button"
              className="button button--small"
              disabled={busy.has("admit-all") || room.locked}
              onClick={() => void controls.admitAll()}
            >
              Admit all
            </button>
          </>
        )}
      </section>

      <section className="room-panel__section">
        <h3 className="room-panel__heading">Raised hands ({hands.length})</h3>
        {hands.length === 0 ? (
          <p className="muted">No hands raised.</p>
        ) : (
          <ol className="hands">
            {hands.map((person) => (
              <li key={person.userId} className="hands__item" data-person-id={person.userId}>
                {person.displayName}
                {person.userId === selfId && " (you)"}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="room-panel__section">
        <h3 className="room-panel__heading">In the room ({view.present.length})</h3>
        <ul className="roster">
          {view.present.map((person) => {
            const self = person.userId === selfId;
            const name = person.displayName;
            return (
              <li key={person.userId} className="roster-row" data-person-id={person.userId}>
                <p className="roster-row__who">
                  <span className="roster-row__name">
                    {name}
                    {self && " (you)"}
                  </span>
                  <span className="roster-row__role">{ROLE_LABEL[person.role]}</span>
                  <FamilyLabel person={person} room={room} />
                </p>
                <PersonState person={person} room={room} />
                {!self && (
                  <div className="roster-row__actions">
                    {person.handRaisedAt !== null && (
                      // Once a hand is answered, the facilitator can put it down for them.
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy.has(`lower-hand:${person.userId}`)}
                        onClick={() => void controls.lowerHand(person.userId)}
                      >
                        Lower hand<HiddenContext>{`for ${name}`}</HiddenContext>
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      disabled={!person.microphone}
                      onClick={() => void controls.turnOff(person.userId, "microphone")}
                    >
                      Turn off microphone<HiddenContext>{`for ${name}`}</HiddenContext>
                    </button>
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      disabled={!person.camera}
                      onClick={() => void controls.turnOff(person.userId, "camera")}
                    >
                      Turn off camera<HiddenContext>{`for ${name}`}</HiddenContext>
                    </button>
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      disabled={person.microphone}
                      onClick={() => void controls.askToUnmute(person.userId)}
                    >
                      Ask to unmute<HiddenContext>{`for ${name}`}</HiddenContext>
                    </button>
                    {person.role !== "facilitator" && (
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        aria-pressed={person.screenShareAllowed}
                        disabled={busy.has(`screen:${person.userId}`)}
                        onClick={() =>
                          void controls.allowScreenShare(person.userId, !person.screenShareAllowed)
                        }
                      >
                        Allow screen share<HiddenContext>{`for ${name}`}</HiddenContext>
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button--small button--danger-quiet"
                      onClick={() => setDialog({ kind: "remove", person })}
                    >
                      Remove<HiddenContext>{name}</HiddenContext>
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        {view.left.length > 0 && (
          <>
            <h4 className="room-panel__subheading">Left ({view.left.length})</h4>
            <ul className="roster">
              {view.left.map((person) => (
                <li
                  key={person.userId}
                  className="roster-row roster-row--left"
                  data-person-id={person.userId}
                >
                  <p className="roster-row__who">
                    <span className="roster-row__name">{person.displayName}</span>
                    <span className="roster-row__role">{ROLE_LABEL[person.role]}</span>
                    <FamilyLabel person={person} room={room} />
                  </p>
                  <PersonState person={person} />
                </li>
              ))}
            </ul>
          </>
        )}
        {(room.removed ?? []).length > 0 && (
          <>
            <h4 className="room-panel__subheading">Removed ({room.removed?.length})</h4>
            <ul className="roster">
              {(room.removed ?? []).map((person) => (
                <li
                  key={person.userId}
                  className="roster-row roster-row--left"
                  data-person-id={person.userId}
                >
                  <p className="roster-row__who">
                    <span className="roster-row__name">{person.displayName}</span>
                  </p>
                  <div className="roster-row__actions">
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      disabled={busy.has(`readmit:${person.userId}`)}
                      onClick={() => void controls.letBackIn(person.userId)}
                    >
                      Let back in<HiddenContext>{person.displayName}</HiddenContext>
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {isMultiFamily(room) && <BreakoutPanel room={room} busy={busy} controls={controls} />}

      <section className="room-panel__section">
        <h3 className="room-panel__heading">Room</h3>
        <p className="muted" aria-live="polite">
          {room.locked
            ? "The room is locked: no one else can be let in."
            : "The room is open: people can wait to be let in."}
        </p>
        <div className="actions">
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={busy.has("turn-off:microphone:everyone")}
            onClick={() => void controls.turnOff("everyone", "microphone")}
          >
            Mute all
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            aria-pressed={room.locked}
            disabled={busy.has("lock")}
            onClick={() => void controls.setLocked(!room.locked)}
          >
            Lock room
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => setDialog({ kind: "end" })}
          >
            End session for everyone
          </button>
        </div>
      </section>

      {dialog?.kind === "decline" && (
        <ConfirmDialog
          title={`Decline ${dialog.person.displayName}?`}
          confirmLabel="Decline"
          onClose={() => setDialog(null)}
          onConfirm={() => {
            void controls.decline(dialog.person.userId, declineMessage);
            setDialog(null);
          }}
        >
          <p>They won't be let in to this session.</p>
          <div className="field">
            <label className="field__label" htmlFor={declineId}>
              Message to {dialog.person.displayName} (optional)
            </label>
            <textarea
              id={declineId}
              className="field__input"
              rows={3}
              maxLength={MAX_DECLINE_MESSAGE_LENGTH}
              value={declineMessage}
              onChange={(event) => setDeclineMessage(event.target.value)}
            />
          </div>
        </ConfirmDialog>
      )}
      {dialog?.kind === "remove" && (
        <ConfirmDialog
          title={`Remove ${dialog.person.displayName} from the session?`}
          confirmLabel="Remove"
          danger
          onClose={() => setDialog(null)}
          onConfirm={() => {
            void controls.remove(dialog.person.userId);
            setDialog(null);
          }}
        >
          <p>They leave the video room at once and can't rejoin this session.</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === "end" && (
        <ConfirmDialog
          title="End the session for everyone?"
          confirmLabel="End session"
          danger
          onClose={() => setDialog(null)}
          onConfirm={() => {
            void controls.endForEveryone();
            setDialog(null);
          }}
        >
          <p>Everyone leaves the video room, and no one can rejoin this session.</p>
        </ConfirmDialog>
      )}
    </aside>
  );
}
