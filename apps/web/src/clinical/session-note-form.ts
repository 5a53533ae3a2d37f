import {
  COMMON_INTERVENTIONS,
  SessionNoteInputSchema,
  type SessionNoteDto,
  type SessionNoteInput,
} from "@bridgeway/domain";
import { problemFromZod, type FormProblem } from "../forms/form-problem";

export type DapDraft = { data: string; assessment: string; plan: string };

/** A group note as its editor holds it: common interventions ticked, others one per line. */
export type NoteDraft = {
  topic: string;
  interventions: string[];
  otherInterventions: string;
  summary: string;
  /** By participant id, for each person who attended. */
  parts: Record<string, DapDraft>;
};

const COMMON: readonly string[] = COMMON_INTERVENTIONS;
const EMPTY_PART: DapDraft = { data: "", assessment: "", plan: "" };

export function draftFromNote(
  note: SessionNoteDto | null,
  attended: readonly { id: string }[],
): NoteDraft {
  const parts: Record<string, DapDraft> = {};
  for (const person of attended) {
    const part = note?.parts.find((p) => p.participantId === person.id);
    parts[person.id] = part
      ? { data: part.data, assessment: part.assessment, plan: part.plan }
      : { ...EMPTY_PART };
  }
  const interventions = note?.interventions ?? [];
  return {
    topic: note?.topic ?? "",
    interventions: interventions.filter((i) => COMMON.includes(i)),
    otherInterventions: interventions.filter((i) => !COMMON.includes(i)).join("\n"),
    summary: note?.summary ?? "",
    parts,
  };
}

const blank = (part: DapDraft) =>
  part.data.trim() === "" && part.assessment.trim() === "" && part.plan.trim() === "";

/**
 * The note to send: the parts of people with anything written (in the order they are listed),
 * and `partIds`, whose part each entry of `parts` is, to put the API's `parts.0.plan` errors
 * next to the right person.
 */
export function noteInput(
  draft: NoteDraft,
  attended: readonly { id: string }[],
): { input: SessionNoteInput; partIds: string[] } {
  const partIds = attended
    .map((p) => p.id)
    .filter((id) => {
      const part = draft.parts[id];
      return part !== undefined && !blank(part);
    });
  const others = draft.otherInterventions
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  return {
    input: {
      topic: draft.topic,
      interventions: [...draft.interventions, ...others],
      summary: draft.summary,
      parts: partIds.map((participantId) => ({
        participantId,
        ...(draft.parts[participantId] ?? EMPTY_PART),
      })),
    },
    partIds,
  };
}

/** The API's `parts.<index>.<field>` errors renamed `parts.<participant id>.<field>`. */
export function byPerson(
  fields: Readonly<Record<string, string>>,
  partIds: readonly string[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, message]) => {
      const match = /^parts\.(\d+)\.(.+)$/.exec(name);
      const id = match ? partIds[Number(match[1])] : undefined;
      return [match && id ? `parts.${id}.${match[2] ?? ""}` : name, message];
    }),
  );
}

/** Checks the note before sending it; problems are keyed by person (see `byPerson`). */
export function checkNote(
  draft: NoteDraft,
  attended: readonly { id: string }[],
): { ok: true; input: SessionNoteInput; partIds: string[] } | { ok: false; problem: FormProblem } {
  const { input, partIds } = noteInput(draft, attended);
  const parsed = SessionNoteInputSchema.safeParse(input);
  if (!parsed.success) {
    const problem = problemFromZod(parsed.error);
    return { ok: false, problem: { ...problem, fields: byPerson(problem.fields, partIds) } };
  }
  return { ok: true, input: parsed.data, partIds };
}

/** Who attended but has no individual part: said before signing. */
export function missingParts(
  draft: NoteDraft,
  attended: readonly { id: string; displayName: string }[],
) {
  return attended.filter((p) => {
    const part = draft.parts[p.id];
    return part === undefined || blank(part);
  });
}
