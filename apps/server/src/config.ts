import { fileURLToPath } from "node:url";
import { MEDIA_CREDENTIAL_TTL_SECONDS } from "@bridgeway/domain";
import { z } from "zod";
import { DEFAULT_CHAT_RATE_LIMITS, type ChatRateLimits } from "./chat/chat-rate-limit";
import type { TurnConfig } from "./live/turn-credentials";

/** The server package folder, whether running from `src/` (tsx) or the `dist/` bundle. */
export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export const DEFAULT_DEMO_PASSWORD = "bridgeway-demo";
/** Development and tests only: production refuses to start without MFA_ENCRYPTION_KEY. */
const DEVELOPMENT_MFA_KEY = "bridgeway-development-mfa-key-not-for-production";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = (schema: z.ZodString) => z.preprocess(emptyAsUndefined, schema.optional());
const booleanFlag = z.preprocess(
  emptyAsUndefined,
  z
    .enum(["true", "false", "1", "0"], { error: "Use true or false." })
    .transform((v) => v === "true" || v === "1")
    .optional(),
);

/** A whole number of seconds from `min` to `max`; `fallback` when unset or empty. */
function seconds(min: number, max: number, fallback: number) {
  const range = { error: `Use between ${min} and ${max} seconds.` };
  return z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "Use a number of seconds." })
      .int()
      .min(min, range)
      .max(max, range)
      .default(fallback),
  );
}

