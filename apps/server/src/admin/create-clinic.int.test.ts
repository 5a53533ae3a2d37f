import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { MfaConfirmedSchema, MfaEnrolmentSchema, MfaPendingStateSchema } from "@bridgeway/domain";
import { afterAll, describe, expect, it } from "vitest";
import { totpCode } from "../auth/totp";
import { PACKAGE_ROOT } from "../config";
import { TestClient } from "../testing/http-client";
import { startTestServer } from "../testing/test-server";

const run = promisify(execFile);
const TSX = join(PACKAGE_ROOT, "node_modules", ".bin", "tsx");
const CLI = join(PACKAGE_ROOT, "src", "create-clinic.ts");
const PASSWORD = "first-admin-password-1";

describe("creating the first clinic and admin from the command line", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "bw-create-clinic-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const cli = (args: string[], password = PASSWORD) =>
    run(TSX, [CLI, ...args], {
      cwd: PACKAGE_ROOT,
      env: {
        ...process.env,
        NODE_ENV: "test",
        DATABASE_URL: "",
        PGLITE_DATA_DIR: dataDir,
        BRIDGEWAY_ADMIN_PASSWORD: password,
      },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: unknown) => e as { code: number; stdout: string; stderr: string },
    );
  const args = [
    "--clinic",
    "Lakeview Recovery",
    "--time-zone",
    "America/Denver",
    "--email",
    "owner@lakeview.example",
    "--first",
    "Robin",
    "--last",
    "Hale",
  ];

  it("creates a clinic whose admin signs in, in a database with no demo clinic", async () => {
    const created = await cli(args);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(
      /Created Lakeview Recovery .*owner@lakeview\.example can sign in/,
    );
    expect(created.stdout).not.toContain(PASSWORD);

    const server = await startTestServer({
      database: { kind: "pglite", dataDir },
      env: { DEMO_SEED: "false" },
    });
    try {
      const client = new TestClient(server.url);
      const signIn = await client.post("/api/auth/login", {
        email: "owner@lakeview.example",
        password: PASSWORD,
      });
      expect(signIn.status).toBe(200);
      // A real clinic requires MFA of its admin: the password leads to enrolment first.
      const pending = MfaPendingStateSchema.parse(signIn.body);
      expect(pending.mfaPending).toBe("enrolment");
      client.csrfToken = pending.csrfToken;
      const { secret } = MfaEnrolmentSchema.parse(
        (await client.post("/api/auth/mfa/enrolment")).body,
      );
      const confirmed = await client.post("/api/auth/mfa/enrolment/confirm", {
        code: totpCode(secret, Date.now()),
      });
      expect(MfaConfirmedSchema.parse(confirmed.body).auth.user).toMatchObject({
        role: "ADMIN",
        firstName: "Robin",
        timeZone: "America/Denver",
      });
      expect(await server.db.prisma.organization.count()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("refuses an email that already has an account, and names each bad flag", async () => {
    const again = await cli(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("owner@lakeview.example already has an account.");
    const bad = await cli(
      [
        "--clinic",
        "",
        "--time-zone",
        "Mars/Olympus",
        "--email",
        "nope",
        "--first",
        "A",
        "--last",
        "B",
      ],
      "short",
    );
    expect(bad.code).toBe(2);
    for (const flag of ["--clinic", "--time-zone", "--email", "the password"]) {
      expect(bad.stderr).toContain(`${flag}:`);
    }
  });
});
