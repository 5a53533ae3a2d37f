/** The participant's treatment plan (W2). English is the source: the Spanish file must have exactly these keys. */
export const treatmentPlan = {
  page: {
    title: "My treatment plan",
    programEnded: "Your program has ended.",
    readAftercare: "Read your aftercare plan",
    loading: "Loading your treatment plan…",
    loadError: "We couldn't load your treatment plan",
    notWritten: "Your treatment plan has not been written yet.",
    notWrittenText:
      "Your care team writes it with you in your first weeks: what you want to work on, your goals, and how you will know things are getting better.",
    goToMyWeek: "Go to My week",
    workingOn: "What we are working on",
    /** "Version 2, written by Dana Whitfield on November 25, 2026 at 4:12 PM EST. You review…" */
    versionLine:
      "Version {{version}}, written by {{author}} on {{when}}. You review it together every {{days}} days; the next review is on {{date}}.",
  },
  acknowledge: {
    done: "You read and acknowledged version {{version}} on {{when}}.",
    question: "Have you read this version?",
    explain:
      "When you have read your plan, let your care team know. If something does not look right, talk to them about it at your next session.",
    stale:
      "Your plan was updated since you opened it. Reload it to read the new version, then acknowledge that one.",
    reload: "Reload my plan",
    saving: "Saving…",
    button: "Acknowledge version {{version}}",
  },
  view: {
    problem: "Problem {{number}}:",
    goal: "Goal {{number}}:",
    objectives: "Objectives",
    measuredBy: "Measured by:",
    target: "Target: {{date}}.",
    interventions: "Interventions",
  },
};
