import { Router, type Request, type Response } from "express";
import {
  acceptLanguageTags,
  bestLocale,
  ChangePasswordInputSchema,
  FORGOT_PASSWORD_ANSWER,
  ForgotPasswordInputSchema,
  PasswordLinkTokenSchema,
  SetPasswordInputSchema,
} from "@bridgeway/domain";
import { ipKeyGenerator, rateLimit, type Store } from "express-rate-limit";
import { z } from "zod";
import { tooManyRequests } from "../http/errors";
import { idParam } from "../http/params";
import { actorContext, auditContext, requireAuth } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { AccountService } from "./account-service";
import { deviceOf } from "./device";
import { pendingState } from "./mfa.routes";
import type { MfaPendingStage } from "./sign-in-repository";
import { authState, type SignInService } from "./sign-ins";

const PreviewQuerySchema = z.strictObject({ token: PasswordLinkTokenSchema });
// `sessionId` is the name in the URL (/api/auth/sessions/:sessionId/end), which stays as it was.
const SignInParamsSchema = z.object({
  sessionId: z.string().regex(/^[0-9a-f]{64}$/, { error: "Not a valid session id." }),
});

export const FORGOT_WINDOW_MS = 60 * 60 * 1000;
/** "Forgot password" requests allowed per email address per hour (a mailbox is not a target). */
export const FORGOT_PER_EMAIL = 3;
/** "Forgot password" requests allowed per address per hour (no trawling for accounts). */
export const FORGOT_PER_IP = 20;

function storeOption(store: Store | undefined): { store?: Store } {
  return store ? { store } : {};
}

function forgotLimits(makeStore: (name: string) => Store | undefined) {
  const common = {
    windowMs: FORGOT_WINDOW_MS,
    standardHeaders: "draft-8" as const,
    legacyHeaders: false,
    handler: (_req: Request, _res: unknown, next: (error: unknown) => void) => {
      next(
        tooManyRequests(
          "Too many password reset requests. Wait a while, then try again.",
          FORGOT_WINDOW_MS / 1000,
        ),
      );
    },
  };
  return [
    rateLimit({
      ...common,
      limit: FORGOT_PER_IP,
      keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? "unknown")}`,
      ...storeOption(makeStore("forgot-ip")),
    }),
    rateLimit({
      ...common,
      limit: FORGOT_PER_EMAIL,
      keyGenerator: (req) => {
        const body: unknown = req.body;
        const email =
          typeof body === "object" &&
          body !== null &&
          "email" in body &&
          typeof body.email === "string"
            ? body.email.trim().toLowerCase().slice(0, 254)
            : "";
        return `email:${email}`;
      },
      ...storeOption(makeStore("forgot-email")),
    }),
  ];
}

/**
 * /api/auth: password links (invitation and reset), forgot and change password.
 * /api/accounts/:id: an admin deactivates, reactivates, or re-invites an account.
 */
export function accountRoutes(deps: {
  accounts: AccountService;
  signIns: SignInService;
  rateLimitStore: (name: string) => Store | undefined;
  /** What sign-in still needs after the password (see mfa-service.ts). */
  mfaStage: (userId: string) => Promise<MfaPendingStage | null>;
}): { auth: Router; admin: Router } {
  const { accounts, signIns } = deps;
  const auth = Router();

  auth.get("/password-links/preview", async (req, res) => {
    const query = parseInput(PreviewQuerySchema, req.query, "query");
    res.json(await accounts.preview(query.token));
  });

  auth.post("/set-password", async (req: Request, res: Response) => {
    const input = parseInput(SetPasswordInputSchema, req.body);
    const state = await accounts.setPassword(
      input.token,
      input.password,
      auditContext(req),
      async (userId) => {
        const previous = req.signInCheck;
        if (previous?.status === "active") await signIns.end(previous.auth.signIn.id);
        if (previous?.status === "mfa-pending") await signIns.end(previous.pending.signIn.id);
        // A password link proves the mailbox, not the authenticator app: MFA still applies.
        const stage = await deps.mfaStage(userId);
        if (stage) {
          const started = await signIns.start(userId, deviceOf(req), { pending: stage });
          const pending = await signIns.check(started.token, { touch: false });
          if (pending.status !== "mfa-pending") throw new Error("a pending session is not pending");
          res.setHeader("Set-Cookie", signIns.setCookieHeader(started.token, started.signIn));
          return pendingState(pending.pending);
        }
        const { token, signIn } = await signIns.start(userId, deviceOf(req));
        const check = await signIns.check(token, { touch: false });
        if (check.status !== "active") throw new Error("a session just started is not active");
        res.setHeader("Set-Cookie", signIns.setCookieHeader(token, signIn));
        return authState(check.auth);
      },
    );
    res.json(state);
  });

  auth.post("/forgot-password", ...forgotLimits(deps.rateLimitStore), async (req, res) => {
    const input = parseInput(ForgotPasswordInputSchema, req.body);
    const browser = req.get("accept-language");
    const requested =
      input.locale ?? (browser ? bestLocale(acceptLanguageTags(browser)) : undefined);
    await accounts.forgotPassword(input.email, requested);
    res.status(202).json({ message: FORGOT_PASSWORD_ANSWER });
  });

  auth.post("/change-password", async (req, res) => {
    const signedIn = requireAuth(req);
    const input = parseInput(ChangePasswordInputSchema, req.body);
    await accounts.changePassword(signedIn, input, auditContext(req));
    res.status(204).end();
  });

  auth.get("/sessions", async (req, res) => {
    res.json({ sessions: await accounts.mySignIns(requireAuth(req)) });
  });

  auth.post("/sessions/:sessionId/end", async (req, res) => {
    const signedIn = requireAuth(req);
    const { sessionId: signInId } = parseInput(SignInParamsSchema, req.params, "params");
    await accounts.endMySignIn(signedIn, signInId, auditContext(req));
    res.status(204).end();
  });

  const admin = Router();
  admin.post("/accounts/:id/end-sessions", async (req, res) => {
    const context = actorContext(req);
    res.json(await accounts.endAllSignInsOf(context, idParam(req.params)));
  });
  admin.post("/accounts/:id/deactivate", async (req, res) => {
    const context = actorContext(req);
    res.json(await accounts.deactivate(context, idParam(req.params)));
  });
  admin.post("/accounts/:id/reactivate", async (req, res) => {
    const context = actorContext(req);
    res.json(await accounts.reactivate(context, idParam(req.params)));
  });
  admin.post("/accounts/:id/invitation", async (req, res) => {
    const context = actorContext(req);
    res.json(await accounts.resendInvitation(context, idParam(req.params)));
  });
  return { auth, admin };
}
