import { z } from "zod";
import { describe, expect, it } from "vitest";
import { loggableUrl } from "../app";
import { DomainError } from "@bridgeway/domain";
import { fieldsFromZodError, parseInput } from "./validate";

describe("input validation", () => {
  const Schema = z.strictObject({ name: z.string(), nested: z.object({ age: z.number() }) });

  it("names nested fields by their path", () => {
    const result = Schema.safeParse({ name: "x", nested: { age: "old" } });
    if (result.success) throw new Error("expected failure");
    expect(Object.keys(fieldsFromZodError(result.error))).toEqual(["nested.age"]);
  });

  it("names each unknown key", () => {
    const result = Schema.safeParse({ name: "x", nested: { age: 1 }, extra: 1, more: 2 });
    if (result.success) throw new Error("expected failure");
    expect(fieldsFromZodError(result.error)).toEqual({
      extra: "Unknown field.",
      more: "Unknown field.",
    });
  });

  it("throws an invalid-input DomainError (a 400) listing the fields", () => {
    let thrown: unknown;
    try {
      parseInput(Schema, { nested: {} });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const error = thrown as DomainError;
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["name", "nested.age"]);
  });

  it("says the body is missing when there is none", () => {
    expect(() => parseInput(Schema, undefined)).toThrow(/missing or not a JSON object/);
  });
});

describe("request log URLs", () => {
  it("drop query strings and long secret tokens from the logged path", () => {
    expect(loggableUrl("/api/home?x=secret")).toBe("/api/home");
    expect(loggableUrl(`/api/calendar/${"a".repeat(43)}.ics`)).toBe("/api/calendar/:secret");
    expect(loggableUrl("/api/cohorts/0b8f7a0e-1c4c-4a55-9d43-8f3f62f2d3a1")).toBe(
      "/api/cohorts/0b8f7a0e-1c4c-4a55-9d43-8f3f62f2d3a1",
    );
  });
});
