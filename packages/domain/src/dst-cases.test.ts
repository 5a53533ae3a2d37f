import { describe, expect, it } from "vitest";
import { DST_CASES } from "./dst-cases";

const MINUTE_MS = 60_000;

function offsetMinutes(offset: string): number {
  const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})$/.exec(offset) ?? [];
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** The wall clock an instant shows at an offset, as `YYYY-MM-DDTHH:MM`. */
const wallClockOf = (utc: string, offset: string) =>
  new Date(Date.parse(utc) + offsetMinutes(offset) * MINUTE_MS).toISOString().slice(0, 16);

describe("the daylight-saving table", () => {
  it("covers spring-forward gaps and fall-back overlaps on both hemispheres, and a zone without DST", () => {
    const zonesWith = (kind: string) =>
      new Set(DST_CASES.filter((c) => c.kind === kind).map((c) => c.zone));
    expect([...zonesWith("gap")].sort()).toEqual([
      "America/Chicago",
      "America/Los_Angeles",
      "America/New_York",
      "Australia/Sydney",
      "Europe/London",
    ]);
    expect([...zonesWith("overlap")].sort()).toEqual([...zonesWith("gap")].sort());
    expect(DST_CASES.some((c) => c.zone === "America/Phoenix")).toBe(true);
  });

  it("gives, for every time that exists, an instant showing that very time at the offset given", () => {
    for (const c of DST_CASES.filter((each) => each.kind !== "gap")) {
      expect(wallClockOf(c.utc, c.offset), `${c.zone} ${c.date} ${c.time}`).toBe(
        `${c.date}T${c.time}`,
      );
    }
  });

  it("moves every skipped time forward by exactly one hour", () => {
    for (const c of DST_CASES.filter((each) => each.kind === "gap")) {
      const asWritten = Date.parse(`${c.date}T${c.time}:00Z`);
      const shown = Date.parse(`${wallClockOf(c.utc, c.offset)}:00Z`);
      expect(shown - asWritten, `${c.zone} ${c.date} ${c.time}`).toBe(60 * MINUTE_MS);
    }
  });
});
