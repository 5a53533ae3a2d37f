import type { z } from "zod";
import { ApiError, describeError } from "../api/api-client";

/**
 * What a form says after a failed submit: one message at the top (announced), and per-field
 * messages keyed the way the API names fields (`weeklyPattern.days`, `endsOn`).
 */
export type FormProblem = { message: string; fields: Readonly<Record<string, string>> };

export const CHECK_FIELDS_MESSAGE = "Check the fields marked below.";

/** A field's message, or undefined when it has none. */
export function fieldError(problem: FormProblem | null, name: string): string | undefined {
  return problem?.fields[name];
}

/** The first message for each field of a failed zod parse, keyed by its dotted path. */
export function problemFromZod(error: z.ZodError): FormProblem {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = issue.path.map(String).join(".");
    if (fields[name] === undefined) fields[name] = issue.message;
  }
  return { message: CHECK_FIELDS_MESSAGE, fields };
}

/**
 * Turns a failed request into a form problem: bad input names its fields, a conflict says what
 * clashed in the server's own words, and anything else says what went wrong.
 */
export function problemFromError(error: unknown): FormProblem {
  if (error instanceof ApiError) {
    const hasFields = Object.keys(error.fields).length > 0;
    if (error.code === "invalid_input" && hasFields) {
      return { message: CHECK_FIELDS_MESSAGE, fields: error.fields };
    }
    // A clash that names its field ("this email already has an account"): the server's words
    // at the top, and the field marked.
    if (error.code === "conflict" && hasFields) {
      return { message: error.message, fields: error.fields };
    }
    if (error.code === "forbidden" || error.code === "not_found") {
      return {
        message: `${error.message} You may not have permission to make this change.`,
        fields: {},
      };
    }
  }
  return { message: describeError(error), fields: {} };
}

/** Problem fields that belong to none of `known`, said at the top so nothing is lost. */
export function unplacedFields(problem: FormProblem | null, known: readonly string[]): string[] {
  if (!problem) return [];
  return Object.entries(problem.fields)
    .filter(([name]) => !known.includes(name))
    .map(([, message]) => message);
}
