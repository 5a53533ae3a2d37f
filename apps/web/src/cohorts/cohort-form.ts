import {
  CreateCohortInputSchema,
  DEFAULT_COHORT_CAPACITY,
  type GROUP_SESSION_KINDS,
  type CreateCohortInput,
  type Weekday,
} from "@bridgeway/domain";
import { problemFromZod, type FormProblem } from "../forms/form-problem";

export type GroupKind = (typeof GROUP_SESSION_KINDS)[number];

/** What the new-cohort form holds, as typed: strings until they are checked. */
export type CohortFormValues = {
  programId: string;
  name: string;
  timeZone: string;
  capacity: string;
  startsOn: string;
  endsOn: string;
  days: Weekday[];
  startTime: string;
  endTime: string;
  groupSessionKind: GroupKind;
  leadFacilitatorId: string;
  coFacilitatorIds: string[];
};

export function emptyCohortForm(timeZone: string): CohortFormValues {
  return {
    programId: "",
    name: "",
    timeZone,
    capacity: String(DEFAULT_COHORT_CAPACITY),
    startsOn: "",
    endsOn: "",
    days: [],
    startTime: "18:00",
    endTime: "21:00",
    groupSessionKind: "GROUP_THERAPY",
    leadFacilitatorId: "",
    coFacilitatorIds: [],
  };
}

/** What to say about a field left empty, where the shared schema talks about formats. */
const BLANK_MESSAGES: Record<string, string> = {
  programId: "Choose a program.",
  startsOn: "Choose a start date.",
  endsOn: "Choose an end date.",
  "weeklyPattern.startTime": "Choose a start time.",
  "weeklyPattern.endTime": "Choose an end time.",
  leadFacilitatorId: "Choose the lead facilitator.",
};

/**
 * The create-cohort request for the form's values, checked with the same schema as the server,
 * or the problems keyed the way the server keys them (`weeklyPattern.days`, `endsOn`).
 */
export function toCreateCohortInput(
  values: CohortFormValues,
): { ok: true; input: CreateCohortInput } | { ok: false; problem: FormProblem } {
  const capacity = values.capacity.trim();
  const parsed = CreateCohortInputSchema.safeParse({
    programId: values.programId,
    name: values.name,
    timeZone: values.timeZone.trim(),
    capacity: capacity === "" ? undefined : Number(capacity),
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    weeklyPattern: { days: values.days, startTime: values.startTime, endTime: values.endTime },
    groupSessionKind: values.groupSessionKind,
    leadFacilitatorId: values.leadFacilitatorId,
    coFacilitatorIds: values.coFacilitatorIds.filter((id) => id !== values.leadFacilitatorId),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const problem = problemFromZod(parsed.error);
  const fields: Record<string, string> = { ...problem.fields };
  const typed: Record<string, string> = {
    programId: values.programId,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    "weeklyPattern.startTime": values.startTime,
    "weeklyPattern.endTime": values.endTime,
    leadFacilitatorId: values.leadFacilitatorId,
  };
  for (const [name, message] of Object.entries(BLANK_MESSAGES)) {
    if (fields[name] !== undefined && typed[name]?.trim() === "") fields[name] = message;
  }
  return { ok: false, problem: { message: problem.message, fields } };
}
