/**
 * Session cards and join buttons, shared by the homes, the calendar and the session page
 * (owner: i18n infrastructure). English is the source: the Spanish file must have exactly these
 * keys.
 */
export const sessions = {
  kinds: {
    GROUP_THERAPY: "Group therapy",
    SKILLS_GROUP: "Skills group",
    PSYCHOEDUCATION: "Psychoeducation",
    INDIVIDUAL: "Individual therapy",
    FAMILY: "Family therapy",
    MULTI_FAMILY: "Multi-family group",
    MEDICATION_MANAGEMENT: "Medication management",
  },
  credentials: {
    LPC: "Licensed Professional Counselor (LPC)",
    LCSW: "Licensed Clinical Social Worker (LCSW)",
    LMFT: "Licensed Marriage and Family Therapist (LMFT)",
    PSYD: "Doctor of Psychology (PsyD)",
    MD: "Physician (MD)",
    NP: "Nurse Practitioner (NP)",
    RN: "Registered Nurse (RN)",
  },
  cancelled: "Cancelled",
  rescheduled: "Rescheduled",
  with: "With {{name}}",
  ledBy: "Led by <lead />",
  reason: "Reason: {{reason}}",
  noReason: "No reason was given.",
  inZone: "In {{zone}}:",
  kindAt: "{{kind}} at {{time}}",
  kindAtOn: "{{kind}} at {{time}} on {{day}}",
  joinOpensAt: "Join opens at {{time}}",
  details: "Details",
  detailsOf: "of {{session}}",
  join: "Join",
  ended: "Ended",
};
