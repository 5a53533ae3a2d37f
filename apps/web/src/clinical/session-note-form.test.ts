import type { SessionNoteDto } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import { CHECK_FIELDS_MESSAGE } from "../forms/form-problem";
import {
  byPerson,
  checkNote,
  draftFromNote,
  missingParts,
  noteInput,
  type NoteDraft,
} from "./session-note-form";

const JORDAN = "00000000-0000-4000-8000-000000000003";
const AVERY = "00000000-0000-4000-8000-000000000006";
const SAM = "00000000-0000-4000-8000-000000000007";
const attended = [
  { id: AVERY, displayName: "Avery Johnson" },
  { id: JORDAN, displayName: "Jordan Lee" },
];

const part = (data: string) => ({ data, assessment: `${data}: assessed`, plan: `${data}: plan` });

function note(overrides: Partial<SessionNoteDto> = {}): SessionNoteDto {
  return {
    id: "00000000-0000-4000-8000-0000000000d1",
    sessionId: "00000000-0000-4000-8000-000000000001",
    status: "draft",
    topic: "Sleep",
    interventions: ["DBT: mindfulness", "Sleep hygiene handout", "Psychoeducation"],
    summary: "Good energy.",
    parts: [{ participantId: JORDAN, displayName: "Jordan Lee", ...part("Jordan") }],
    author: { id: "00000000-0000-4000-8000-000000000002", displayName: "Dana Whitfield" },
    createdAt: "2026-11-24T02:00:00.000Z",
    updatedAt: "2026-11-24T02:00:00.000Z",
    signed: null,
    addenda: [],
    ...overrides,
  };
}

function filled(overrides: Partial<NoteDraft> = {}): NoteDraft {
  return {
    topic: "Sleep",
    interventions: ["DBT: mindfulness"],
    otherInterventions: "",
    summary: "Good energy.",
    parts: { [AVERY]: part("Avery"), [JORDAN]: part("Jordan") },
    ...overrides,
  };
}

describe("the session note's draft", () => {
  it("starts blank with an empty part for each person who attended", () => {
    expect(draftFromNote(null, attended)).toEqual({
      topic: "",
      interventions: [],
      otherInterventions: "",
      summary: "",
      parts: {
        [AVERY]: { data: "", assessment: "", plan: "" },
        [JORDAN]: { data: "", assessment: "", plan: "" },
      },
    });
  });

  it("ticks the common interventions and puts the others one per line", () => {
    const fromNote = draftFromNote(note(), attended);
    expect(fromNote.interventions).toEqual(["DBT: mindfulness", "Psychoeducation"]);
    expect(fromNote.otherInterventions).toBe("Sleep hygiene handout");
    expect(fromNote.parts[JORDAN]).toEqual(part("Jordan"));
    expect(fromNote.parts[AVERY]).toEqual({ data: "", assessment: "", plan: "" });
  });
});

describe("the note to send", () => {
  it("sends only parts with something written, in the order people are listed", () => {
    const { input, partIds } = noteInput(
      filled({
        parts: {
          [JORDAN]: part("Jordan"),
          [AVERY]: { data: "  ", assessment: "", plan: "" },
          [SAM]: part("Sam"),
        },
        otherInterventions: "  Sleep hygiene handout \n\n Grounding  ",
      }),
      [...attended, { id: SAM, displayName: "Sam Ortiz" }],
    );
    expect(partIds).toEqual([JORDAN, SAM]);
    expect(input.parts.map((p) => p.participantId)).toEqual([JORDAN, SAM]);
    expect(input.parts[0]).toEqual({ participantId: JORDAN, ...part("Jordan") });
    expect(input.interventions).toEqual(["DBT: mindfulness", "Sleep hygiene handout", "Grounding"]);
  });

  it("renames the API's parts.<index> errors to the person they are about", () => {
    expect(
      byPerson(
        {
          "parts.1.plan": "Write the plan.",
          "parts.0.participantId": "Write one part per person.",
          "parts.7.plan": "Out of range",
          topic: "Write the topic.",
        },
        [JORDAN, SAM],
      ),
    ).toEqual({
      [`parts.${SAM}.plan`]: "Write the plan.",
      [`parts.${JORDAN}.participantId`]: "Write one part per person.",
      "parts.7.plan": "Out of range",
      topic: "Write the topic.",
    });
  });

  it("passes a complete note and refuses an incomplete one with errors by person", () => {
    expect(checkNote(filled(), attended)).toMatchObject({ ok: true, partIds: [AVERY, JORDAN] });

    const result = checkNote(
      filled({
        topic: " ",
        interventions: [],
        parts: { [AVERY]: part("Avery"), [JORDAN]: { data: "Quiet", assessment: "", plan: "" } },
      }),
      attended,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.message).toBe(CHECK_FIELDS_MESSAGE);
    expect(result.problem.fields).toEqual({
      topic: "Write the topic.",
      interventions: "Name at least one intervention.",
      [`parts.${JORDAN}.assessment`]: "Write the assessment.",
      [`parts.${JORDAN}.plan`]: "Write the plan.",
    });
  });

  it("names who attended but has no part yet, before signing", () => {
    const draft = filled({
      parts: { [AVERY]: { data: " ", assessment: "", plan: "" }, [JORDAN]: part("Jordan") },
    });
    expect(missingParts(draft, attended).map((p) => p.displayName)).toEqual(["Avery Johnson"]);
    expect(missingParts(filled(), attended)).toEqual([]);
  });
});
