/**
 * The panel a participant sees right after writing crisis language in chat or the forums. The
 * line's own name and buttons come from the domain's `crisisLineFor`. English is the source: the
 * Spanish file must have exactly these keys.
 */
export const crisisSupport = {
  title: "You don't have to go through this alone",
  lead: "If you are thinking about harming yourself, you don't have to wait: call or text 988 now.",
  free: "The {{name}} is free, confidential and open day and night.",
  safetyPlan: "Open your safety plan",
  note: "What you wrote was shared as usual. If you are in immediate danger, call 911.",
  close: "Close this message",
};
