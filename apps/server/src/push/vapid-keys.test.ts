import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveVapidKeys } from "./vapid-keys";

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), "bw-vapid-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("VAPID keys", () => {
  it("generates keys on first start, keeps them to this user, and reuses them after a restart", () => {
    const path = join(folder(), "data", "vapid-keys.json");
    const first = resolveVapidKeys({ subject: "mailto:a@b.c", keys: { kind: "file", path } });
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(statSync(path).mode & 0o077).toBe(0);
    const again = resolveVapidKeys({ subject: "mailto:a@b.c", keys: { kind: "file", path } });
    expect(again).toEqual(first);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(first);
  });

  it("uses configured keys as given, and refuses a file that does not hold keys", () => {
    const given = { kind: "given" as const, publicKey: "pub", privateKey: "priv" };
    expect(resolveVapidKeys({ subject: "mailto:a@b.c", keys: given })).toEqual({
      publicKey: "pub",
      privateKey: "priv",
    });
    const path = join(folder(), "vapid-keys.json");
    writeFileSync(path, "{}");
    expect(() =>
      resolveVapidKeys({ subject: "mailto:a@b.c", keys: { kind: "file", path } }),
    ).toThrow(/does not hold VAPID keys/);
  });
});
