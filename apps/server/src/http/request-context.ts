import type { Request } from "express";
import type { Actor } from "@bridgeway/domain";
import type { AuditContext } from "../audit/audit-log";
import type { AuthContext, SignInCheck } from "../auth/sign-ins";
import { mfaEnrolmentRequired, mfaRequired, sessionExpired, unauthenticated } from "./errors";

declare global {
  // Express's own extension point for per-request data.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Outcome of the sign-in cookie check, set for every /api request. */
      signInCheck?: SignInCheck;
    }
  }
}

/** The signed-in caller, or a 401 that says whether their sign-in ended or never existed. */
export function requireAuth(req: Request): AuthContext {
  const check = req.signInCheck;
  if (check?.status === "active") return check.auth;
  if (check?.status === "mfa-pending") {
    throw check.pending.stage === "code" ? mfaRequired() : mfaEnrolmentRequired();
  }
  throw check?.status === "ended" ? sessionExpired() : unauthenticated();
}

export function auditContext(req: Request): AuditContext {
  const check = req.signInCheck;
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
