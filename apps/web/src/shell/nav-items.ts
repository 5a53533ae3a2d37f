import { homePathForRole, ROLES, type Role } from "@bridgeway/domain";

export type NavItem = { label: string; to: string };

/** The crisis alerts page; its navigation item shows the number of open alerts. */
export const ALERTS_PATH = "/alerts";

/** A participant's family members and their consent. */
const MY_FAMILY: NavItem = { label: "My family", to: "/my-family" };

/** A participant's safety plan; the server links to it with its crisis support too. */
export const SAFETY_PLAN_PATH = "/participant/safety";

/** A participant's questionnaires, safety plan (also in the crisis bar) and treatment plan. */
const PARTICIPANT_CARE: NavItem[] = [
  { label: "Check-ins", to: "/participant/check-ins" },
  { label: "My safety plan", to: SAFETY_PLAN_PATH },
  { label: "My treatment plan", to: "/participant/treatment-plan" },
];

/** Role homes: pages under them (`/participant/safety`) have their own navigation items. */
const HOME_PATHS: ReadonlySet<string> = new Set(ROLES.map(homePathForRole));

/** The main navigation of each role, home first. */
export function navItemsFor(role: Role): NavItem[] {
  const home = homePathForRole(role);
  const calendar = { label: "Calendar", to: "/calendar" };
  const chat = { label: "Chat", to: "/chat" };
  const forums = { label: "Forums", to: "/forums" };
  const alerts = { label: "Alerts", to: ALERTS_PATH };
  switch (role) {
    case "PARTICIPANT":
      return [
        { label: "My week", to: home },
        calendar,
        chat,
        forums,
        MY_FAMILY,
        ...PARTICIPANT_CARE,
      ];
    case "FACILITATOR":
      return [
        { label: "Today", to: home },
        { label: "Cohorts", to: "/cohorts" },
        calendar,
        chat,
        forums,
        alerts,
      ];
    case "ADMIN":
      return [
        { label: "Overview", to: home },
        { label: "Cohorts", to: "/cohorts" },
        { label: "Facilitators", to: "/facilitators" },
        { label: "Participants", to: "/participants" },
        calendar,
        chat,
        forums,
        alerts,
      ];
    // Family members take part in sessions and their family board: no chat or alerts.
    case "FAMILY":
      return [{ label: "Home", to: home }, calendar, forums];
  }
}

/**
 * `aria-current` for a navigation link: "page" on the page itself, "location" on a page inside
 * its section (a cohort under Cohorts), nothing elsewhere.
 */
export function navCurrent(pathname: string, item: NavItem): "page" | "location" | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === item.to) return "page";
  if (path.startsWith(`${item.to}/`) && !HOME_PATHS.has(item.to)) return "location";
  return undefined;
}
