import { describe, expect, it } from "vitest";
import {
  dueReminder,
  inQuietHours,
  reminderChannels,
  ReminderPreferencesSchema,
  reminderDay,
  DEFAULT_REMINDER_PREFERENCES,
} from "./reminders";
import { attendanceConcerns, missedSession } from "./follow-ups";

const start = new Date("2026-12-08T00:00:00Z"); // 6:00 PM on Dec 7 in Chicago

describe("dueReminder", () => {
  it("sends nothing more than a day ahead", () => {
    expect(dueReminder(start, new Date("2026-12-06T23:59:00Z"))).toBeNull();
  });
  it("sends the day-before reminder from 24 hours ahead", () => {
    expect(dueReminder(start, new Date("2026-12-07T00:00:00Z"))).toEqual({
      lead: 1440,
      superseded: [],
    });
  });
  it("sends only the hour-before reminder when the day-before one was missed", () => {
    expect(dueReminder(start, new Date("2026-12-07T23:10:00Z"))).toEqual({
      lead: 60,
      superseded: [1440],
    });
  });
  it("sends nothing once the session started", () => {
    expect(dueReminder(start, start)).toBeNull();
  });
});

describe("inQuietHours", () => {
  const quiet = { start: "22:00", end: "07:00" };
  it("reads quiet hours that cross midnight in the person's own zone", () => {
    // 04:30 UTC is 22:30 the evening before in Chicago.
    expect(inQuietHours(new Date("2026-12-08T04:30:00Z"), "America/Chicago", quiet)).toBe(true);
    expect(inQuietHours(new Date("2026-12-08T12:59:00Z"), "America/Chicago", quiet)).toBe(true);
    expect(inQuietHours(new Date("2026-12-08T13:00:00Z"), "America/Chicago", quiet)).toBe(false);
    expect(inQuietHours(new Date("2026-12-08T04:30:00Z"), "Europe/London", quiet)).toBe(true);
    expect(inQuietHours(new Date("2026-12-08T12:00:00Z"), "Europe/London", quiet)).toBe(false);
  });
  it("reads a daytime span", () => {
    const day = { start: "09:00", end: "17:00" };
    expect(inQuietHours(new Date("2026-12-08T16:00:00Z"), "America/Chicago", day)).toBe(true);
    expect(inQuietHours(new Date("2026-12-08T23:00:00Z"), "America/Chicago", day)).toBe(false);
  });
  it("is never quiet without quiet hours", () => {
    expect(inQuietHours(start, "America/Chicago", null)).toBe(false);
  });
});

describe("ReminderPreferencesSchema", () => {
  it("needs a phone number for text messages, named on the field", () => {
    const result = ReminderPreferencesSchema.safeParse({
      ...DEFAULT_REMINDER_PREFERENCES,
      bySms: true,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["phone"]);
  });
  it("normalises a phone number and refuses one without a country code", () => {
    const ok = ReminderPreferencesSchema.parse({
      ...DEFAULT_REMINDER_PREFERENCES,
      bySms: true,
      phone: "+1 (555) 123-4567",
    });
    expect(ok.phone).toBe("+15551234567");
    expect(reminderChannels(ok)).toEqual(["EMAIL", "SMS"]);
    const bad = ReminderPreferencesSchema.safeParse({
      ...DEFAULT_REMINDER_PREFERENCES,
      phone: "555-1234",
    });
    expect(bad.error?.issues[0]?.path).toEqual(["phone"]);
  });
  it("refuses reminders on with no channel, and sends none when turned off", () => {
    const none = { ...DEFAULT_REMINDER_PREFERENCES, byEmail: false };
    expect(ReminderPreferencesSchema.safeParse(none).success).toBe(false);
    expect(reminderChannels({ ...none, enabled: false })).toEqual([]);
  });
});

describe("missed sessions and attendance flags", () => {
  const held = { expected: true, cancelled: false, held: true, over: true, attended: false };
  it("counts a held, finished session the participant never joined", () => {
    expect(missedSession(held)).toBe(true);
    expect(missedSession({ ...held, attended: true })).toBe(false);
    expect(missedSession({ ...held, held: false })).toBe(false);
    expect(missedSession({ ...held, cancelled: true })).toBe(false);
    expect(missedSession({ ...held, over: false })).toBe(false);
    expect(missedSession({ ...held, expected: false })).toBe(false);
  });
  it("flags two missed sessions in a week, or a finished week under 9 hours", () => {
    const week = { missedSessions: 0, attendedHours: 9, plannedHours: 12, over: true };
    expect(attendanceConcerns(week)).toEqual([]);
    expect(attendanceConcerns({ ...week, missedSessions: 2 })).toEqual(["missed-sessions"]);
    expect(attendanceConcerns({ ...week, attendedHours: 8.5 })).toEqual(["below-minimum"]);
    expect(attendanceConcerns({ ...week, attendedHours: 8.5, over: false })).toEqual([]);
  });
});

describe("reminderDay", () => {
  it("names today, tomorrow or a later day in the person's own zone", () => {
    expect(reminderDay(start, new Date("2026-12-07T23:00:00Z"), "America/Chicago")).toBe("today");
    expect(reminderDay(start, new Date("2026-12-07T00:00:00Z"), "America/Chicago")).toBe(
      "tomorrow",
    );
    // At 22:30 UTC it is still Dec 7 in Berlin, and the session is at 1:00 AM on Dec 8 there.
    const evening = new Date("2026-12-07T22:30:00Z");
    expect(reminderDay(start, evening, "America/Chicago")).toBe("today");
    expect(reminderDay(start, evening, "Europe/Berlin")).toBe("tomorrow");
    expect(reminderDay(start, new Date("2026-12-04T00:00:00Z"), "America/Chicago")).toBe("later");
  });
});
