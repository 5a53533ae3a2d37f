import type { Logger } from "../logger";

export type JobStep = { name: string; run(): Promise<void> };

/** The background jobs of one process; their state is all in the database. */
export type JobRunner = {
  /** Runs every step once now (after any run in progress); tests call it at a moment of their clock. */
  runDue(): Promise<void>;
  start(): void;
  /** Stops the timer and waits for a run in progress, so the database can close under it. */
  stop(): Promise<void>;
};

/**
 * Runs the job steps on a timer. The timer holds no state: what is due, claimed and done is in
 * the database, claimed with conditional writes, so a restart loses nothing and several
 * processes running the same steps each do a piece of the work once. A failing step is logged
 * (its error's name only) and the others still run.
 */
export function createJobRunner(options: {
  steps: JobStep[];
  intervalMs: number;
  logger: Logger;
}): JobRunner {
  const { steps, intervalMs, logger } = options;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;

  async function runSteps(): Promise<void> {
    for (const step of steps) {
      try {
        await step.run();
      } catch (error) {
        logger.warn(
          { err: error instanceof Error ? error.name : typeof error, job: step.name },
          "a background job failed; it runs again on the next sweep",
        );
      }
    }
  }

  async function runDue(): Promise<void> {
    while (running) await running;
    running = runSteps();
    try {
      await running;
    } finally {
      running = null;
    }
  }

  return {
    runDue,
    start() {
      if (intervalMs <= 0 || timer) return;
      // A restarted process first catches up on what fell due while it was down.
      void runDue();
      timer = setInterval(() => void runDue(), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      while (running) await running;
    },
  };
}
