import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, NetworkError } from "../api/api-client";
import { applyLocale } from "../i18n/i18n";
import { problemFromError, problemFromZod, unplacedFields } from "./form-problem";

describe("form problems", () => {
  it("keys zod issues by their dotted path, keeping the first message of each field", () => {
    const schema = z.object({
      weeklyPattern: z.object({ days: z.array(z.string()).min(1, { error: "Choose a day." }) }),
      name: z.string().min(1, { error: "Name is required." }).min(2, { error: "Too short." }),
    });
    const result = schema.safeParse({ weeklyPattern: { days: [] }, name: "" });
    if (result.success) throw new Error("expected a failure");
    expect(problemFromZod(result.error)).toEqual({
      message: "Check the fields marked below.",
      fields: { "weeklyPattern.days": "Choose a day.", name: "Name is required." },
    });
  });

  it("puts a 400's fields next to the fields and a 409's message at the top, with its field when it names one", () => {
    const invalid = new ApiError(400, "invalid_input", "Bad input.", { endsOn: "Too early." });
    expect(problemFromError(invalid)).toEqual({
      message: "Check the fields marked below.",
      fields: { endsOn: "Too early." },
    });
    const conflict = new ApiError(409, "conflict", "Dana Whitfield is already booked then.");
    expect(problemFromError(conflict)).toEqual({
      message: "Dana Whitfield is already booked then.",
      fields: {},
    });
    const taken = new ApiError(409, "conflict", "This email already has an account.", {
      email: "Already in use.",
    });
    expect(problemFromError(taken)).toEqual({
      message: "This email already has an account.",
      fields: { email: "Already in use." },
    });
    expect(problemFromError(new NetworkError()).message).toContain("Can't reach Bridgeway");
  });

  it("lists field messages that no field on the form can show", () => {
    const problem = { message: "Check.", fields: { name: "A", weeklyPattern: "B" } };
    expect(unplacedFields(problem, ["name"])).toEqual(["B"]);
  });

  describe("in Spanish", () => {
    afterEach(() => applyLocale("en"));

    it("says the summary, the fields and refusals in Spanish, never the server's English", () => {
      applyLocale("es");
      const schema = z.object({ name: z.string().min(1, { error: "Name is required." }) });
      const result = schema.safeParse({ name: "" });
      if (result.success) throw new Error("expected a failure");
      expect(problemFromZod(result.error)).toEqual({
        message: "Revisa los campos marcados abajo.",
        fields: { name: "Revisa este campo." },
      });
      const taken = new ApiError(409, "conflict", "This email already has an account.", {
        email: "Already in use.",
      });
      expect(problemFromError(taken)).toEqual({
        message: "Revisa los campos marcados abajo.",
        fields: { email: "Revisa este campo." },
      });
      const refused = problemFromError(new ApiError(403, "forbidden", "Not allowed."));
      expect(refused.message).toMatch(/^No tienes acceso.*Es posible que no tengas permiso/);
      expect(refused.message).not.toContain("Not allowed");
    });
  });
});
