import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The server package folder, whether running from `src/` (tsx) or the `dist/` bundle. */
export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export const DEFAULT_DEMO_PASSWORD = "bridgeway-demo";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = (schema: z.ZodString) => z.preprocess(emptyAsUndefined, schema.optional());
const booleanFlag = z.preprocess(
  emptyAsUndefined,
  z
    .enum(["true", "false", "1", "0"], { error: "Use true or false." })
    .transform((v) => v === "true" || v === "1")
    .optional(),
);

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
  ICE_SERVERS: optionalString(z.string().min(2)),
  SMTP_URL: optionalString(
    z.string().regex(/^smtps?:\/\/\S+$/, {
      error: "Use an SMTP URL such as smtps://user:password@smtp.example.org:465.",
    }),
  ),
  MAIL_FROM: optionalString(z.string().min(3).max(200)),
  OUTBOX_DIR: optionalString(z.string().min(1)),
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
});

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
  /** Email: an SMTP relay, or (embedded default) a local outbox folder of .eml files. */
  mail: { from: string } & ({ kind: "smtp"; url: string } | { kind: "outbox"; dir: string });
  demo: { seed: boolean; password: string };
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  trustProxy: number;
  webDistDir: string;
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
    mail: {
      from: e.MAIL_FROM ?? "Bridgeway <no-reply@bridgeway.invalid>",
      ...(e.SMTP_URL
        ? { kind: "smtp" as const, url: e.SMTP_URL }
        : { kind: "outbox" as const, dir: e.OUTBOX_DIR ?? `${REPO_ROOT}.data/outbox` }),
    },
    // The demo clinic is seeded by default outside production, so the product starts ready to try.
    demo: {
      seed: production ? false : (e.DEMO_SEED ?? true),
      password: e.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    },
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    webDistDir: e.WEB_DIST_DIR ?? `${REPO_ROOT}apps/web/dist`,
  };
}
