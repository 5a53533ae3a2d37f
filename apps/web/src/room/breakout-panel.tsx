import type { BreakoutTimeUp, LiveError, RoomSnapshot } from "@bridgeway/domain";
import { useId, useState } from "react";
import { CHECK_FIELDS_MESSAGE, type FormProblem } from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { HiddenContext } from "../shell/hidden-context";
import {
  breakoutCandidates,
  peopleInRoom,
  roomsByFamily,
  toOpenBreakouts,
  whereAmI,
  type ManualPlan,
  type OpenBreakoutsPayload,
} from "./breakouts";
import type { RoomController } from "./room-controller";

export type BreakoutControls = Pick<
  RoomController,
  "openBreakouts" | "closeBreakouts" | "messageAllRooms" | "visit"
>;

const DEFAULT_MINUTES = "10";

/** What the setup form holds; `toOpenBreakouts` turns it into the `room:breakouts-open` request. */
type BreakoutValues = {
  mode: "by-family" | "manual";
  plan: ManualPlan;
  minutes: string;
  whenTimeIsUp: BreakoutTimeUp;
};

/**
 * The request for these values, checked by the server's rules (`BreakoutsOpenSchema`), or the
 * problems by field, keyed as the server keys them.
 */
function openBreakoutsRequest(
  sessionId: string,
  { mode, plan, minutes, whenTimeIsUp }: BreakoutValues,
): { ok: true; input: OpenBreakoutsPayload } | { ok: false; problem: FormProblem } {
  const result = toOpenBreakouts(
    sessionId,
    mode === "by-family" ? { kind: "by-family" } : { kind: "manual", plan },
    minutes,
    whenTimeIsUp,
  );
  if (result.ok) return { ok: true, input: result.payload };
  return { ok: false, problem: { message: CHECK_FIELDS_MESSAGE, fields: result.fields } };
}

function problemOf(error: LiveError): FormProblem {
  return { message: error.message, fields: { ...(error.fields ?? {}) } };
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <p id={id} className="field__error">
      {message}
    </p>
  );
}

