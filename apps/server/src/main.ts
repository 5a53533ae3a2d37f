import { startServer } from "./app";
import { ConfigError, loadConfig } from "./config";
import { describeUnknownError } from "./http/error-handler";
import { createLogger } from "./logger";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, { logger });
  logger.info(
    {
      url: server.url,
      db: server.db.kind,
      realtime: server.realtime.kind,
      media: config.media.kind,
      ...(config.database.kind === "pglite" ? { dataDir: config.database.dataDir } : {}),
    },
    "Bridgeway is running",
  );

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // An operator's memory check: `kill -USR2 <pid>` logs the process's memory use, after a full
  // collection when Node runs with --expose-gc (the chat benchmark uses this).
  process.on("SIGUSR2", () => {
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    logger.info(
      { rss, heapUsed, external, arrayBuffers, collected: collect !== undefined },
      "memory report",
    );
  });
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  // Start-up errors (database unreachable, a bad migration) carry no health data; say them plainly.
  const message = error instanceof Error ? error.message : String(error);
  createLogger("error").fatal(
    { err: { ...describeUnknownError(error), message } },
    "Bridgeway failed to start",
  );
  process.exit(1);
});
