import { Router, type Request, type Response } from "express";
import { LoginInputSchema, setLocaleSchema } from "@bridgeway/domain";
import type { AuditLog } from "../audit/audit-log";
import { invalidCredentials } from "../http/errors";
import { auditContext, requireAuth } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { LoginThrottle } from "./login-rate-limit";
import { pendingState } from "./mfa.routes";
import type { MfaPendingStage } from "./sign-in-repository";
import { deviceOf } from "./device";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { authState, type SignInService } from "./sign-ins";
import type { UserRepository } from "./user-repository";

type Deps = {
  users: UserRepository;
  signIns: SignInService;
  audit: AuditLog;
  loginThrottle: LoginThrottle;
  /** What sign-in still needs after a right password (see mfa-service.ts). */
  mfaStage: (userId: string) => Promise<MfaPendingStage | null>;
};

export function authRoutes(deps: Deps): Router {
  const router = Router();
  const { users, signIns, audit } = deps;

  router.post("/login", async (req: Request, res: Response) => {
    const input = parseInput(LoginInputSchema, req.body);
    const context = auditContext(req);
    const user = await users.findForLogin(input.email);
    const attempt = await deps.loginThrottle.begin(req, input.email, user?.id);
    const ok = user
      ? (await verifyPassword(user.passwordHash, input.password)) && user.active
      : await verifyAgainstDummy(input.password);
    if (!user || !ok) {
      await audit.record(
        { ...context, actor: undefined },
        "login_failed",
        { type: "user", id: user?.id },
        "failure",
        { organizationId: user?.organizationId },
      );
      throw invalidCredentials();
    }
    await deps.loginThrottle.succeeded(attempt);
    // A new sign-in every time; any sign-in the browser already had is ended, so a
    // planted cookie cannot be carried into a signed-in state.
    const previous = req.signInCheck;
    if (previous?.status === "active") await signIns.end(previous.auth.signIn.id);
    if (previous?.status === "mfa-pending") await signIns.end(previous.pending.signIn.id);

    // With MFA on (or required and not set up yet), the password opens only the next step.
    const stage = await deps.mfaStage(user.id);
    if (stage) {
      const started = await signIns.start(user.id, deviceOf(req), { pending: stage });
      const pending = await signIns.check(started.token, { touch: false });
      if (pending.status !== "mfa-pending") throw new Error("a pending session is not pending");
      res.setHeader("Set-Cookie", [
        signIns.setCookieHeader(started.token, started.signIn),
        deps.loginThrottle.deviceCookie(user.id, attempt),
      ]);
      res.json(pendingState(pending.pending));
      return;
    }

    const { token, signIn } = await signIns.start(user.id, deviceOf(req));
    const check = await signIns.check(token, { touch: false });
    if (check.status !== "active") throw new Error("a session just started is not active");
    await audit.record(
      { ...context, actor: check.auth.actor },
      "login",
      { type: "auth-session" },
      "success",
    );
    res.setHeader("Set-Cookie", [
      signIns.setCookieHeader(token, signIn),
      deps.loginThrottle.deviceCookie(user.id, attempt),
    ]);
    res.json(authState(check.auth));
  });

  router.get("/me", (req: Request, res: Response) => {
    const check = req.signInCheck;
    if (check?.status === "mfa-pending") {
      res.json(pendingState(check.pending));
      return;
    }
    res.json(authState(requireAuth(req)));
  });

  // Any signed-in person may choose their language; staff screens simply stay English.
  router.put("/me/locale", async (req: Request, res: Response) => {
    const auth = requireAuth(req);
    const { locale } = parseInput(setLocaleSchema, req.body);
    await users.setLocale(auth.user.id, locale);
    // The cached sign-in holds this same user object: the next request on this process speaks
    // the new language at once (other processes re-read within the sign-in cache's few seconds).
    auth.user.locale = locale;
    await audit.record(
      auditContext(req),
      "update",
      { type: "user-locale", id: auth.user.id },
      "success",
    );
    res.json({ locale });
  });

  router.post("/keepalive", async (req: Request, res: Response) => {
    const auth = requireAuth(req);
    await signIns.keepAlive(auth);
    res.json(authState(auth));
  });

  router.post("/logout", async (req: Request, res: Response) => {
    const check = req.signInCheck;
    // Giving up half-way through an MFA sign-in ends the half-way sign-in.
    const auth = check?.status === "mfa-pending" ? check.pending : requireAuth(req);
    // Ending the sign-in also closes its sockets on every process (sign-in-revocations.ts).
    await signIns.end(auth.signIn.id, "signed-out");
    await audit.record(auditContext(req), "logout", { type: "auth-session" }, "success");
    res.setHeader("Set-Cookie", signIns.clearCookieHeader());
    res.status(204).end();
  });

  return router;
}
