import type { z } from "zod";
import { ApiError, describeError } from "../api/api-client";
import { activeLocale, i18n } from "../i18n/i18n";

/**
 * What a form says after a failed submit: one message at the top (announced), and per-field
 * messages keyed the way the API names fields (`weeklyPattern.days`, `endsOn`).
 */
export type FormProblem = { message: string; fields: Readonly<Record<string, string>> };

/** The summary above a form with marked fields, in English (staff screens, tests). */
export const CHECK_FIELDS_MESSAGE = "Check the fields marked below.";

/** The summary above a form with marked fields, in the language the app speaks now. */
export function checkFieldsMessage(): string {
  return activeLocale() === "en" ? CHECK_FIELDS_MESSAGE : i18n.t("checkFields", { ns: "forms" });
}

/**
 * Field messages in the language the app speaks now: the schemas and the server word theirs in
 * English, so in another language each field says "check this" (forms that know better say more).
 */
function inActiveLanguage(fields: Readonly<Record<string, string>>): Record<string, string> {
  if (activeLocale() === "en") return { ...fields };
  const check = i18n.t("checkField", { ns: "forms" });
  return Object.fromEntries(Object.keys(fields).map((name) => [name, check]));
}

/**
 * One schema message in the language the app speaks now: the English itself, or "check this"
 * (for forms that have no better words of their own).
 */
export function schemaMessageInActiveLanguage(english: string): string {
  return activeLocale() === "en" ? english : i18n.t("checkField", { ns: "forms" });
}

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
  return { message: checkFieldsMessage(), fields: inActiveLanguage(fields) };
}

/**
 * Turns a failed request into a form problem: bad input names its fields, a conflict says what
 * clashed in the server's own words, and anything else says what went wrong.
 */
export function problemFromError(error: unknown): FormProblem {
  if (error instanceof ApiError) {
    const hasFields = Object.keys(error.fields).length > 0;
    if (error.code === "invalid_input" && hasFields) {
      return { message: checkFieldsMessage(), fields: inActiveLanguage(error.fields) };
    }
    // A clash that names its field ("this email already has an account"): the server's words
    // at the top, and the field marked.
    const english = activeLocale() === "en";
    if (error.code === "conflict" && hasFields) {
      // In another language the server's words cannot be shown: the field says to check it.
      return english
        ? { message: error.message, fields: error.fields }
        : { message: checkFieldsMessage(), fields: inActiveLanguage(error.fields) };
    }
    if (error.code === "forbidden" || error.code === "not_found") {
      const reason = english ? error.message : describeError(error);
      return {
        message: english
          ? `${reason} You may not have permission to make this change.`
          : i18n.t("noPermission", { ns: "forms", reason }),
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
