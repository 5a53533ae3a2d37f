import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { E2E_PORT } from "./environment";

const LOCK = fileURLToPath(new URL(`../test-results/.video-turn-${E2E_PORT}`, import.meta.url));

function holderAlive(): boolean {
  try {
    const pid = Number(readFileSync(`${LOCK}/pid`, "utf8"));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until no other worker of this run sends video, then holds the turn until `release` is
 * called. The video and LiveKit projects each drive several browsers (or a media server and
 * simulated publishers); two at once starve a two-core machine, so their workers take turns.
 * A turn left by a crashed worker (its process gone) is taken over.
 */
export async function takeVideoTurn(): Promise<() => void> {
  mkdirSync(fileURLToPath(new URL("../test-results/", import.meta.url)), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(`${LOCK}/pid`, String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // Written right after mkdir: give a holder that just took the turn time to say who it is.
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (!holderAlive()) rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
