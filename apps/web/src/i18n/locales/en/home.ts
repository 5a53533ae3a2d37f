/**
 * The participant home (My week) and the family home. English is the source: the Spanish file
 * must have exactly these keys.
 */
export const home = {
  welcome: "Welcome, {{name}}",
  myWeek: "My week",
  timesIn: "Times are in {{zone}}.",
  loadingSessions: "Loading your sessions…",
  sessionsFailed: "We couldn't load your sessions",
  noSessions: "No sessions in the next 7 days.",
  noSessionsHint: "When your care team schedules sessions for you, they appear here.",
  yourProgram: "Your program",
  loadingProgram: "Loading your program…",
  programFailed: "We couldn't load your program",
  aftercareFailed: "We couldn't load your aftercare plan",
  groupMeets: "Group meets",
  otherZone: "These times are in {{zone}}. Your account is set to {{yours}}.",
  yourPhase: "Your phase",
  phase: "{{count}} days a week",
  nextChange: "Next change: {{phase}} ({{days}}) from {{date}}.",
  startDate: "Start date",
  plannedDischarge: "Planned discharge",
  facilitators: "Facilitators",
  noFacilitators: "Your care team will let you know who leads your group.",
  endedOn: "Your program ended on {{date}}",
  discharged:
    "You have been discharged. Your aftercare plan says what comes next; your safety plan and 988 stay here for you.",
  myAftercarePlan: "My aftercare plan",
  mySafetyPlan: "My safety plan",
  notEnrolled: "You are not enrolled in a program yet.",
  notEnrolledHint:
    "Your care team will add you. Your group times and facilitators will appear here once they do.",
  crisis: {
    title: "If you need help now",
    text: "The {{name}} answers any time, day or night. It is free and confidential.",
    emergency: "If you are in immediate danger, call 911.",
  },
};
