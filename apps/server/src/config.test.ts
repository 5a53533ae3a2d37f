import { describe, expect, it } from "vitest";
import { DEFAULT_CHAT_RATE_LIMITS } from "./chat/chat-rate-limit";
import { ConfigError, DEFAULT_DEMO_PASSWORD, loadConfig } from "./config";

function problemsOf(env: Record<string, string>): Record<string, string> {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("runs embedded with no settings at all: PGlite, memory realtime, direct media, demo clinic", () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe("pglite");
    if (config.database.kind === "pglite")
      expect(config.database.dataDir).toMatch(/\.data\/pglite$/);
    expect(config.redisUrl).toBeUndefined();
    expect(config.media).toEqual({ kind: "direct" });
    expect(config.demo).toEqual({ seed: true, password: DEFAULT_DEMO_PASSWORD });
    expect(config.port).toBe(3000);
    expect(config.secureCookies).toBe(false);
  });

  it("uses PostgreSQL, Redis and LiveKit when they are configured", () => {
    const config = loadConfig({
      DATABASE_URL: "postgresql://root@127.0.0.1:5432/test",
      REDIS_URL: "redis://127.0.0.1:6379",
      LIVEKIT_URL: "wss://media.example.org",
      LIVEKIT_API_KEY: "key",
      LIVEKIT_API_SECRET: "secret",
    });
    expect(config.database).toEqual({
      kind: "postgres",
      url: "postgresql://root@127.0.0.1:5432/test",
    });
    expect(config.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(config.media).toMatchObject({
      kind: "livekit",
      url: "wss://media.example.org",
      apiUrl: "wss://media.example.org",
    });
    expect(config.media).toMatchObject({ tokenTtlSeconds: 600 });
    const short = loadConfig({
      LIVEKIT_URL: "wss://media.example.org",
      LIVEKIT_API_KEY: "key",
      LIVEKIT_API_SECRET: "secret",
      LIVEKIT_TOKEN_TTL_SECONDS: "90",
    });
    expect(short.media).toMatchObject({ tokenTtlSeconds: 90 });
    // The server may reach LiveKit on an inside address while browsers use the public one.
    const inside = loadConfig({
      LIVEKIT_URL: "wss://media.example.org",
      LIVEKIT_API_URL: "http://livekit:7880",
      LIVEKIT_API_KEY: "key",
      LIVEKIT_API_SECRET: "secret",
    });
    expect(inside.media).toMatchObject({
      url: "wss://media.example.org",
      apiUrl: "http://livekit:7880",
    });
  });

  it("keeps the chat flood guard's defaults unless the operator tunes them, and names bad values", () => {
    expect(loadConfig({}).chatRateLimits).toEqual(DEFAULT_CHAT_RATE_LIMITS);
    expect(
      loadConfig({ CHAT_BURST_MESSAGES: "50", CHAT_MESSAGES_PER_SECOND: "20" }).chatRateLimits,
    ).toEqual({ ...DEFAULT_CHAT_RATE_LIMITS, burstMessages: 50, messagesPerSecond: 20 });
    expect(problemsOf({ CHAT_BURST_MESSAGES: "0" })).toHaveProperty("CHAT_BURST_MESSAGES");
    expect(problemsOf({ CHAT_MESSAGES_PER_SECOND: "fast" })).toHaveProperty(
      "CHAT_MESSAGES_PER_SECOND",
    );
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", REDIS_URL: "", PORT: "" }).database.kind).toBe("pglite");
  });

  it("names a malformed variable", () => {
    expect(problemsOf({ PORT: "eighty" })).toHaveProperty("PORT");
    expect(problemsOf({ DATABASE_URL: "mysql://x" })).toHaveProperty("DATABASE_URL");
    expect(problemsOf({ REDIS_URL: "localhost:6379" })).toHaveProperty("REDIS_URL");
    expect(problemsOf({ DEMO_SEED: "yes please" })).toHaveProperty("DEMO_SEED");
    expect(problemsOf({ DEMO_PASSWORD: "short" })).toHaveProperty("DEMO_PASSWORD");
  });

  it("needs all three LiveKit settings or none, naming the missing ones", () => {
    const problems = problemsOf({ LIVEKIT_URL: "wss://media.example.org" });
    expect(Object.keys(problems).sort()).toEqual(["LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"]);
  });

  it("refuses production without a database server and an https public origin", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(Object.keys(problems).sort()).toEqual([
      "DATABASE_URL",
      "MFA_ENCRYPTION_KEY",
      "PUBLIC_ORIGIN",
      "SMTP_URL",
    ]);
    expect(
      problemsOf({
        NODE_ENV: "production",
        DATABASE_URL: "postgresql://db/bridgeway",
        PUBLIC_ORIGIN: "http://iop.example.org",
        SMTP_URL: "smtp://relay.example.org",
      }),
    ).toHaveProperty("PUBLIC_ORIGIN");
  });

  it("never seeds the demo clinic in production, and says so if asked to", () => {
    const production = {
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://db/bridgeway",
      PUBLIC_ORIGIN: "https://iop.example.org",
      SMTP_URL: "smtps://bridgeway:secret@smtp.example.org:465",
      MFA_ENCRYPTION_KEY: "k".repeat(44),
    };
    expect(loadConfig(production).demo.seed).toBe(false);
    expect(loadConfig(production).secureCookies).toBe(true);
    expect(problemsOf({ ...production, DEMO_SEED: "true" })).toHaveProperty("DEMO_SEED");
  });

  it("writes email to a local outbox unless an SMTP relay is configured", () => {
    const embedded = loadConfig({});
    expect(embedded.mail.kind).toBe("outbox");
    if (embedded.mail.kind === "outbox") expect(embedded.mail.dir).toMatch(/\.data\/outbox$/);
    expect(loadConfig({ SMTP_URL: "smtp://relay.example.org:587" }).mail).toMatchObject({
      kind: "smtp",
    });
    expect(problemsOf({ SMTP_URL: "relay.example.org" })).toHaveProperty("SMTP_URL");
  });

  it("lets a developer turn the demo seed off", () => {
    expect(loadConfig({ DEMO_SEED: "false" }).demo.seed).toBe(false);
  });

  it("reads a TURN server and its shared secret, with a six-hour credential lifetime by default", () => {
    const config = loadConfig({
      TURN_URLS: "turn:turn.example.org:3478, turns:turn.example.org:5349",
      TURN_SECRET: "a-long-shared-secret",
    });
    expect(config.turn).toEqual({
      urls: ["turn:turn.example.org:3478", "turns:turn.example.org:5349"],
      secret: "a-long-shared-secret",
      ttlSeconds: 21_600,
    });
    expect(loadConfig({}).turn).toBeNull();
  });

  it("names TURN_URLS or TURN_SECRET when one comes without the other or is malformed", () => {
    expect(Object.keys(problemsOf({ TURN_URLS: "turn:turn.example.org" }))).toEqual([
      "TURN_SECRET",
    ]);
    expect(Object.keys(problemsOf({ TURN_SECRET: "a-long-shared-secret" }))).toEqual(["TURN_URLS"]);
    expect(
      Object.keys(
        problemsOf({ TURN_URLS: "https://turn.example.org", TURN_SECRET: "a-long-shared-secret" }),
      ),
    ).toEqual(["TURN_URLS"]);
    expect(
      Object.keys(problemsOf({ TURN_URLS: "turn:t.example.org", TURN_SECRET: "short" })),
    ).toEqual(["TURN_SECRET"]);
    expect(
      Object.keys(
        problemsOf({
          TURN_URLS: "turn:t.example.org",
          TURN_SECRET: "a-long-shared-secret",
          TURN_TTL_SECONDS: "5",
        }),
      ),
    ).toEqual(["TURN_TTL_SECONDS"]);
    for (const ttl of ["59", "86401", "soon"])
      expect(Object.keys(problemsOf({ LIVEKIT_TOKEN_TTL_SECONDS: ttl }))).toEqual([
        "LIVEKIT_TOKEN_TTL_SECONDS",
      ]);
  });
});
