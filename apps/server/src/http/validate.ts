import type { z } from "zod";
import { badRequest } from "./errors";

/** Field name → first problem, from a zod error; unknown keys are named one by one. */
export function fieldsFromZodError(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        fields[[...issue.path, key].join(".")] ??= "Unknown field.";
      }
      continue;
    }
    const name = issue.path.length > 0 ? issue.path.join(".") : "body";
    fields[name] ??= issue.message;
  }
  return fields;
}

/**
 * Parses request input with `schema` or throws a 400 naming each bad field. `where` says which
 * part of the request it is (body, query, params) for the message.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: "body" | "query" | "params" = "body",
): z.infer<S> {
  const result = schema.safeParse(input ?? (where === "body" ? undefined : {}));
  if (result.success) return result.data;
  const fields = fieldsFromZodError(result.error);
  const names = Object.keys(fields);
  const message =
    names.length === 1 && names[0] === "body"
      ? `The request ${where} is missing or not a JSON object.`
      : `Check ${names.join(", ")}.`;
  throw badRequest(message, fields);
}
