import {
  ReminderPreferencesSchema,
  type ReminderChannel,
  type ReminderPreferences,
  type ReminderPreferencesDto,
} from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { problemFromZod, type FormProblem } from "../forms/form-problem";
import { activeLocale, i18n } from "../i18n/i18n";

/** What the reminder form holds while someone edits it. */
export type ReminderFormValues = {
  enabled: boolean;
  channels: ReminderChannel[];
  phone: string;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
};

export function formFromPreferences(p: ReminderPreferencesDto): ReminderFormValues {
  const channels: ReminderChannel[] = [];
  if (p.byEmail) channels.push("EMAIL");
  if (p.bySms) channels.push("SMS");
  return {
    enabled: p.enabled,
    channels,
    phone: p.phone ?? "",
    quiet: p.quietHours !== null,
    quietStart: p.quietHours?.start ?? "21:00",
    quietEnd: p.quietHours?.end ?? "08:00",
  };
}

/**
 * The preferences to save, or the problem to show. A number typed before text messages were
 * turned off is kept (so turning them back on does not lose it), but only when it is valid.
 */
export function checkReminderForm(
  values: ReminderFormValues,
  t: TFunction<"reminders"> = i18n.getFixedT(null, "reminders"),
): { ok: true; input: ReminderPreferences } | { ok: false; problem: FormProblem } {
  const bySms = values.enabled && values.channels.includes("SMS");
  const phone = values.phone.trim();
  const candidate = {
    enabled: values.enabled,
    byEmail: values.channels.includes("EMAIL"),
    bySms: values.channels.includes("SMS"),
    phone: phone === "" ? null : phone,
    quietHours: values.quiet ? { start: values.quietStart, end: values.quietEnd } : null,
  };
  let result = ReminderPreferencesSchema.safeParse(candidate);
  if (!result.success && !bySms && result.error.issues.every((i) => i.path[0] === "phone")) {
    result = ReminderPreferencesSchema.safeParse({ ...candidate, phone: null });
  }
  if (result.success) return { ok: true, input: result.data };
  const problem = problemFromZod(result.error);
  if (activeLocale() === "en") return { ok: false, problem };
  // The schema words its messages in English; in another language, say them here.
  const fields = Object.fromEntries(
    Object.keys(problem.fields).map((name) => [
      name,
      name === "phone"
        ? t("preferences.invalid.phone")
        : name.startsWith("quietHours")
          ? t("preferences.invalid.time")
          : t("preferences.invalid.channel"),
    ]),
  );
  return { ok: false, problem: { message: t("preferences.checkFields"), fields } };
}
