import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import webpush from "web-push";
import type { PushConfig } from "../config";

export type VapidKeys = { publicKey: string; privateKey: string };

function isKeys(value: unknown): value is VapidKeys {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.publicKey === "string" && typeof record.privateKey === "string";
}

/** The keys kept in `path`, or null when there is no such file yet. */
function readStored(path: string): VapidKeys | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const stored: unknown = JSON.parse(text);
  if (!isKeys(stored)) {
    throw new Error(`${path} does not hold VAPID keys; remove it to generate new ones.`);
  }
  return stored;
}

/**
 * The VAPID keys this server signs push messages with: the configured ones, or keys generated on
 * first start and kept in the data folder (readable by this user only), so that subscriptions
 * made against them keep working after a restart.
 */
export function resolveVapidKeys(config: PushConfig): VapidKeys {
  const keys = config.keys;
  switch (keys.kind) {
    case "given":
      return { publicKey: keys.publicKey, privateKey: keys.privateKey };
    case "ephemeral":
      return webpush.generateVAPIDKeys();
    case "file": {
      const stored = readStored(keys.path);
      if (stored) return stored;
      const generated = webpush.generateVAPIDKeys();
      mkdirSync(dirname(keys.path), { recursive: true });
      try {
        // "wx": if another process got there first, its keys win.
        writeFileSync(keys.path, JSON.stringify(generated), { flag: "wx", mode: 0o600 });
        return generated;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const theirs = readStored(keys.path);
        if (!theirs) throw error;
        return theirs;
      }
    }
  }
}
