/**
 * Shared words: how moments are written, the language picker (owner: i18n infrastructure).
 * English is the source: the Spanish file must have exactly these keys.
 */
export const common = {
  cancel: "Cancel",
  format: {
    /** "November 23, 2026 at 4:12 PM EST" */
    moment: "{{day}} at {{time}} {{zone}}",
  },
  language: {
    cardTitle: "Language",
    cardHint: "Bridgeway shows your pages and sends your reminders and emails in this language.",
    label: "Language",
    saved: "Saved. Bridgeway will use this language for your pages, reminders and emails.",
    notSaved: "Your language could not be saved. Check your connection and try again.",
  },
};
