import { homePathForRole, type Role } from "@bridgeway/domain";

export type NavItem = { label: string; to: string };

/** The crisis alerts page; its navigation item shows the number of open alerts. */
export const ALERTS_PATH = "/alerts";

/** The main navigation of each role, home first. */
export function navItemsFor(role: Role): NavItem[] {
  const home = homePathForRole(role);
  const calendar = { label: "Calendar", to: "/calendar" };
  const chat = { label: "Chat", to: "/chat" };
  const forums = { label: "Forums", to: "/forums" };
  const alerts = { label: "Alerts", to: ALERTS_PATH };
  switch (role) {
    case "PARTICIPANT":
      return [{ label: "My week", to: home }, calendar, chat, forums];
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
    // Family members take part in sessions only: no chat, forums or alerts.
    case "FAMILY":
      return [{ label: "Home", to: home }, calendar];
  }
}

/**
 * `aria-current` for a navigation link: "page" on the page itself, "location" on a page inside
 * its section (a cohort under Cohorts), nothing elsewhere.
 */
export function navCurrent(pathname: string, item: NavItem): "page" | "location" | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === item.to) return "page";
  if (path.startsWith(`${item.to}/`)) return "location";
  return undefined;
}
