import { describe, expect, it } from "vitest";
import { toBookSessionInput, type BookSessionValues } from "./book-session-form";

const ME = "00000000-0000-4000-8000-000000000002";
const JORDAN = "00000000-0000-4000-8000-000000000003";
const values: BookSessionValues = {
  kind: "INDIVIDUAL",
  participantUserId: JORDAN,
  date: "2026-11-24",
  time: "14:00",
  durationMinutes: "50",
  facilitatorUserId: ME,
};

describe("booking a one-off session", () => {
  it("reads the date and time in the booker's zone and sends the instant with its offset", () => {
    expect(toBookSessionInput(values, "America/Chicago", ME)).toEqual({
      ok: true,
      input: {
        kind: "INDIVIDUAL",
        participantUserId: JORDAN,
        startsAt: "2026-11-24T14:00:00-06:00",
        durationMinutes: 50,
        timeZone: "America/Chicago",
      },
    });
  });

  it("names another clinician only when the booker chose someone else", () => {
    const other = "00000000-0000-4000-8000-0000000000f9";
    const result = toBookSessionInput({ ...values, facilitatorUserId: other }, "UTC", ME);
    expect(result.ok && result.input.facilitatorUserId).toBe(other);
  });

  it("says which fields are missing or out of range", () => {
    const result = toBookSessionInput(
      { ...values, participantUserId: "", time: "", durationMinutes: "5" },
      "UTC",
      ME,
    );
    expect(result).toMatchObject({
      ok: false,
      problem: {
        fields: {
          participantUserId: "Choose a participant.",
          time: "Choose a start time.",
          durationMinutes: "Sessions last at least 15 minutes.",
        },
      },
    });
    expect(result.ok || "startsAt" in result.problem.fields).toBe(false);
  });
});
