/**
 * The 988 Suicide & Crisis Lifeline. Shown to participants on every page, so help is one tap
 * away whatever they are doing.
 */
export const CRISIS_LINE = {
  name: "988 Suicide & Crisis Lifeline",
  number: "988",
  callHref: "tel:988",
  textHref: "sms:988",
} as const;