const EnvSchema = z.object({
  NODE_ENV: z.preprocess(
    emptyAsUndefined,
    z.enum(["development", "test", "production"]).default("development"),
  ),
  HOST: z.preprocess(emptyAsUndefined, z.string().min(1).default("127.0.0.1")),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  PUBLIC_ORIGIN: optionalString(
    z.string().regex(/^https?:\/\/[^/\s]+$/, {
      error: "Use an origin such as https://iop.example.org (scheme and host, no path).",
    }),
  ),
  DATABASE_URL: optionalString(
    z.string().regex(/^postgres(ql)?:\/\/\S+$/, {
      error: "Use a PostgreSQL URL such as postgresql://user@host:5432/db.",
    }),
  ),
  PGLITE_DATA_DIR: optionalString(z.string().min(1)),
  REDIS_URL: optionalString(
    z.string().regex(/^rediss?:\/\/\S+$/, { error: "Use a Redis URL such as redis://host:6379." }),
  ),
  LIVEKIT_URL: optionalString(
    z.string().regex(/^(wss?|https?):\/\/\S+$/, {
      error: "Use the LiveKit server URL, such as wss://livekit.example.org.",
    }),
  ),
  /** Where this server calls LiveKit's room API, when it differs from what browsers use. */
  LIVEKIT_API_URL: optionalString(
    z.string().regex(/^(wss?|https?):\/\/\S+$/, {
      error: "Use a URL this server can reach, such as http://livekit:7880.",
    }),
  ),
  LIVEKIT_API_KEY: optionalString(z.string().min(1)),
  LIVEKIT_API_SECRET: optionalString(z.string().min(1)),
  /**
   * Lifetime of each LiveKit token issued. The web app asks for a new one a minute before it
   * expires; LiveKit itself keeps connected people in, so it only matters for (re)connecting.
   */
  LIVEKIT_TOKEN_TTL_SECONDS: seconds(60, 86_400, MEDIA_CREDENTIAL_TTL_SECONDS),
  ICE_SERVERS: optionalString(z.string().min(2)),
  /** TURN servers (comma-separated turn:/turns: URLs) sharing TURN_SECRET with this server. */
  TURN_URLS: optionalString(z.string().min(5)),
  TURN_SECRET: optionalString(
    z.string().min(16, { error: "Use at least 16 characters (coturn's static-auth-secret)." }),
  ),
  TURN_TTL_SECONDS: seconds(60, 86_400, 6 * 60 * 60),
  SMTP_URL: optionalString(
    z.string().regex(/^smtps?:\/\/\S+$/, {
      error: "Use an SMTP URL such as smtps://user:password@smtp.example.org:465.",
    }),
  ),
  MAIL_FROM: optionalString(z.string().min(3).max(200)),
  OUTBOX_DIR: optionalString(z.string().min(1)),
  /** Text message reminders through Twilio's Messages API; without these, an outbox folder. */
  TWILIO_ACCOUNT_SID: optionalString(
    z.string().regex(/^AC[0-9a-fA-F]{32}$/, {
      error: "Use the Account SID (AC followed by 32 hex digits).",
    }),
  ),
  TWILIO_AUTH_TOKEN: optionalString(z.string().min(16)),
  /** The sending number (E.164) or a Messaging Service SID (MG...). */
  TWILIO_FROM: optionalString(
    z.string().regex(/^(\+[1-9]\d{7,14}|MG[0-9a-fA-F]{32})$/, {
      error: "Use a number such as +15551234567 or a Messaging Service SID (MG...).",
    }),
  ),
  TWILIO_API_URL: optionalString(
    z
      .string()
      .regex(/^https?:\/\/[^/\s]+$/, { error: "Use an origin such as https://api.twilio.com." }),
  ),
  SMS_OUTBOX_DIR: optionalString(z.string().min(1)),
  /** How often reminders and no-show reviews run; 0 turns the timer off (tests run them by hand). */
  JOB_INTERVAL_SECONDS: seconds(0, 3600, 60),
  /** Chat messages one person may send at once, then per second (a flood guard; see chat-rate-limit). */
  CHAT_BURST_MESSAGES: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: "Use a whole number." }).int().min(1).max(100_000).optional(),
  ),
  CHAT_MESSAGES_PER_SECOND: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: "Use a number." }).positive().max(100_000).optional(),
  ),
  DEMO_SEED: booleanFlag,
  DEMO_PASSWORD: optionalString(
    z.string().min(12, { error: "Use at least 12 characters." }).max(256),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  WEB_DIST_DIR: optionalString(z.string().min(1)),
  /** Encrypts authenticator app secrets at rest; keep it out of the database's backups. */
  MFA_ENCRYPTION_KEY: optionalString(
    z.string().min(32, { error: "Use at least 32 random characters (openssl rand -base64 32)." }),
  ),
  /** Web Push (VAPID) keys, as `npx web-push generate-vapid-keys` prints them; both or neither. */
  VAPID_PUBLIC_KEY: optionalString(
    z.string().regex(/^[A-Za-z0-9_-]{87}$/, {
      error: "Use the public key from `npx web-push generate-vapid-keys` (87 characters).",
    }),
  ),
  VAPID_PRIVATE_KEY: optionalString(
    z.string().regex(/^[A-Za-z0-9_-]{43}$/, {
      error: "Use the private key from `npx web-push generate-vapid-keys` (43 characters).",
    }),
  ),
  /** Who push services may contact about this sender: a mailto: or https: URL. */
  VAPID_SUBJECT: optionalString(
    z.string().regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, {
      error: "Use a mailto: address or an https: URL, such as mailto:it@clinic.example.",
    }),
  ),
  /** Where generated VAPID keys are kept when none are given (embedded default: the data folder). */
  VAPID_KEYS_FILE: optionalString(z.string().min(1)),
});

export type SmsConfig =
  | { kind: "twilio"; apiUrl: string; accountSid: string; authToken: string; from: string }
  | { kind: "outbox"; dir: string };

