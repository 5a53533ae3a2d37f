import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs. Paths that can carry secrets or health information are redacted even if a
 * caller logs a whole object by mistake; callers log ids and codes, never names or text.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "bridgeway-server" },
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        "password",
        "*.password",
        "email",
        "*.email",
        "token",
        "*.token",
        "body",
        "*.body",
      ],
      censor: "[redacted]",
    },
  });
}
