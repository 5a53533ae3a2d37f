import type { Request } from "express";
import type { Actor } from "@bridgeway/domain";
import type { AuditContext } from "../audit/audit-log";
import type { AuthContext, SessionCheck } from "../auth/sessions";
import { mfaEnrolmentRequired, mfaRequired, sessionExpired, unauthenticated } from "./errors";

declare global {
  // Express's own extension point for per-request data.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Outcome of the session cookie check, set for every /api request. */
      sessionCheck?: SessionCheck;
    }
  }
}

/** The signed-in caller, or a 401 that says whether their session ended or never existed. */
export function requireAuth(req: Request): AuthContext {
  const check = req.sessionCheck;
  if (check?.status === "active") return check.auth;
  if (check?.status === "mfa-pending") {
    throw check.pending.stage === "code" ? mfaRequired() : mfaEnrolmentRequired();
  }
  throw check?.status === "ended" ? sessionExpired() : unauthenticated();
}

export function auditContext(req: Request): AuditContext {
  const check = req.sessionCheck;
  return {
    actor: check?.status === "active" ? check.auth.actor : undefined,
    requestId: typeof req.id === "string" ? req.id : undefined,
    ipAddress: req.ip,
  };
}

/** The signed-in caller with everything an audited service call needs. */
export function actorContext(req: Request): AuditContext & { actor: Actor } {
  const auth = requireAuth(req);
  return { ...auditContext(req), actor: auth.actor };
}
