import { z } from "zod";

/** A UTF-16 surrogate half with no partner: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a piece of text cannot be stored, or undefined when it can. NUL is refused by PostgreSQL
 * text columns and lone surrogates cannot be encoded: both are refused at the door, never a 500.
 */
export function unstorableTextProblem(text: string): string | undefined {
  if (text.includes("\u0000")) return "Remove the NUL character (\\u0000).";
  if (LONE_SURROGATE.test(text)) return "Remove the broken character (a lone UTF-16 surrogate).";
  return undefined;
}

/**
 * Characters a name must not contain: control characters (C0, DEL, C1, line breaks, tabs) and
 * the bidirectional controls that make text read differently from how it is stored (U+202A-202E
 * embeddings and overrides, U+2066-2069 isolates, U+200E/200F/061C marks), which let a name
 * impersonate someone else in a list.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NAME_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Why `text` is not acceptable as a name, or undefined when it is. */
export function nameProblem(text: string): string | undefined {
  const unstorable = unstorableTextProblem(text);
  if (unstorable) return unstorable;
  if (NAME_FORBIDDEN.test(text))
    return "Names cannot contain control characters or text-direction overrides.";
  return undefined;
}

/** A zod refinement refusing what `nameProblem` refuses, for name schemas with their own words. */
export function refuseUnsafeName(value: string, ctx: z.RefinementCtx): void {
  const problem = nameProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

/** A name (of a person, cohort, program or room): trimmed, 1..max characters, no controls. */
export function nameSchema(options: { max: number; required?: string; label?: string }) {
  const required = options.required ?? "Name is required.";
  return z
    .string({ error: options.label ? `${options.label} must be text.` : "Name must be text." })
    .trim()
    .min(1, { error: required })
    .max(options.max, { error: `Keep it to ${options.max} characters or fewer.` })
    .superRefine(refuseUnsafeName);
}

/** Free text (a message, a note): anything storable; limits on length stay with each field. */
export const StorableTextSchema = z.string().superRefine((value, ctx) => {
  const problem = unstorableTextProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

type PathNode = { key: string | number; parent: PathNode | undefined } | undefined;

/** Where to name a problem in a JSON value: `a.b.0`, or "" for the value itself. */
function fieldName(node: PathNode): string {
  const parts: string[] = [];
  for (let n = node; n; n = n.parent) {
    // A key may itself hold the bad character: name it escaped, never echo it raw.
    parts.push(typeof n.key === "number" ? String(n.key) : JSON.stringify(n.key).slice(1, -1));
  }
  return parts.reverse().join(".");
}

/**
 * The first string (key or value) anywhere in a parsed JSON value that cannot be stored, with its
 * path, or undefined. Walks without recursion, so any nesting depth is safe.
 */
export function findUnstorableText(value: unknown): { field: string; problem: string } | undefined {
  const stack: { value: unknown; path: PathNode }[] = [{ value, path: undefined }];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    const { value: current, path } = next;
    if (typeof current === "string") {
      const problem = unstorableTextProblem(current);
      if (problem) return { field: fieldName(path), problem };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1)
        stack.push({ value: current[i] as unknown, path: { key: i, parent: path } });
    } else if (typeof current === "object" && current !== null) {
      const entries: [string, unknown][] = Object.entries(current as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i] ?? ["", undefined];
        const node = { key, parent: path };
        const problem = unstorableTextProblem(key);
        if (problem) return { field: fieldName(node), problem };
        stack.push({ value: child, path: node });
      }
    }
  }
  return undefined;
}
