import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config";

const PUBLIC = "B".repeat(87);
const PRIVATE = "p".repeat(43);

function problemsOf(env: Record<string, string>): Record<string, string> {
  try {
    loadConfig({ NODE_ENV: "development", ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return {};
}

describe("Web Push settings", () => {
  it("takes both VAPID keys together, and names the one missing", () => {
    expect(problemsOf({ VAPID_PUBLIC_KEY: PUBLIC })).toEqual({
      VAPID_PRIVATE_KEY: "is required when the other VAPID key is given.",
    });
    const config = loadConfig({
      NODE_ENV: "development",
      VAPID_PUBLIC_KEY: PUBLIC,
      VAPID_PRIVATE_KEY: PRIVATE,
      VAPID_SUBJECT: "mailto:it@clinic.example",
    });
    expect(config.push).toEqual({
      subject: "mailto:it@clinic.example",
      keys: { kind: "given", publicKey: PUBLIC, privateKey: PRIVATE },
    });
  });

  it("names a key or subject of the wrong shape", () => {
    expect(
      Object.keys(problemsOf({ VAPID_PUBLIC_KEY: "short", VAPID_PRIVATE_KEY: PRIVATE })),
    ).toEqual(["VAPID_PUBLIC_KEY"]);
    expect(Object.keys(problemsOf({ VAPID_SUBJECT: "it@clinic.example" }))).toEqual([
      "VAPID_SUBJECT",
    ]);
  });

  it("keeps generated keys in the data folder by default, or where VAPID_KEYS_FILE says", () => {
    const embedded = loadConfig({ NODE_ENV: "development" }).push;
    expect(embedded.keys.kind === "file" && embedded.keys.path).toMatch(
      /\.data\/vapid-keys\.json$/,
    );
    expect(embedded.subject).toBe("mailto:it@bridgeway.invalid");
    expect(
      loadConfig({ NODE_ENV: "development", VAPID_KEYS_FILE: "/srv/bw/vapid.json" }).push.keys,
    ).toEqual({ kind: "file", path: "/srv/bw/vapid.json" });
  });
});
