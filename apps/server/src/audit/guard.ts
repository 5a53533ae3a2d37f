import {
  cohortClinicians,
  decide,
  type Action,
  type Actor,
  type Resource,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog, AuditRecordRef } from "./audit-log";
import { forbidden, notFound } from "../http/errors";

/**
 * Applies the permission policy to one record: passes when allowed; otherwise records the
 * refusal in the audit log and throws 404 (may not see it) or 403 (may see, may not do).
 */
export async function guard(
  audit: AuditLog,
  context: AuditContext & { actor: Actor },
  action: Action,
  resource: Resource,
  ref: AuditRecordRef,
  what: string,
): Promise<void> {
  const decision = decide(context.actor, action, resource);
  if (decision === "allow") return;
  await audit.denied(context, action, ref);
  throw decision === "not-found" ? notFound(what) : forbidden(`You cannot ${action} this ${what}.`);
}

/** The facts the policy needs about a cohort. */
export function cohortResource(
  cohort: { organizationId: string; leadId: string | null; coIds: string[] },
  participantIds: string[],
): Resource {
  return {
    type: "cohort",
    organizationId: cohort.organizationId,
    facilitatorIds: cohortClinicians(cohort),
    participantIds,
  };
}
