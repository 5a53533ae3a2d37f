import { WEEKDAYS, type FacilitatorListItem, type Weekday } from "@bridgeway/domain";
import { credentialShort } from "../format/format";
import { weekdayName } from "../format/session-time";
import { CheckboxGroup, Field } from "../forms/fields";
import { facilitatorOption, leadChoices, leadLicenseWarning } from "../people/facilitator-labels";

export const WEEKDAY_CHOICES = WEEKDAYS.map((day) => ({ value: day, label: weekdayName(day) }));

type FieldErrors = (name: string) => string | undefined;

/** Meeting days (a fieldset of checkboxes) and the meeting's start and end times. */
export function PatternFields({
  days,
  startTime,
  endTime,
  onDays,
  onStartTime,
  onEndTime,
  error,
  zoneName,
}: {
  days: readonly Weekday[];
  startTime: string;
  endTime: string;
  onDays: (days: Weekday[]) => void;
  onStartTime: (time: string) => void;
  onEndTime: (time: string) => void;
  error: FieldErrors;
  /** "Eastern Time": the zone the times are in. */
  zoneName: string;
}) {
  return (
    <>
      <CheckboxGroup
        legend="Meeting days"
        choices={WEEKDAY_CHOICES}
        selected={days}
        onChange={onDays}
        error={error("weeklyPattern.days") ?? error("weeklyPattern")}
        inline
      />
      <div className="field-pair">
        <Field label="Start time" hint={`${zoneName}.`} error={error("weeklyPattern.startTime")}>
          {(control) => (
            <input
              {...control}
              type="time"
              value={startTime}
              onChange={(event) => onStartTime(event.target.value)}
            />
          )}
        </Field>
        <Field label="End time" hint={`${zoneName}.`} error={error("weeklyPattern.endTime")}>
          {(control) => (
            <input
              {...control}
              type="time"
              value={endTime}
              onChange={(event) => onEndTime(event.target.value)}
            />
          )}
        </Field>
      </div>
    </>
  );
}

/** The lead (with a warning when their license runs out first) and co-facilitators. */
export function FacilitatorFields({
  facilitators,
  leadId,
  coIds,
  onLead,
  onCo,
  endsOn,
  today,
  error,
}: {
  facilitators: readonly FacilitatorListItem[];
  leadId: string;
  coIds: readonly string[];
  onLead: (id: string) => void;
  onCo: (ids: string[]) => void;
  endsOn: string;
  today: string;
  error: FieldErrors;
}) {
  const lead = facilitators.find((f) => f.id === leadId);
  return (
    <>
      <Field
        label="Lead facilitator"
        error={error("leadFacilitatorId")}
        warning={leadLicenseWarning(lead, endsOn)}
      >
        {(control) => (
          <select {...control} value={leadId} onChange={(event) => onLead(event.target.value)}>
            <option value="">Choose the lead facilitator</option>
            {leadChoices(facilitators, today, leadId).map(({ facilitator: f, expired }) => (
              <option key={f.id} value={f.id} disabled={expired}>
                {facilitatorOption(f, today)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {facilitators.length > 1 && (
        <CheckboxGroup
          legend="Co-facilitators (optional)"
          hint="Up to 3."
          choices={facilitators
            .filter((f) => f.id !== leadId)
            .map((f) => ({
              value: f.id,
              label: `${f.displayName}, ${credentialShort(f.credential)}`,
            }))}
          selected={coIds.filter((id) => id !== leadId)}
          onChange={onCo}
          error={error("coFacilitatorIds")}
        />
      )}
    </>
  );
}
