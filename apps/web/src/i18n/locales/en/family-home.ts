/**
 * A family member's home: whom they support, their sessions, support for themselves. English is
 * the source: the Spanish file must have exactly these keys.
 */
export const familyHome = {
  welcome: "Welcome, {{name}}",
  supportingTitle: "Who you are supporting",
  loading: "Loading…",
  loadError: "We couldn't load this page",
  notLinkedTitle: "You are not linked to anyone in the program yet.",
  notLinkedBody:
    "When someone in the program invites you through their care team, their name will appear here, with the family sessions you are invited to.",
  /** Around the person's name, in <strong>; then their relationship in brackets. */
  supportingBefore: "You are supporting ",
  supportingAfter: " ({{relationship}})",
  mayJoin: "You may join: {{kinds}}.",
  invitationNoteOne:
    "When {{name}}'s care team invites you to a family session, it will appear here. To protect {{name}}'s privacy, you see only the sessions you are invited to, and nothing else of their care.",
  invitationNoteMany:
    "Family sessions you are invited to will appear here. To protect the privacy of the people you support, you see only the sessions you are invited to, and nothing else of their care.",
  boardBefore: "You can also talk with the other families of the group on the ",
  boardLink: "family board",
  boardAfter: ".",
  sessionsTitle: "Your sessions",
  sessionsNote: "The next 14 days. Times are in {{zone}}.",
  sessionsLoading: "Loading your sessions…",
  sessionsError: "We couldn't load your sessions",
  noSessions: "No family sessions are scheduled.",
  noSessionsOneTeam: "{{base}} {{name}}'s care team will invite you.",
  noSessionsManyTeams: "{{base}} The care teams of {{names}} will invite you.",
  noSessionsBody: "Sessions you are invited to appear here, with a button to join them.",
  resourcesTitle: "Support for you",
  resourcesNote: "Supporting someone in treatment is hard work. These are free and confidential.",
  call: "Call {{number}}",
  text: "Text {{number}}",
  newTab: "(opens in a new tab)",
  /** The resources' names and what they offer, by their place in the domain's list. */
  resources: {
    lifeline: {
      name: "988 Suicide & Crisis Lifeline",
      what: "Call or text any time, day or night, if you are worried about someone's safety or your own.",
    },
    samhsa: {
      name: "SAMHSA National Helpline",
      what: "Free, confidential information and treatment referral for mental health and substance use, 24 hours a day, in English and Spanish.",
    },
    nami: {
      name: "NAMI HelpLine",
      what: "Answers and support for families living with mental illness, and NAMI's free Family-to-Family classes.",
    },
    alAnon: {
      name: "Al-Anon Family Groups",
      what: "Meetings for families and friends of people with a drinking problem, in person and online.",
    },
    narAnon: {
      name: "Nar-Anon Family Groups",
      what: "Meetings for families and friends of people with a drug problem, in person and online.",
    },
  },
};
