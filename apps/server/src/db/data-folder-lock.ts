import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { resolve } from "node:path";

/** The embedded database's folder is in use by another live process. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `The database folder ${folder} is in use by another Bridgeway process (pid ${pid}). ` +
        "Stop that process, or set PGLITE_DATA_DIR to another folder.",
    );
    this.name = "DataFolderInUseError";
  }
}

/**
 * Beside the folder, not in it: PGlite takes any file in an empty folder for a damaged
 * database.
 */
export function lockFileOf(folder: string): string {
  return `${resolve(folder)}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still makes it the owner.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ownerOf(path: string): number | null {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as { pid?: unknown };
    return typeof parsed.pid === "number" && Number.isInteger(parsed.pid) ? parsed.pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the one-owner lock of an embedded PGlite data folder. PGlite keeps the database in
 * memory and writes the folder back, so two processes on one folder each see only their own
 * writes and one loses them: the second must refuse to start. A lock left by a process that no
 * longer runs (it crashed) is taken over. The lock is the file `<folder>.lock`. Answers the
 * function that releases it.
 */
export function lockDataFolder(folder: string): () => void {
  const path = lockFileOf(folder);
  const owner = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date() });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      // "wx": created only if absent, atomically, so two starting processes cannot both win.
      const fd = openSync(path, "wx");
      writeSync(fd, owner);
      closeSync(fd);
      return () => {
        if (ownerOf(path) === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = ownerOf(path);
      if (pid !== null && alive(pid)) {
        throw new DataFolderInUseError(resolve(folder), pid);
      }
      // Stale (its process is gone) or unreadable (a crash mid-write): take it over.
      rmSync(path, { force: true });
    }
  }
  throw new DataFolderInUseError(resolve(folder), ownerOf(path) ?? -1);
}
