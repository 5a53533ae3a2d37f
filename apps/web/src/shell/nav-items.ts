import { homePathForRole, ROLES, type Role } from "@bridgeway/domain";
import type { shell } from "../i18n/locales/en/shell";

/** A navigation item's key in the shell catalogue (`nav.<key>`). */
export type NavKey = keyof typeof shell.nav;

/** `label` is the English wording (staff screens); pages shown in other languages use `key`. */
export type NavItem = { key: NavKey; label: string; to: string };

/** The crisis alerts page; its navigation item shows the number of open alerts. */
export const ALERTS_PATH = "/alerts";

/** One's own account: password and signed-in devices; linked from every signed-in page. */
export const ACCOUNT_PATH = "/account";

/** The clinic's audit trail: who read or changed what, and when (admins only). */
export const AUDIT_PATH = "/admin/audit";

/** A participant's family members and their consent. */
const MY_FAMILY: NavItem = { key: "myFamily", label: "My family", to: "/my-family" };

/** A participant's safety plan; the server links to it with its crisis support too. */
export const SAFETY_PLAN_PATH = "/participant/safety";

/** A participant's questionnaires, safety plan (also in the crisis bar) and treatment plan. */
const PARTICIPANT_CARE: NavItem[] = [
  { key: "checkIns", label: "Check-ins", to: "/participant/check-ins" },
  { key: "mySafetyPlan", label: "My safety plan", to: SAFETY_PLAN_PATH },
  { key: "myTreatmentPlan", label: "My treatment plan", to: "/participant/treatment-plan" },
];

/** Role homes: pages under them (`/participant/safety`) have their own navigation items. */
const HOME_PATHS: ReadonlySet<string> = new Set(ROLES.map(homePathForRole));

/** The main navigation of each role, home first. */
export function navItemsFor(role: Role): NavItem[] {
  const home = homePathForRole(role);
  const calendar: NavItem = { key: "calendar", label: "Calendar", to: "/calendar" };
  const chat: NavItem = { key: "chat", label: "Chat", to: "/chat" };
  const forums: NavItem = { key: "forums", label: "Forums", to: "/forums" };
  const alerts: NavItem = { key: "alerts", label: "Alerts", to: ALERTS_PATH };
  const cohorts: NavItem = { key: "cohorts", label: "Cohorts", to: "/cohorts" };
  switch (role) {
    case "PARTICIPANT":
      return [
        { key: "myWeek", label: "My week", to: home },
        calendar,
        chat,
        forums,
        MY_FAMILY,
        ...PARTICIPANT_CARE,
      ];
    case "FACILITATOR":
      return [{ key: "today", label: "Today", to: home }, cohorts, calendar, chat, forums, alerts];
    case "ADMIN":
      return [
        { key: "overview", label: "Overview", to: home },
        cohorts,
        { key: "facilitators", label: "Facilitators", to: "/facilitators" },
        { key: "participants", label: "Participants", to: "/participants" },
        calendar,
        chat,
        forums,
        { key: "auditTrail", label: "Audit trail", to: AUDIT_PATH },
        // No alerts: crisis alerts are clinical, for the participant's care team only.
      ];
    // Family members take part in sessions and their family board: no chat or alerts.
    case "FAMILY":
      return [{ key: "home", label: "Home", to: home }, calendar, forums];
  }
}

/**
 * `aria-current` for a navigation link: "page" on the page itself, "location" on a page inside
 * its section (a cohort under Cohorts), nothing elsewhere.
 */
export function navCurrent(
  pathname: string,
  item: Pick<NavItem, "to">,
): "page" | "location" | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === item.to) return "page";
  if (path.startsWith(`${item.to}/`) && !HOME_PATHS.has(item.to)) return "location";
  return undefined;
}
