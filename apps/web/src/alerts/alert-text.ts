import { crisisCategoryLabel, type CrisisAlertDto } from "@bridgeway/domain";

/** "Suicidal thoughts, Self-harm" */
export function alertConcerns(alert: Pick<CrisisAlertDto, "categories">): string {
  return alert.categories.map(crisisCategoryLabel).join(", ");
}

/**
 * "Crisis alert: Jordan Lee — Suicidal thoughts (in Evening track chat)". Names the person, the
 * concern and the place; never what they wrote (the server does not send it).
 */
export function alertSummary(alert: CrisisAlertDto): string {
  return `Crisis alert: ${alert.participant.displayName} — ${alertConcerns(alert)} (in ${alert.where.label})`;
}

/** Where the alert came from in this app: a chat room or a forum thread; null for elsewhere. */
export function alertSourcePath(where: CrisisAlertDto["where"]): string | null {
  switch (where.kind) {
    case "chat":
      return `/chat/${where.ref}`;
    case "forum":
      return `/forums/threads/${encodeURIComponent(where.ref)}`;
    case "assessment":
      return null;
  }
}
