import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit, type Store } from "express-rate-limit";
import { tooManyRequests } from "../http/errors";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins allowed per address per window. */
export const LOGIN_FAILURES_PER_IP = 20;
/** Failed sign-ins allowed per account per window, from anywhere. */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;

function retryAfterSeconds(req: Request): number {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  return reset
    ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000))
    : LOGIN_WINDOW_MS / 1000;
}

function storeOption(store: Store | undefined): { store?: Store } {
  return store ? { store } : {};
}

function emailKey(req: Request): string {
  const body: unknown = req.body;
  const email =
    typeof body === "object" && body !== null && "email" in body && typeof body.email === "string"
      ? body.email.trim().toLowerCase().slice(0, 254)
      : "";
  return `account:${email}`;
}

/**
 * Limits failed sign-ins per address and per account (successful ones do not count), so
 * password guessing is slow whether it comes from one place or many. `makeStore` gives each
 * limiter its own store: memory in one process, Redis when several processes share the load.
 */
export function loginRateLimits(makeStore: (name: string) => Store | undefined): RequestHandler[] {
  const common = {
    windowMs: LOGIN_WINDOW_MS,
    standardHeaders: "draft-8" as const,
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    handler: (req: Request, _res: unknown, next: (error: unknown) => void) => {
      next(
        tooManyRequests(
          "Too many sign-in attempts. Wait a few minutes, then try again.",
          retryAfterSeconds(req),
        ),
      );
    },
  };
  const byIp = rateLimit({
    ...common,
    limit: LOGIN_FAILURES_PER_IP,
    keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? "unknown")}`,
    ...storeOption(makeStore("login-ip")),
  });
  const byAccount = rateLimit({
    ...common,
    limit: LOGIN_FAILURES_PER_ACCOUNT,
    keyGenerator: emailKey,
    ...storeOption(makeStore("login-account")),
  });
  return [byIp, byAccount];
}
