import { Router, type Request, type RequestHandler, type Response } from "express";
import { LoginInputSchema } from "@bridgeway/domain";
import type { AuditLog } from "../audit/audit-log";
import { HttpError } from "../http/errors";
import { auditContext, requireAuth } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { Realtime } from "../realtime/realtime";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { authState, type SessionService } from "./sessions";
import type { UserRepository } from "./user-repository";

type Deps = {
  users: UserRepository;
  sessions: SessionService;
  audit: AuditLog;
  realtime: Pick<Realtime, "endSession">;
  loginLimits: RequestHandler[];
};

const invalidCredentials = () =>
  new HttpError(401, "invalid_credentials", "That email and password do not match an account.");

export function authRoutes(deps: Deps): Router {
  const router = Router();
  const { users, sessions, audit } = deps;

  router.post("/login", ...deps.loginLimits, async (req: Request, res: Response) => {
    const input = parseInput(LoginInputSchema, req.body);
    const context = auditContext(req);
    const user = await users.findForLogin(input.email);
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
    // A fresh session on every sign-in; any session the browser already had is ended, so a
    // planted cookie cannot be carried into a signed-in session.
    const previous = req.sessionCheck;
    if (previous?.status === "active") await sessions.end(previous.auth.session.id);

    const { token, session } = await sessions.start(user.id);
    const check = await sessions.check(token, { touch: false });
    if (check.status !== "active") throw new Error("a session just started is not active");
    await audit.record(
      { ...context, actor: check.auth.actor },
      "login",
      { type: "auth-session" },
      "success",
    );
    res.setHeader("Set-Cookie", sessions.setCookieHeader(token, session));
    res.json(authState(check.auth));
  });

  router.get("/me", (req: Request, res: Response) => {
    res.json(authState(requireAuth(req)));
  });

  router.post("/keepalive", async (req: Request, res: Response) => {
    const auth = requireAuth(req);
    await sessions.keepAlive(auth);
    res.json(authState(auth));
  });

  router.post("/logout", async (req: Request, res: Response) => {
    const auth = requireAuth(req);
    await sessions.end(auth.session.id);
    await audit.record(auditContext(req), "logout", { type: "auth-session" }, "success");
    await deps.realtime.endSession(auth.session.id, "signed-out");
    res.setHeader("Set-Cookie", sessions.clearCookieHeader());
    res.status(204).end();
  });

  return router;
}
