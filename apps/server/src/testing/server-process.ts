import { spawn, type ChildProcess } from "node:child_process";
import { PACKAGE_ROOT } from "../config";

/** Settings the test's own environment may carry and that a spawned server must not inherit. */
const INHERITED_NOT = ["DATABASE_URL", "REDIS_URL", "NODE_ENV", "PORT", "PGLITE_DATA_DIR"];

/**
 * The real entry point (src/main.ts) as its own process, the way `npm start` runs it, for tests
 * that stop, kill and restart servers. A restart keeps the port, so clients find it again.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private log = "";
  private port: number;
  /** When the running process said it was ready (performance.now()). */
  readyAt = 0;

  constructor(
    private readonly env: Record<string, string>,
    port = 0,
  ) {
    this.port = port;
  }

  /** Spawns the process without waiting for it (see `started`). */
  spawn(extraEnv: Record<string, string> = {}): ChildProcess {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !INHERITED_NOT.includes(name) && !name.startsWith("LIVEKIT_"),
      ),
    );
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: PACKAGE_ROOT,
      env: {
        ...clean,
        LOG_LEVEL: "info",
        HOST: "127.0.0.1",
        PORT: String(this.port),
        ...this.env,
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.log = "";
    child.stdout.on("data", (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (this.log += chunk.toString()));
    return child;
  }

  /** Starts the server and resolves once it says it is running. */
  async start(extraEnv: Record<string, string> = {}): Promise<this> {
    const child = this.spawn(extraEnv);
    await new Promise<void>((resolve, reject) => {
      const onData = () => {
        for (const line of this.log.split("\n")) {
          if (!line.includes("Bridgeway is running")) continue;
          const { url } = JSON.parse(line) as { url: string };
          this.port = Number(new URL(url).port);
          this.readyAt = performance.now();
          child.stdout?.off("data", onData);
          child.off("exit", onExit);
          resolve();
          return;
        }
      };
      const onExit = (code: number | null) =>
        reject(new Error(`server exited with ${String(code)}:\n${this.log}`));
      child.stdout?.on("data", onData);
      child.once("exit", onExit);
    });
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get listeningPort(): number {
    return this.port;
  }

  /** Everything the process wrote, for assertions on its logs. */
  output(): string {
    return this.log;
  }

  /** Resolves with the exit code once the current process has ended. */
  exited(): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null)
      return Promise.resolve(child?.exitCode ?? null);
    return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  }

  /** Ends the process: SIGTERM stops cleanly, SIGKILL is a crash. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    const done = this.exited();
    this.child?.kill(signal);
    return done;
  }
}
