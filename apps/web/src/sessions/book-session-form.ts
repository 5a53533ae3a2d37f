import {
  BookSessionInputSchema,
  type BOOKABLE_SESSION_KINDS,
  type BookSessionInput,
} from "@bridgeway/domain";
import type { z } from "zod";
import { CHECK_FIELDS_MESSAGE, problemFromZod, type FormProblem } from "../forms/form-problem";
import { localDateTimeToInstant } from "../time/zoned-time";

export type BookableKind = (typeof BOOKABLE_SESSION_KINDS)[number];

/** How long each kind of one-off session usually lasts. */
export const DEFAULT_DURATION_MINUTES: Record<BookableKind, number> = {
  INDIVIDUAL: 50,
  FAMILY: 60,
  MEDICATION_MANAGEMENT: 30,
};

/** A booking form's start: a date and a wall-clock time, as typed. */
export type StartValues = { date: string; time: string };

/**
 * The instant a form's date and time name in `timeZone`, or null; with the messages for the
 * date and time fields when either is empty or together they name no real moment.
 */
export function readStart(
  values: StartValues,
  timeZone: string,
): { startsAt: string | null; fields: Record<string, string> } {
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
  return { startsAt, fields };
}

/** A typed length in minutes; left empty it is no number, so the schema says it is missing. */
export function minutesFrom(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/**
 * The parsed booking, or the problem to show: the schema's messages and the form's own
 * `fields`, without one for `startsAt` when the date and time fields already say what is wrong.
 */
export function checkedBooking<T>(
  parsed: z.ZodSafeParseResult<T>,
  fields: Readonly<Record<string, string>>,
  startsAt: string | null,
): { ok: true; input: T } | { ok: false; problem: FormProblem } {
  const all = { ...(parsed.success ? {} : problemFromZod(parsed.error).fields), ...fields };
  if (startsAt === null) delete all.startsAt;
  if (!parsed.success || Object.keys(all).length > 0) {
    return { ok: false, problem: { message: CHECK_FIELDS_MESSAGE, fields: all } };
  }
  return { ok: true, input: parsed.data };
}

export type BookSessionValues = {
  kind: BookableKind;
  participantUserId: string;
  date: string;
  time: string;
  durationMinutes: string;
  facilitatorUserId: string;
  /** Family therapy: who of the participant's consenting family to invite. */
  familyUserIds?: readonly string[];
};

export const NO_FAMILY_CHOSEN = "Choose at least one family member to invite.";

/**
 * The booking request for the form's values, the date and time read as wall-clock time in
 * `timeZone` (the booker's), or the problems to show next to each field. `facilitatorUserId`
 * is left out when it is the booker, who is then the clinician by default. Family therapy names
 * the family members invited, at least one.
 */
export function toBookSessionInput(
  values: BookSessionValues,
  timeZone: string,
  bookerId: string,
): { ok: true; input: BookSessionInput } | { ok: false; problem: FormProblem } {
  const { startsAt, fields } = readStart(values, timeZone);
  const family = values.kind === "FAMILY" ? [...(values.familyUserIds ?? [])] : undefined;
  // A family therapy session with nobody from the family is not one.
  if (family?.length === 0) fields.familyUserIds = NO_FAMILY_CHOSEN;
  const candidate = {
    kind: values.kind,
    participantUserId: values.participantUserId,
    ...(values.facilitatorUserId !== "" && values.facilitatorUserId !== bookerId
      ? { facilitatorUserId: values.facilitatorUserId }
      : {}),
    startsAt: startsAt ?? "",
    durationMinutes: minutesFrom(values.durationMinutes),
    timeZone,
    ...(family === undefined || family.length === 0 ? {} : { familyUserIds: family }),
  };
  return checkedBooking(BookSessionInputSchema.safeParse(candidate), fields, startsAt);
}