export type DatabaseConfig =
  { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export type MediaConfig =
  | { kind: "direct" }
  | {
      kind: "livekit";
      /** The URL browsers connect to. */
      url: string;
      /** The URL this server calls the room API on (defaults to `url`). */
      apiUrl: string;
      apiKey: string;
      apiSecret: string;
      /** Lifetime of each token issued, in seconds. */
      tokenTtlSeconds: number;
    };

const IceServersSchema = z.array(
  z.strictObject({
    urls: z.union([
      z.string().regex(/^(stun|turns?):/),
      z.array(z.string().regex(/^(stun|turns?):/)).min(1),
    ]),
    username: z.string().optional(),
    credential: z.string().optional(),
  }),
);
export type IceServer = z.infer<typeof IceServersSchema>[number];

export type Config = {
  env: "development" | "test" | "production";
  host: string;
  port: number;
  /** Set when the public origin is known; it also decides Secure cookies. */
  publicOrigin: string | undefined;
  secureCookies: boolean;
  database: DatabaseConfig;
  redisUrl: string | undefined;
  media: MediaConfig;
  /** STUN/TURN servers for direct (browser-to-browser) video. */
  iceServers: IceServer[];
  /** A TURN server with short-lived REST credentials, issued to each admitted person. */
  turn: TurnConfig | null;
  /** Email: an SMTP relay, or (embedded default) a local outbox folder of .eml files. */
  mail: { from: string } & ({ kind: "smtp"; url: string } | { kind: "outbox"; dir: string });
  /** Text messages: Twilio, or (embedded default) a local outbox folder of .txt files. */
  sms: SmsConfig;
  /** Milliseconds between runs of the background jobs; 0 means no timer. */
  jobIntervalMs: number;
  demo: { seed: boolean; password: string };
  chatRateLimits: ChatRateLimits;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  trustProxy: number;
  webDistDir: string;
  /** The key material authenticator app secrets are encrypted with (see mfa-secret-box.ts). */
  mfaEncryptionKey: string;
  /** Web Push: the VAPID keys given, or where to keep generated ones (tests: in memory). */
  push: PushConfig;
};

export type PushConfig = {
  subject: string;
  keys:
    | { kind: "given"; publicKey: string; privateKey: string }
    | { kind: "file"; path: string }
    | { kind: "ephemeral" };
};

/** Start-up stops with this when a setting is missing or wrong; the message names each variable. */
export class ConfigError extends Error {
  constructor(readonly problems: Record<string, string>) {
    super(
      `Bridgeway cannot start; fix these settings:\n${Object.entries(problems)
        .map(([name, problem]) => `  ${name}: ${problem}`)
        .join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** Read and validate the environment once, at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "environment");
      problems[name] ??= issue.message;
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const problems: Record<string, string> = {};
  const production = e.NODE_ENV === "production";

  const livekit = [e.LIVEKIT_URL, e.LIVEKIT_API_KEY, e.LIVEKIT_API_SECRET];
  if (livekit.some(Boolean) && !livekit.every(Boolean)) {
    for (const name of ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"] as const) {
      if (!e[name]) problems[name] = "is required when any LIVEKIT_ setting is given.";
    }
  }
  let iceServers: IceServer[] = [];
  if (e.ICE_SERVERS) {
    let raw: unknown;
    try {
      raw = JSON.parse(e.ICE_SERVERS);
    } catch {
      raw = undefined;
    }
    const parsedIce = IceServersSchema.safeParse(raw);
    if (parsedIce.success) iceServers = parsedIce.data;
    else {
      problems.ICE_SERVERS =
        'must be a JSON array such as [{"urls":"stun:stun.example.org:3478"},{"urls":"turn:turn.example.org","username":"u","credential":"p"}].';
    }
  }
  let turn: TurnConfig | null = null;
  if (e.TURN_URLS || e.TURN_SECRET) {
    const urls = (e.TURN_URLS ?? "")
      .split(",")
      .map((u) => u.trim())
      .filter(Boolean);
    if (!e.TURN_URLS) problems.TURN_URLS = "is required when TURN_SECRET is given.";
    else if (!urls.every((u) => /^turns?:[^\s,]+$/.test(u)))
      problems.TURN_URLS =
        "must be comma-separated turn: or turns: URLs, such as turn:turn.example.org:3478,turns:turn.example.org:5349.";
    if (!e.TURN_SECRET) problems.TURN_SECRET = "is required when TURN_URLS is given.";
    else turn = { urls, secret: e.TURN_SECRET, ttlSeconds: e.TURN_TTL_SECONDS };
  }
  const twilio = [e.TWILIO_ACCOUNT_SID, e.TWILIO_AUTH_TOKEN, e.TWILIO_FROM];
  if (twilio.some(Boolean) && !twilio.every(Boolean)) {
    for (const name of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"] as const) {
      if (!e[name]) problems[name] = "is required when any TWILIO_ setting is given.";
    }
  }
  if (Boolean(e.VAPID_PUBLIC_KEY) !== Boolean(e.VAPID_PRIVATE_KEY)) {
    for (const name of ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY"] as const) {
      if (!e[name]) problems[name] = "is required when the other VAPID key is given.";
    }
  }
  if (production) {
    if (!e.DATABASE_URL) {
      problems.DATABASE_URL =
        "is required when NODE_ENV=production; the embedded database is for one machine and demos.";
    }
    if (!e.PUBLIC_ORIGIN) {
      problems.PUBLIC_ORIGIN =
        "is required when NODE_ENV=production (for example https://iop.example.org).";
    } else if (!e.PUBLIC_ORIGIN.startsWith("https://")) {
      problems.PUBLIC_ORIGIN = "must use https when NODE_ENV=production.";
    }
    if (!e.SMTP_URL) {
      problems.SMTP_URL = "is required when NODE_ENV=production, so invitations reach people.";
    }
    if (e.DEMO_SEED === true) {
      problems.DEMO_SEED = "the demo clinic is never seeded when NODE_ENV=production.";
    }
    if (!e.MFA_ENCRYPTION_KEY) {
      problems.MFA_ENCRYPTION_KEY =
        "is required when NODE_ENV=production, to encrypt authenticator app secrets.";
    }
  }
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);

  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: "postgres", url: e.DATABASE_URL }
    : { kind: "pglite", dataDir: e.PGLITE_DATA_DIR ?? `${REPO_ROOT}.data/pglite` };
  const media: MediaConfig =
    e.LIVEKIT_URL && e.LIVEKIT_API_KEY && e.LIVEKIT_API_SECRET
      ? {
          kind: "livekit",
          url: e.LIVEKIT_URL,
          apiUrl: e.LIVEKIT_API_URL ?? e.LIVEKIT_URL,
          apiKey: e.LIVEKIT_API_KEY,
          apiSecret: e.LIVEKIT_API_SECRET,
          tokenTtlSeconds: e.LIVEKIT_TOKEN_TTL_SECONDS,
        }
      : { kind: "direct" };

  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicOrigin: e.PUBLIC_ORIGIN,
    secureCookies: e.PUBLIC_ORIGIN?.startsWith("https://") ?? false,
    database,
    redisUrl: e.REDIS_URL,
    media,
    iceServers,
    turn,
    mail: {
      from: e.MAIL_FROM ?? "Bridgeway <no-reply@bridgeway.invalid>",
      ...(e.SMTP_URL
        ? { kind: "smtp" as const, url: e.SMTP_URL }
        : { kind: "outbox" as const, dir: e.OUTBOX_DIR ?? `${REPO_ROOT}.data/outbox` }),
    },
    sms:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM
        ? {
            kind: "twilio",
            apiUrl: e.TWILIO_API_URL ?? "https://api.twilio.com",
            accountSid: e.TWILIO_ACCOUNT_SID,
            authToken: e.TWILIO_AUTH_TOKEN,
            from: e.TWILIO_FROM,
          }
        : { kind: "outbox", dir: e.SMS_OUTBOX_DIR ?? `${REPO_ROOT}.data/outbox-sms` },
    jobIntervalMs: e.JOB_INTERVAL_SECONDS * 1000,
    // The demo clinic is seeded by default outside production, so the product starts ready to try.
    demo: {
      seed: production ? false : (e.DEMO_SEED ?? true),
      password: e.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    },
    chatRateLimits: {
      ...DEFAULT_CHAT_RATE_LIMITS,
      ...(e.CHAT_BURST_MESSAGES === undefined ? {} : { burstMessages: e.CHAT_BURST_MESSAGES }),
      ...(e.CHAT_MESSAGES_PER_SECOND === undefined
        ? {}
        : { messagesPerSecond: e.CHAT_MESSAGES_PER_SECOND }),
    },
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    webDistDir: e.WEB_DIST_DIR ?? `${REPO_ROOT}apps/web/dist`,
    // Outside production a fixed key keeps the embedded mode working across restarts.
    mfaEncryptionKey: e.MFA_ENCRYPTION_KEY ?? DEVELOPMENT_MFA_KEY,
    push: {
      subject:
        e.VAPID_SUBJECT ??
        (e.PUBLIC_ORIGIN?.startsWith("https://") ? e.PUBLIC_ORIGIN : "mailto:it@bridgeway.invalid"),
      keys:
        e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
          ? { kind: "given", publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY }
          : e.VAPID_KEYS_FILE
            ? { kind: "file", path: e.VAPID_KEYS_FILE }
            : e.NODE_ENV === "test"
              ? { kind: "ephemeral" }
              : { kind: "file", path: `${REPO_ROOT}.data/vapid-keys.json` },
    },
  };
}
