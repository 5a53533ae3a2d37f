import { isIanaTimeZone } from "@bridgeway/domain";
import { useState } from "react";
import { formatTimeZone } from "../format/format";
import { Field } from "./fields";

/** The zones most US clinics and their participants are in, offered first. */
export const COMMON_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
] as const;

const OTHER = "other";

function isCommon(zone: string): boolean {
  return (COMMON_TIME_ZONES as readonly string[]).includes(zone);
}

/**
 * A time zone: a select of common US zones, or any IANA zone typed in. The value is always an
 * IANA name; `error` shows under whichever control is in use.
 */
export function TimeZoneField({
  label = "Time zone",
  value,
  onChange,
  error,
}: {
  label?: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string;
}) {
  const [other, setOther] = useState(() => !isCommon(value));
  const typedLooksWrong = other && value.trim() !== "" && !isIanaTimeZone(value.trim());
  return (
    <div className="field-pair">
      <Field label={label} error={other ? undefined : error}>
        {(control) => (
          <select
            {...control}
            value={other ? OTHER : value}
            onChange={(event) => {
              const next = event.target.value;
              if (next === OTHER) {
                setOther(true);
              } else {
                setOther(false);
                onChange(next);
              }
            }}
          >
            {COMMON_TIME_ZONES.map((zone) => (
              <option key={zone} value={zone}>
                {formatTimeZone(zone)} ({zone})
              </option>
            ))}
            <option value={OTHER}>Another time zone…</option>
          </select>
        )}
      </Field>
      {other && (
        <Field
          label="IANA time zone name"
          hint="For example Europe/London or America/Puerto_Rico."
          error={
            error ?? (typedLooksWrong ? "This is not a time zone this browser knows." : undefined)
          }
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              value={value}
              onChange={(event) => onChange(event.target.value)}
            />
          )}
        </Field>
      )}
    </div>
  );
}
