import { describe, expect, it } from "vitest";
import { wallClockToEpochMs } from "./wall-clock";

const HOUR_MS = 3_600_000;

/** A made-up zone at `standard` minutes from UTC that moves to `daylight` at `changeAt`. */
function zoneChangingAt(changeAt: string, standard: number, daylight: number) {
  const change = Date.parse(changeAt);
  return (epochMs: number) => (epochMs < change ? standard : daylight);
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe("a wall-clock time in a zone, as an instant", () => {
  // Clocks go from 02:00 at -05:00 to 03:00 at -04:00.
  const springForward = zoneChangingAt("2026-03-08T07:00:00Z", -300, -240);
  // Clocks go from 02:00 at -04:00 back to 01:00 at -05:00.
  const fallBack = zoneChangingAt("2026-11-01T06:00:00Z", -240, -300);

  it("reads an ordinary time with the offset in force at that time", () => {
    expect(iso(wallClockToEpochMs("2026-03-08", "01:59", springForward))).toBe(
      "2026-03-08T06:59:00.000Z",
    );
    expect(iso(wallClockToEpochMs("2026-03-08", "03:00", springForward))).toBe(
      "2026-03-08T07:00:00.000Z",
    );
  });

  it("moves a skipped time forward by the length of the gap", () => {
    expect(iso(wallClockToEpochMs("2026-03-08", "02:30", springForward))).toBe(
      "2026-03-08T07:30:00.000Z",
    );
  });

  it("takes the first of a time that happens twice", () => {
    const first = wallClockToEpochMs("2026-11-01", "01:30", fallBack);
    expect(iso(first)).toBe("2026-11-01T05:30:00.000Z");
    // The other 01:30 exists, an hour later: the choice was real.
    expect(fallBack((first ?? 0) + HOUR_MS)).toBe(-300);
  });

  it("takes the first of a repeated time east of UTC too", () => {
    // Clocks go from 03:00 at +11:00 back to 02:00 at +10:00 (Sydney in April).
    const sydneyApril = zoneChangingAt("2026-04-04T16:00:00Z", 660, 600);
    expect(iso(wallClockToEpochMs("2026-04-05", "02:30", sydneyApril))).toBe(
      "2026-04-04T15:30:00.000Z",
    );
  });

  it("ignores seconds written after the minutes", () => {
    expect(wallClockToEpochMs("2026-07-01", "09:00:59", () => 0)).toBe(
      Date.parse("2026-07-01T09:00:00Z"),
    );
  });

  it("answers null for a date or time that is not well formed", () => {
    expect(wallClockToEpochMs("2026-7-1", "09:00", () => 0)).toBeNull();
    expect(wallClockToEpochMs("2026-07-01", "9am", () => 0)).toBeNull();
    expect(wallClockToEpochMs("2026-07-01", "24:00", () => 0)).toBeNull();
    expect(wallClockToEpochMs("", "", () => 0)).toBeNull();
  });
});
