// One namespace per area of the app, so each area's catalogue files are edited on their own.
import { common as en_common } from "./locales/en/common";
import { shell as en_shell } from "./locales/en/shell";
import { signIn as en_signIn } from "./locales/en/sign-in";
import { home as en_home } from "./locales/en/home";
import { sessions as en_sessions } from "./locales/en/sessions";
import { account as en_account } from "./locales/en/account";
import { checkIns as en_checkIns } from "./locales/en/check-ins";
import { safetyPlan as en_safetyPlan } from "./locales/en/safety-plan";
import { treatmentPlan as en_treatmentPlan } from "./locales/en/treatment-plan";
import { aftercare as en_aftercare } from "./locales/en/aftercare";
import { calendar as en_calendar } from "./locales/en/calendar";
import { chat as en_chat } from "./locales/en/chat";
import { forums as en_forums } from "./locales/en/forums";
import { families as en_families } from "./locales/en/families";
import { room as en_room } from "./locales/en/room";
import { reminders as en_reminders } from "./locales/en/reminders";
import { forms as en_forms } from "./locales/en/forms";
import { familyHome as en_familyHome } from "./locales/en/family-home";
import { crisisSupport as en_crisisSupport } from "./locales/en/crisis-support";

/**
 * The English catalogues bundled with the app, by namespace. Other languages are loaded when
 * someone needs them (`loadLocale` in i18n.ts), so an English speaker never downloads them.
 */
export const bundled = {
  common: en_common,
  shell: en_shell,
  signIn: en_signIn,
  home: en_home,
  sessions: en_sessions,
  account: en_account,
  checkIns: en_checkIns,
  safetyPlan: en_safetyPlan,
  treatmentPlan: en_treatmentPlan,
  aftercare: en_aftercare,
  calendar: en_calendar,
  chat: en_chat,
  forums: en_forums,
  families: en_families,
  reminders: en_reminders,
  forms: en_forms,
  familyHome: en_familyHome,
  crisisSupport: en_crisisSupport,
};

/**
 * Namespaces whose English comes with their area's code, not the first load: the area adds it
 * (`addAreaCatalogue` in i18n.ts) when its code loads. Spanish has them in its one chunk.
 */
export const AREA_NAMESPACES = ["room"] as const;

/** Every English catalogue, by namespace: the source every other language translates. */
// A call marked pure, so the app's bundle drops it (and the room's English) when unused; a
// spread would count as a side effect and keep both.
export const en: typeof bundled & { room: typeof en_room } = /* @__PURE__ */ Object.assign(
  {},
  bundled,
  { room: en_room },
);

export type Namespace = keyof typeof en;
