import type { Translation } from "../../catalogue";
import type { en, Namespace } from "../../resources";
import { common as es_common } from "./common";
import { shell as es_shell } from "./shell";
import { signIn as es_signIn } from "./sign-in";
import { home as es_home } from "./home";
import { sessions as es_sessions } from "./sessions";
import { account as es_account } from "./account";
import { checkIns as es_checkIns } from "./check-ins";
import { safetyPlan as es_safetyPlan } from "./safety-plan";
import { treatmentPlan as es_treatmentPlan } from "./treatment-plan";
import { aftercare as es_aftercare } from "./aftercare";
import { calendar as es_calendar } from "./calendar";
import { chat as es_chat } from "./chat";
import { forums as es_forums } from "./forums";
import { families as es_families } from "./families";
import { room as es_room } from "./room";
import { reminders as es_reminders } from "./reminders";
import { forms as es_forms } from "./forms";
import { familyHome as es_familyHome } from "./family-home";
import { crisisSupport as es_crisisSupport } from "./crisis-support";

/** The Spanish catalogues; each file's type already requires exactly the English keys. */
export const es: { [N in Namespace]: Translation<(typeof en)[N]> } = {
  common: es_common,
  shell: es_shell,
  signIn: es_signIn,
  home: es_home,
  sessions: es_sessions,
  account: es_account,
  checkIns: es_checkIns,
  safetyPlan: es_safetyPlan,
  treatmentPlan: es_treatmentPlan,
  aftercare: es_aftercare,
  calendar: es_calendar,
  chat: es_chat,
  forums: es_forums,
  families: es_families,
  room: es_room,
  reminders: es_reminders,
  forms: es_forms,
  familyHome: es_familyHome,
  crisisSupport: es_crisisSupport,
};
