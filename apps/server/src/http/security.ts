import type { RequestHandler } from "express";
import helmet from "helmet";
import { BACKGROUND_REQUEST_HEADER, CSRF_HEADER } from "@bridgeway/domain";
import type { SignInService } from "../auth/sign-ins";
import { tokensMatch } from "../auth/sign-ins";
import { csrfFailed, unsupportedMediaType } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Security headers with a strict CSP: the built web app needs no inline script or style. */
export function securityHeaders(options: {
  secure: boolean;
  mediaOrigins: string[];
}): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:", "blob:"],
          fontSrc: ["'self'"],
          mediaSrc: ["'self'", "blob:"],
          connectSrc: ["'self'", ...options.mediaOrigins],
          // The installable app: its manifest and its service worker (/sw.js), same origin only.
          manifestSrc: ["'self'"],
          workerSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(options.secure ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: options.secure ? { maxAge: 31_536_000 } : false,
      referrerPolicy: { policy: "no-referrer" },
    }),
    (_req, res, next) => {
      // Camera and microphone for this origin only; nothing for embedded content.
      res.setHeader(
        "Permissions-Policy",
        "camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=()",
      );
      next();
    },
  ];
}

/** API answers carry health data: never cached by browsers or proxies. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Pragma", "no-cache");
  next();
};

/** A write with a body must say it is JSON, before express.json gets to skip it silently. */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const length = Number(req.headers["content-length"] ?? 0);
  const hasBody = length > 0 || req.headers["transfer-encoding"] !== undefined;
  if (hasBody && !req.is("application/json")) return next(unsupportedMediaType());
  next();
};

/**
 * Loads the sign-in cookie for every API request; counts the request as activity unless it is a
 * read the page made by itself (BACKGROUND_REQUEST_HEADER).
 */
export function loadSignIn(signIns: SignInService): RequestHandler {
  return async (req, _res, next) => {
    try {
      const token = signIns.tokenFromCookieHeader(req.headers.cookie);
      const background =
        SAFE_METHODS.has(req.method) && req.headers[BACKGROUND_REQUEST_HEADER] === "1";
      req.signInCheck = await signIns.check(token, { touch: !background });
      next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * CSRF defence for writes. Browsers say where a request came from (Sec-Fetch-Site, Origin):
 * cross-site writes are refused outright. Writes made with a sign-in cookie must also echo the
 * sign-in's CSRF token in a header, which another site cannot read or forge.
 */
export function csrfProtection(options: { publicOrigin: string | undefined }): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.headers["sec-fetch-site"];
    if (site === "cross-site") return next(csrfFailed());
    const origin = req.headers.origin;
    if (origin && origin !== "null") {
      const expected = options.publicOrigin ?? `${req.protocol}://${req.headers.host ?? ""}`;
      if (origin !== expected) return next(csrfFailed());
    } else if (origin === "null") {
      return next(csrfFailed());
    }
    const check = req.signInCheck;
    const expected =
      check?.status === "active"
        ? check.auth.signIn.csrfToken
        : check?.status === "mfa-pending"
          ? check.pending.signIn.csrfToken
          : undefined;
    if (expected !== undefined) {
      const given = req.headers[CSRF_HEADER];
      if (!tokensMatch(expected, typeof given === "string" ? given : undefined)) {
        return next(csrfFailed());
      }
    }
    next();
  };
}