/** Choosing rooms (one per family, or by hand) and the timer, then opening them. */
function OpenBreakoutsForm({
  room,
  busy,
  controls,
  onClose,
}: {
  room: RoomSnapshot;
  busy: boolean;
  controls: BreakoutControls;
  onClose: () => void;
}) {
  const form = useZodForm({
    schema: checkedSchema((values: BreakoutValues) => openBreakoutsRequest(room.sessionId, values)),
    defaultValues: {
      mode: "by-family",
      plan: { rooms: ["Room 1", "Room 2"], assignments: {} },
      minutes: DEFAULT_MINUTES,
      whenTimeIsUp: "close",
    },
    translate: keepMessage,
    // Only the server's refusals of `openBreakouts` reach `fail`.
    describe: (refusal) => problemOf(refusal as LiveError),
  });
  const { problem, error } = form;
  // The rooms are controlled: renaming, removing and assigning change several values at once.
  const { mode, plan, whenTimeIsUp } = form.watch();
  const ids = {
    mode: useId(),
    timeUp: useId(),
    minutes: useId(),
    minutesError: useId(),
    rooms: useId(),
    roomsError: useId(),
  };
  const roomIdPrefix = useId();
  const candidates = breakoutCandidates(room);
  const families = roomsByFamily(room);

  async function open(payload: OpenBreakoutsPayload) {
    const refused = await controls.openBreakouts(payload);
    if (refused) form.fail(refused);
    else onClose();
  }

  function setPlan(change: (current: ManualPlan) => ManualPlan) {
    form.setValue("plan", change(form.getValues("plan")));
  }

  function renameRoom(index: number, name: string) {
    setPlan((current) => ({
      ...current,
      rooms: current.rooms.map((r, i) => (i === index ? name : r)),
    }));
  }

  function removeRoom(index: number) {
    setPlan((current) => {
      const assignments: Record<string, number | undefined> = {};
      for (const [userId, at] of Object.entries(current.assignments)) {
        // People in the removed room go back to the main room; later rooms move up one.
        if (at === undefined || at === index) continue;
        assignments[userId] = at > index ? at - 1 : at;
      }
      return { rooms: current.rooms.filter((_, i) => i !== index), assignments };
    });
  }

  // Messages no field below shows ("rooms" has its place only when rooms are made by hand).
  const unplaced = problem
    ? Object.entries(problem.fields)
        .filter(
          ([name]) =>
            name !== "minutes" &&
            !/^rooms\.\d+\.name$/.test(name) &&
            !(mode === "manual" && name === "rooms"),
        )
        .map(([, message]) => message)
    : [];

  return (
    <form
      className="breakout-form"
      noValidate
      onSubmit={form.submitWith((payload) => {
        if (!busy) void open(payload);
      })}
    >
      {problem && (
        <div className="form__error" role="alert">
          <p>{problem.message}</p>
          {unplaced.length > 0 && (
            <ul className="form__error-list">
              {unplaced.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <fieldset className="field-group">
        <legend className="field__label">Rooms</legend>
        <div className="choices">
          <label className="choice">
            <input
              type="radio"
              className="choice__input"
              name={ids.mode}
              checked={mode === "by-family"}
              onChange={() => form.setValue("mode", "by-family")}
            />
            <span>One room per family</span>
          </label>
          <label className="choice">
            <input
              type="radio"
              className="choice__input"
              name={ids.mode}
              checked={mode === "manual"}
              onChange={() => form.setValue("mode", "manual")}
            />
            <span>Set up rooms by hand</span>
          </label>
        </div>
      </fieldset>

      {mode === "by-family" ? (
        families.length === 0 ? (
          <p className="muted">No participants or family members are in the room yet.</p>
        ) : (
          <ul className="breakout-preview">
            {families.map((family) => (
              <li key={family.name}>
                <strong>{family.name}</strong>: {family.people.map((p) => p.displayName).join(", ")}
              </li>
            ))}
          </ul>
        )
      ) : (
        <>
          <ol className="breakout-rooms-edit" aria-label="Rooms to open">
            {plan.rooms.map((name, index) => {
              const inputId = `${roomIdPrefix}-${index}`;
              const errorId = `${inputId}-error`;
              const message = error(`rooms.${index}.name`);
              return (
                <li key={index} className="breakout-room-edit">
                  <label className="field__label" htmlFor={inputId}>
                    Name of room {index + 1}
                  </label>
                  <div className="field__row">
                    <input
                      id={inputId}
                      className="field__input"
                      type="text"
                      maxLength={60}
                      value={name}
                      aria-invalid={message ? true : undefined}
                      aria-describedby={message ? errorId : undefined}
                      onChange={(event) => renameRoom(index, event.target.value)}
                    />
                    {plan.rooms.length > 1 && (
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        onClick={() => removeRoom(index)}
                      >
                        Remove<HiddenContext>{`room ${index + 1}`}</HiddenContext>
                      </button>
                    )}
                  </div>
                  <FieldError id={errorId} message={message} />
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() =>
              setPlan((current) => ({
                ...current,
                rooms: [...current.rooms, `Room ${current.rooms.length + 1}`],
              }))
            }
          >
            Add a room
          </button>
          <fieldset
            className="field-group"
            aria-describedby={error("rooms") ? `${ids.rooms} ${ids.roomsError}` : ids.rooms}
            aria-invalid={error("rooms") ? true : undefined}
          >
            <legend className="field__label">Who goes where</legend>
            <p id={ids.rooms} className="field__hint">
              Anyone left in the main room stays with you.
            </p>
            <FieldError id={ids.roomsError} message={error("rooms")} />
            {candidates.length === 0 ? (
              <p className="muted">No participants or family members are in the room yet.</p>
            ) : (
              <ul className="breakout-assign">
                {candidates.map((person) => {
                  const selectId = `${roomIdPrefix}-who-${person.userId}`;
                  const at = plan.assignments[person.userId];
                  return (
                    <li key={person.userId} className="breakout-assign__row">
                      <label htmlFor={selectId}>
                        {person.displayName}
                        {person.familyLabel && (
                          <span className="roster-row__family"> · {person.familyLabel}</span>
                        )}
                      </label>
                      <select
                        id={selectId}
                        className="field__input"
                        value={at === undefined ? "" : String(at)}
                        onChange={(event) => {
                          const value = event.target.value;
                          setPlan((current) => ({
                            ...current,
                            assignments: {
                              ...current.assignments,
                              [person.userId]: value === "" ? undefined : Number(value),
                            },
                          }));
                        }}
                      >
                        <option value="">Main room</option>
                        {plan.rooms.map((name, index) => (
                          <option key={index} value={String(index)}>
                            {name.trim() === "" ? `Room ${index + 1}` : name}
                          </option>
                        ))}
                      </select>
                    </li>
                  );
                })}
              </ul>
            )}
          </fieldset>
        </>
      )}

      <div className="field">
        <label className="field__label" htmlFor={ids.minutes}>
          Minutes
        </label>
        <input
          id={ids.minutes}
          className="field__input breakout-form__minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={120}
          aria-invalid={error("minutes") ? true : undefined}
          aria-describedby={error("minutes") ? ids.minutesError : undefined}
          {...form.register("minutes")}
        />
        <FieldError id={ids.minutesError} message={error("minutes")} />
      </div>
      <fieldset className="field-group">
        <legend className="field__label">When time is up</legend>
        <div className="choices">
          <label className="choice">
            <input
              type="radio"
              className="choice__input"
              name={ids.timeUp}
              checked={whenTimeIsUp === "close"}
              onChange={() => form.setValue("whenTimeIsUp", "close")}
            />
            <span>
              Close the rooms and bring everyone back (everyone is warned a minute before)
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              className="choice__input"
              name={ids.timeUp}
              checked={whenTimeIsUp === "keep-open"}
              onChange={() => form.setValue("whenTimeIsUp", "keep-open")}
            />
            <span>Keep the rooms open until I close them</span>
          </label>
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button--small" disabled={busy}>
          {busy ? "Opening…" : "Open breakout rooms"}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A message for every room at once ("Two minutes left"). */
function MessageAllRooms({ busy, controls }: { busy: boolean; controls: BreakoutControls }) {
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const errorId = useId();
  return (
    <form
      className="breakout-message"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        if (message.trim() === "") {
          setError("Write a message.");
          return;
        }
        setError(null);
        void controls.messageAllRooms(message).then((refused) => {
          if (refused) setError(refused.fields?.message ?? refused.message);
          else setMessage("");
        });
      }}
    >
      <label className="field__label" htmlFor={id}>
        Message for every room
      </label>
      <textarea
        id={id}
        className="field__input"
        rows={2}
        maxLength={500}
        value={message}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => setMessage(event.target.value)}
      />
      <FieldError id={errorId} message={error ?? undefined} />
      <button type="submit" className="button button--small" disabled={busy}>
        Message all rooms
      </button>
    </form>
  );
}

/**
 * The facilitator's breakout rooms (multi-family groups): open them with a timer, then message
 * every room, visit any of them, come back, and close them to bring everyone back.
 */
export function BreakoutPanel({
  room,
  busy,
  controls,
}: {
  room: RoomSnapshot;
  busy: ReadonlySet<string>;
  controls: BreakoutControls;
}) {
  const [setup, setSetup] = useState(false);
  const headingId = useId();
  const breakouts = room.breakouts;
  return (
    <section className="room-panel__section" aria-labelledby={headingId}>
      <h3 id={headingId} className="room-panel__heading">
        Breakout rooms
      </h3>
      {breakouts === null ? (
        setup ? (
          <OpenBreakoutsForm
            room={room}
            busy={busy.has("breakouts-open")}
            controls={controls}
            onClose={() => setSetup(false)}
          />
        ) : (
          <>
            <p className="muted">Give each family a room of its own for a while.</p>
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => setSetup(true)}
            >
              Open breakout rooms
            </button>
          </>
        )
      ) : (
        <>
          <p className="breakout-where">{whereAmI(room)}.</p>
          <ul className="breakout-rooms">
            {breakouts.rooms.map((breakout) => {
              const people = peopleInRoom(room, breakout.id);
              const here = room.me.breakoutId === breakout.id;
              return (
                <li key={breakout.id} className="breakout-room">
                  <p className="breakout-room__name">{breakout.name}</p>
                  <p className="breakout-room__people">
                    {people.length === 0
                      ? "No one is in this room."
                      : people.map((p) => p.displayName).join(", ")}
                  </p>
                  {here ? (
                    <p className="breakout-room__here">You are here</p>
                  ) : (
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      disabled={busy.has("visit")}
                      onClick={() => void controls.visit(breakout.id)}
                    >
                      Visit<HiddenContext>{breakout.name}</HiddenContext>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {room.me.breakoutId !== null && (
            <button
              type="button"
              className="button button--small button--secondary"
              disabled={busy.has("visit")}
              onClick={() => void controls.visit(null)}
            >
              Back to main room
            </button>
          )}
          <MessageAllRooms busy={busy.has("breakouts-message")} controls={controls} />
          <button
            type="button"
            className="button button--small button--danger"
            disabled={busy.has("breakouts-close")}
            onClick={() => void controls.closeBreakouts()}
          >
            Close breakout rooms
          </button>
        </>
      )}
    </section>
  );
}
