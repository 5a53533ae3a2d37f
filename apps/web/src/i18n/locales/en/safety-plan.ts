/** The participant's safety plan (W2). English is the source: the Spanish file must have exactly these keys. */
export const safetyPlan = {
  page: {
    title: "My safety plan",
    sectionTitle: "My plan for hard moments",
    loading: "Loading your safety plan…",
    loadError: "We couldn't load your safety plan",
    notWritten: "Your safety plan has not been written yet.",
    notWrittenText:
      "Your therapist writes it with you, usually in an individual session. Ask them about it next time you meet. Until then, you can call or text 988 at any time.",
    intro: "Go through the steps in order, as far as you need to. Written with your care team.",
  },
  /** "Version 2, updated November 25, 2026 at 4:12 PM EST by Dana Whitfield" */
  version: "Version {{version}}, updated {{when}} by {{author}}",
  /** The Stanley-Brown steps, in order. */
  steps: {
    warningSigns: "Warning signs",
    copingStrategies: "Things I can do on my own",
    distractions: "People and places that take my mind off things",
    peopleToAsk: "People I can ask for help",
    professionals: "Professionals and crisis lines",
    environmentSafety: "Making my environment safe",
  },
  stepNumber: "Step {{number}}",
  nothingYet: "Nothing written here yet.",
  reasons: "What matters most to me",
  dialog: {
    backToSession: "Back to the session",
    goesOn: "Your session goes on while this is open.",
  },
};
