import {
  BookSessionInputSchema,
  type BOOKABLE_SESSION_KINDS,
  type BookSessionInput,
} from "@bridgeway/domain";
import { problemFromZod, type FormProblem } from "../forms/form-problem";
import { localDateTimeToInstant } from "../time/zoned-time";

export type BookableKind = (typeof BOOKABLE_SESSION_KINDS)[number];

/** How long each kind of one-off session usually lasts. */
export const DEFAULT_DURATION_MINUTES: Record<BookableKind, number> = {
  INDIVIDUAL: 50,
  FAMILY: 60,
  MEDICATION_MANAGEMENT: 30,
};

export type BookSessionValues = {
  kind: BookableKind;
  participantUserId: string;
  date: string;
  time: string;
  durationMinutes: string;
  facilitatorUserId: string;
};

/**
 * The booking request for the form's values, the date and time read as wall-clock time in
 * `timeZone` (the booker's), or the problems to show next to each field. `facilitatorUserId`
 * is left out when it is the booker, who is then the clinician by default.
 */
export function toBookSessionInput(
  values: BookSessionValues,
  timeZone: string,
  bookerId: string,
): { ok: true; input: BookSessionInput } | { ok: false; problem: FormProblem } {
  const fields: Record<string, string> = {};
  if (values.date === "") fields.date = "Choose a date.";
  if (values.time === "") fields.time = "Choose a start time.";
  const startsAt =
    values.date === "" || values.time === ""
      ? null
      : localDateTimeToInstant(values.date, values.time, timeZone);
  if (startsAt === null && fields.date === undefined && fields.time === undefined) {
    fields.date = "Use a real date and time.";
  }
  const candidate = {
    kind: values.kind,
    participantUserId: values.participantUserId,
    ...(values.facilitatorUserId !== "" && values.facilitatorUserId !== bookerId
      ? { facilitatorUserId: values.facilitatorUserId }
      : {}),
    startsAt: startsAt ?? "",
    durationMinutes:
      values.durationMinutes.trim() === "" ? Number.NaN : Number(values.durationMinutes),
    timeZone,
  };
  const parsed = BookSessionInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const problem = problemFromZod(parsed.error);
    const merged = { ...problem.fields, ...fields };
    // The date and time fields already say what is wrong with the start.
    if (startsAt === null) delete merged.startsAt;
    return { ok: false, problem: { message: problem.message, fields: merged } };
  }
  if (Object.keys(fields).length > 0) {
    return { ok: false, problem: { message: "Check the fields marked below.", fields } };
  }
  return { ok: true, input: parsed.data };
}
