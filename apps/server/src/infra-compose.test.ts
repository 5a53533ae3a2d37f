import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const compose = readFileSync(new URL("../../../infra/docker-compose.yml", import.meta.url), "utf8");

/** The `environment:` block of one compose service, with `${VAR:-default}` read as its default. */
function serviceEnvironment(service: string): Record<string, string> {
  const lines = compose.split("\n");
  const start = lines.indexOf(`  ${service}:`);
  if (start < 0) throw new Error(`no ${service} service`);
  const env: Record<string, string> = {};
  let inEnvironment = false;
  for (const line of lines.slice(start + 1)) {
    if (/^ {2}\S/.test(line) || /^\S/.test(line)) break;
    if (/^ {4}\S/.test(line)) inEnvironment = line.trim() === "environment:";
    const entry = /^ {6}([A-Z_]+): (.*)$/.exec(line);
    if (inEnvironment && entry?.[1] && entry[2] !== undefined) {
      env[entry[1]] = entry[2].replace(/^"(.*)"$/, "$1").replace(/\$\{[A-Z_]+:-([^}]*)\}/g, "$1");
    }
  }
  return env;
}

describe("infra/docker-compose.yml", () => {
  it("starts the app in production mode as written: every setting production requires is there", () => {
    const env = serviceEnvironment("app");
    expect(env.NODE_ENV).toBe("production");
    const config = loadConfig(env);
    expect(config.env).toBe("production");
    expect(config.mail.kind).toBe("smtp");
    expect(config.media.kind).toBe("livekit");
    expect(config.turn?.urls.length).toBeGreaterThan(0);
  });

  it("pins every image to a release, never a floating tag", () => {
    const images = [...compose.matchAll(/^\s+image: (\S+)$/gm)].map((m) => m[1] ?? "");
    expect(images.length).toBeGreaterThanOrEqual(5);
    for (const image of images.filter((i) => i !== "bridgeway-app")) {
      expect(image, image).toMatch(/:v?\d+\.\d+(\.\d+)?$/);
    }
  });

  it("shares one TURN secret between coturn and the app", () => {
    const secret = serviceEnvironment("app").TURN_SECRET;
    expect(secret).toBeTruthy();
    expect(compose).toContain(`--static-auth-secret=\${TURN_SECRET:-${secret}}`);
  });
});
