import {
  MfaCodeInputSchema,
  ReauthenticateInputSchema,
  type MfaConfirmed,
  type MfaPendingState,
  type SignInOptions,
} from "@bridgeway/domain";
import { Router, type Request, type Response } from "express";
import { rateLimit, type Store } from "express-rate-limit";
import type { AuditLog } from "../audit/audit-log";
import {
  conflict,
  mfaEnrolmentRequired,
  mfaRequired,
  tooManyRequests,
  unauthenticated,
} from "../http/errors";
import { auditContext, requireAuth } from "../http/request-context";
import { parseInput } from "../http/validate";
import { deviceOf } from "./device";
import type { MfaService } from "./mfa-service";
import { authState, type AuthContext, type PendingMfaSignIn, type SignInService } from "./sign-ins";

/** Wrong codes allowed per person in MFA_WINDOW_MS (sign-in, enrolment and confirmation). */
export const MFA_CODE_FAILURES = 5;
export const MFA_WINDOW_MS = 15 * 60 * 1000;

export function pendingState(pending: PendingMfaSignIn): MfaPendingState {
  return { mfaPending: pending.stage, csrfToken: pending.signIn.csrfToken };
}

/** The caller, signed in or half-way through a sign-in that waits for `stage`. */
function signedInOrPending(
  req: Request,
  stage: "code" | "enrolment",
): {
  auth: AuthContext;
  pending: boolean;
} {
  const check = req.signInCheck;
  if (check?.status === "mfa-pending") {
    // Half-way at the other step: say which step this sign-in is waiting for.
    if (check.pending.stage !== stage) {
      throw check.pending.stage === "code" ? mfaRequired() : mfaEnrolmentRequired();
    }
    return { auth: check.pending, pending: true };
  }
  return { auth: requireAuth(req), pending: false };
}

/**
 * /api/auth: MFA enrolment, the code step of sign-in, re-authentication before sensitive
 * actions, and what the sign-in page may know beforehand.
 */
export function mfaRoutes(deps: {
  mfa: MfaService;
  signIns: SignInService;
  audit: AuditLog;
  demoClinicWithoutMfa: () => boolean;
  rateLimitStore: (name: string) => Store | undefined;
}): Router {
  const { mfa, signIns, audit } = deps;
  const router = Router();
  const store = deps.rateLimitStore("mfa-code");
  // Counted per person (not per address): a guesser gets 5 tries in 15 minutes, wherever from.
  const codeLimit = rateLimit({
    windowMs: MFA_WINDOW_MS,
    limit: MFA_CODE_FAILURES,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req) => {
      const check = req.signInCheck;
      if (check?.status === "active") return `user:${check.auth.user.id}`;
      if (check?.status === "mfa-pending") return `user:${check.pending.user.id}`;
      return "anonymous";
    },
    handler: (_req, _res, next) => {
      next(
        tooManyRequests(
          "Too many wrong codes. Wait 15 minutes, then try again.",
          MFA_WINDOW_MS / 1000,
        ),
      );
    },
    ...(store ? { store } : {}),
  });

  /** Ends the half-way sign-in and starts a full one: a new cookie for the finished sign-in. */
  async function finishSignIn(req: Request, res: Response, auth: AuthContext) {
    await signIns.end(auth.signIn.id);
    const { token, signIn } = await signIns.start(auth.user.id, deviceOf(req));
    const check = await signIns.check(token, { touch: false });
    if (check.status !== "active") throw new Error("a session just started is not active");
    await audit.record(
      { ...auditContext(req), actor: check.auth.actor },
      "login",
      { type: "auth-session" },
      "success",
    );
    res.setHeader("Set-Cookie", signIns.setCookieHeader(token, signIn));
    return authState(check.auth);
  }

  router.get("/sign-in-options", (_req, res) => {
    const options: SignInOptions = { demoClinicWithoutMfa: deps.demoClinicWithoutMfa() };
    res.json(options);
  });

  router.get("/mfa", async (req, res) => {
    res.json(await mfa.status(signedInOrPending(req, "enrolment").auth));
  });

  router.post("/mfa/enrolment", async (req, res) => {
    res.status(201).json(await mfa.startEnrolment(signedInOrPending(req, "enrolment").auth));
  });

  router.post("/mfa/enrolment/confirm", codeLimit, async (req, res) => {
    const { auth, pending } = signedInOrPending(req, "enrolment");
    const input = parseInput(MfaCodeInputSchema, req.body);
    const context = { ...auditContext(req), actor: auth.actor };
    const recoveryCodes = await mfa.confirmEnrolment(auth, input.code, context);
    let state;
    if (pending) {
      state = await finishSignIn(req, res, auth);
    } else {
      await signIns.markReauthenticated(auth);
      state = authState(auth);
    }
    const answer: MfaConfirmed = { recoveryCodes, auth: state };
    res.json(answer);
  });

  router.post("/mfa/verify", codeLimit, async (req, res) => {
    const check = req.signInCheck;
    if (check?.status === "active") throw conflict("You are already signed in.");
    if (check?.status !== "mfa-pending") throw unauthenticated();
    if (check.pending.stage !== "code") throw mfaEnrolmentRequired();
    const input = parseInput(MfaCodeInputSchema, req.body);
    await mfa.verifySignIn(check.pending, input.code, auditContext(req));
    res.json(await finishSignIn(req, res, check.pending));
  });

  router.post("/mfa/disable", async (req, res) => {
    const auth = requireAuth(req);
    await mfa.disable(auth, { ...auditContext(req), actor: auth.actor });
    res.json(await mfa.status(auth));
  });

  router.get("/reauthentication", async (req, res) => {
    res.json(await mfa.reauthenticationState(requireAuth(req)));
  });

  router.post("/reauthenticate", codeLimit, async (req, res) => {
    const auth = requireAuth(req);
    const input = parseInput(ReauthenticateInputSchema, req.body);
    await mfa.reauthenticate(auth, input, { ...auditContext(req), actor: auth.actor });
    res.status(204).end();
  });

  return router;
}

/**
 * Answers `reauthentication_required` unless the caller confirmed their password or a code on
 * this sign-in in the last 5 minutes. Mounted in front of the routes it guards (see app.ts).
 */
export function requireReauthentication(mfa: MfaService) {
  return async (req: Request, _res: Response, next: (error?: unknown) => void) => {
    try {
      const check = req.signInCheck;
      // Anyone not signed in is refused by the route itself, with its own answer.
      if (check?.status === "active") await mfa.requireFreshReauthentication(check.auth);
      next();
    } catch (error) {
      next(error);
    }
  };
}
