import { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES } from "@bridgeway/domain";
import { formatTimeZone } from "../format/format";
import { Field } from "../forms/fields";
import type { StartValues } from "./book-session-form";

/**
 * A new session's date, from `today` on, and its start time, read in `timeZone`. A start the
 * schema or server refuses (`startsAt`) is said under the time.
 */
export function StartFields({
  values,
  onChange,
  error,
  today,
  timeZone,
  whoseZone,
}: {
  values: StartValues;
  onChange: (name: keyof StartValues, value: string) => void;
  error: (name: keyof StartValues | "startsAt") => string | undefined;
  today: string;
  timeZone: string;
  /** Whose zone the time is read in, for the hint: the booker's own or the group's. */
  whoseZone: "your" | "the group's";
}) {
  return (
    <div className="field-pair">
      <Field label="Date" error={error("date")}>
        {(control) => (
          <input
            {...control}
            type="date"
            min={today}
            value={values.date}
            onChange={(event) => onChange("date", event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Start time"
        hint={`${formatTimeZone(timeZone)}, ${whoseZone} time zone.`}
        error={error("time") ?? error("startsAt")}
      >
        {(control) => (
          <input
            {...control}
            type="time"
            value={values.time}
            onChange={(event) => onChange("time", event.target.value)}
          />
        )}
      </Field>
    </div>
  );
}

/** A new session's length in minutes, with the bounds every session keeps. */
export function LengthField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <Field
      label="Length in minutes"
      hint={`Between ${MIN_SESSION_MINUTES} and ${MAX_SESSION_MINUTES}.`}
      error={error}
    >
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={MIN_SESSION_MINUTES}
          max={MAX_SESSION_MINUTES}
          step={5}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
