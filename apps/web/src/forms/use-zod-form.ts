import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type SyntheticEvent } from "react";
import {
  get,
  set,
  useForm,
  type DefaultValues,
  type FieldError,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from "react-hook-form";
import { z } from "zod";
import {
  checkFieldsMessage,
  problemFromError,
  schemaMessageInActiveLanguage,
  type FormProblem,
} from "./form-problem";

/** Messages keyed by dotted field name; an undefined message is no problem. */
export type FieldMessages = Readonly<Record<string, string | undefined>>;

/** A zod schema a form can be typed from: its input is the form's values. */
export type FormSchema = z.ZodType<FieldValues, FieldValues>;

export type ZodFormOptions<Schema extends FormSchema> = {
  schema: Schema;
  defaultValues: DefaultValues<z.input<Schema>>;
  /**
   * Words one schema message in the language the app speaks now. The schemas speak English; by
   * default another language says "check this field".
   */
  translate?: (field: string, english: string) => string;
  /**
   * Rules across fields (a password typed twice), worded in the active language. They are
   * checked with the schema, so one submit shows every problem at once. A message named `root`
   * is what the top of the form says instead of the usual "check the fields" summary.
   */
  check?: (values: z.input<Schema>) => FieldMessages;
  /** What a failed request says; `problemFromError` unless the form knows better. */
  describe?: (error: unknown) => FormProblem;
};

export type ZodForm<Schema extends FormSchema> = UseFormReturn<
  z.input<Schema>,
  unknown,
  z.output<Schema>
> & {
  /** What the form says at the top after a failed submit, for `FormAlert`; null when fine. */
  problem: FormProblem | null;
  /** The message shown under a field, by dotted name. */
  error: (name: string) => string | undefined;
  /** The form's `onSubmit`: validates, then hands the schema's output to `onValid`. */
  submitWith: (onValid: (values: z.output<Schema>) => void) => (event: SyntheticEvent) => void;
  /** Shows a failed request: its fields under their controls, its message at the top. */
  fail: (error: unknown) => void;
};

/**
 * A form schema for values that an existing checking function turns into the request: its
 * problems become the schema's issues, already worded for the reader (pair it with a
 * `translate` that keeps them). A problem of no field ("nothing has changed yet") is said at the
 * top instead of the usual summary.
 */
export function checkedSchema<Values extends FieldValues, Output extends FieldValues>(
  toInput: (values: Values) => { ok: true; input: Output } | { ok: false; problem: FormProblem },
) {
  return z.custom<Values>().transform((values, context): Output => {
    const result = toInput(values);
    if (result.ok) return result.input;
    const fields = shallowFirst(result.problem.fields);
    if (fields.length === 0) {
      context.addIssue({ code: "custom", path: [ROOT], message: result.problem.message });
    }
    for (const [name, message] of fields) {
      context.addIssue({ code: "custom", path: name.split("."), message });
    }
    return z.NEVER;
  });
}

/**
 * Field messages in the order they can be nested: errors nest by dotted name, so a message for
 * "rooms" set after one for "rooms.1.name" would replace it.
 */
function shallowFirst(fields: Readonly<Record<string, string>>): [string, string][] {
  const depth = (name: string) => name.split(".").length;
  return Object.entries(fields).sort(([a], [b]) => depth(a) - depth(b));
}

/** Where react-hook-form keeps a problem of the whole form, not of one field. */
const ROOT = "root";

/** Keeps a message as it is: for schemas whose messages are already in the reader's language. */
export function keepMessage(_field: string, message: string): string {
  return message;
}

/** Every field message in nested react-hook-form errors, keyed by dotted name. */
export function flattenErrors(errors: FieldErrors, prefix = ""): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    if (key === ROOT || value === undefined || value === null || typeof value !== "object") {
      continue;
    }
    const name = prefix === "" ? key : `${prefix}.${key}`;
    const { message, type, ref: _ref, types: _types, ...children } = value as FieldError;
    if (typeof message === "string" && typeof type === "string") flat[name] = message;
    Object.assign(flat, flattenErrors(children as FieldErrors, name));
  }
  return flat;
}

function nestErrors<Values extends FieldValues>(
  flat: Readonly<Record<string, string>>,
  type: string,
): FieldErrors<Values> {
  const errors: FieldErrors<Values> = {};
  for (const [name, message] of shallowFirst(flat)) set(errors, name, { type, message });
  return errors;
}

/**
 * A form on react-hook-form, validated by a zod schema. Errors stay as they are until the next
 * submit; a failed submit puts the problem at the top (`FormAlert` takes focus, as every form
 * here does) and each message under its field; the server's field errors land there too.
 */
export function useZodForm<Schema extends FormSchema>({
  schema,
  defaultValues,
  translate = (_field, english) => schemaMessageInActiveLanguage(english),
  check,
  describe = problemFromError,
}: ZodFormOptions<Schema>): ZodForm<Schema> {
  type Input = z.input<Schema>;
  type Output = z.output<Schema>;
  const [problem, setProblem] = useState<FormProblem | null>(null);

  // Built each render: react-hook-form reads its options afresh, so the words stay current.
  const parse = zodResolver(schema, undefined, { mode: "sync" }) as unknown as Resolver<
    Input,
    unknown,
    Output
  >;
  const resolver: Resolver<Input, unknown, Output> = async (values, context, options) => {
    const result = await parse(values, context, options);
    const fields: Record<string, string> = {};
    for (const [name, english] of Object.entries(flattenErrors(result.errors))) {
      fields[name] = translate(name, english);
    }
    for (const [name, message] of Object.entries(check?.(values) ?? {})) {
      if (message !== undefined) fields[name] = message;
    }
    if (Object.keys(fields).length === 0) return result;
    return { values: {}, errors: nestErrors<Input>(fields, "validate") };
  };

  const form = useForm<Input, unknown, Output>({
    resolver,
    defaultValues,
    // Messages change only when the person submits again, as they always have here.
    reValidateMode: "onSubmit",
    // The summary at the top takes focus, then the person tabs down to the marked fields.
    shouldFocusError: false,
  });
  const { handleSubmit, setError, formState } = form;

  function error(name: string): string | undefined {
    const found: FieldError | undefined = get(formState.errors, name);
    return found?.message;
  }

  function submitWith(onValid: (values: Output) => void) {
    return (event: SyntheticEvent) => {
      void handleSubmit(
        (values) => {
          setProblem(null);
          onValid(values);
        },
        (errors) =>
          setProblem({
            message: errors.root?.message ?? checkFieldsMessage(),
            fields: flattenErrors(errors),
          }),
      )(event);
    };
  }

  function fail(failure: unknown) {
    const next = describe(failure);
    for (const [name, message] of shallowFirst(next.fields)) {
      setError(name as Path<Input>, { type: "server", message });
    }
    setProblem(next);
  }

  return { ...form, problem, error, submitWith, fail };
}
