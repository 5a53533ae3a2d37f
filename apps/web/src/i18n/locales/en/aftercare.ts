/** The participant's aftercare page (W2). English is the source: the Spanish file must have exactly these keys. */
export const aftercare = {
  page: {
    title: "My aftercare plan",
    /** `<plan>` is the link to the safety plan. */
    intro: "Your <plan>safety plan</plan> stays here for you too, with 988.",
    loading: "Loading your aftercare plan…",
    loadError: "We couldn't load your aftercare plan",
    none: "You have no aftercare plan yet.",
    noneText:
      "It is written with your care team when you finish the program: who you will see next, when, and what can help.",
    goToMyWeek: "Go to My week",
    cardTitle: "After your program ended on {{date}}",
  },
  view: {
    careAfter: "Care after the program",
    followUps: "Follow-up appointments",
    noneBooked: "None booked",
    resources: "Resources",
    noneListed: "None listed",
  },
  /** The levels of care after discharge, as the clinician chose them. */
  levels: {
    outpatient: "Outpatient therapy",
    partial: "Partial hospitalization",
    residential: "Residential treatment",
    peerSupport: "Peer support only",
    none: "None",
  },
};
