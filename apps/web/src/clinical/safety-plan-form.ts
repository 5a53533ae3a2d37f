import { SafetyPlanContentSchema, type SafetyPlanContent } from "@bridgeway/domain";
import { problemFromZod, type FormProblem } from "../forms/form-problem";

export const TEXT_STEPS = ["warningSigns", "copingStrategies", "environmentSafety"] as const;
export const CONTACT_STEPS = ["distractions", "peopleToAsk", "professionals"] as const;
export type TextStep = (typeof TEXT_STEPS)[number];
export type ContactStep = (typeof CONTACT_STEPS)[number];
export type ContactDraft = { name: string; phone: string };

/** The safety plan as its editor holds it: every list editable, blanks allowed while typing. */
export type SafetyPlanDraft = Record<TextStep, string[]> &
  Record<ContactStep, ContactDraft[]> & { reasonsForLiving: string };

/** What one row of each step is called, for labels and "Add a …" buttons. */
export const STEP_ITEM: Record<TextStep | ContactStep, { one: string; hint: string }> = {
  warningSigns: {
    one: "warning sign",
    hint: "Thoughts, images, moods, situations or behaviour that show a crisis may be starting.",
  },
  copingStrategies: {
    one: "coping strategy",
    hint: "Things to do alone to take the mind off problems: relaxing, moving, a routine.",
  },
  distractions: {
    one: "person or place",
    hint: "People and social settings that help take the mind off things.",
  },
  peopleToAsk: { one: "person", hint: "People to ask for help." },
  professionals: {
    one: "professional or agency",
    hint: "Clinicians and services to contact in a crisis. 988 is always shown with the plan.",
  },
  environmentSafety: {
    one: "step",
    hint: "Making the surroundings safe, such as keeping lethal means away or locked.",
  },
};

export function draftFromPlan(content: SafetyPlanContent | null): SafetyPlanDraft {
  const contacts = (list: SafetyPlanContent["distractions"] | undefined) =>
    (list ?? []).map((c) => ({ name: c.name, phone: c.phone ?? "" }));
  return {
    warningSigns: [...(content?.warningSigns ?? [])],
    copingStrategies: [...(content?.copingStrategies ?? [])],
    distractions: contacts(content?.distractions),
    peopleToAsk: contacts(content?.peopleToAsk),
    professionals: contacts(content?.professionals),
    environmentSafety: [...(content?.environmentSafety ?? [])],
    reasonsForLiving: content?.reasonsForLiving ?? "",
  };
}

/** The draft without rows left blank, so that the rows on screen match what is sent. */
export function compactDraft(draft: SafetyPlanDraft): SafetyPlanDraft {
  const text = (list: string[]) => list.filter((t) => t.trim() !== "");
  const contacts = (list: ContactDraft[]) =>
    list.filter((c) => c.name.trim() !== "" || c.phone.trim() !== "");
  return {
    warningSigns: text(draft.warningSigns),
    copingStrategies: text(draft.copingStrategies),
    distractions: contacts(draft.distractions),
    peopleToAsk: contacts(draft.peopleToAsk),
    professionals: contacts(draft.professionals),
    environmentSafety: text(draft.environmentSafety),
    reasonsForLiving: draft.reasonsForLiving,
  };
}

/**
 * The content to save from a compacted draft, or the problems keyed the way the API names them
 * (`content.warningSigns.0`, `content.peopleToAsk.1.name`).
 */
export function toSafetyPlanContent(
  draft: SafetyPlanDraft,
): { ok: true; content: SafetyPlanContent } | { ok: false; problem: FormProblem } {
  const contacts = (list: ContactDraft[]) =>
    list.map((c) => (c.phone.trim() === "" ? { name: c.name } : { name: c.name, phone: c.phone }));
  const parsed = SafetyPlanContentSchema.safeParse({
    warningSigns: draft.warningSigns,
    copingStrategies: draft.copingStrategies,
    distractions: contacts(draft.distractions),
    peopleToAsk: contacts(draft.peopleToAsk),
    professionals: contacts(draft.professionals),
    environmentSafety: draft.environmentSafety,
    ...(draft.reasonsForLiving.trim() === "" ? {} : { reasonsForLiving: draft.reasonsForLiving }),
  });
  if (!parsed.success) {
    const problem = problemFromZod(parsed.error);
    return {
      ok: false,
      problem: {
        message: problem.message,
        fields: Object.fromEntries(
          Object.entries(problem.fields).map(([name, message]) => [`content.${name}`, message]),
        ),
      },
    };
  }
  return { ok: true, content: parsed.data };
}

/** Whether the draft has anything in it at all: an empty plan is not worth a version. */
export function isEmptyDraft(draft: SafetyPlanDraft): boolean {
  const compact = compactDraft(draft);
  return (
    [...TEXT_STEPS, ...CONTACT_STEPS].every((step) => compact[step].length === 0) &&
    compact.reasonsForLiving.trim() === ""
  );
}
