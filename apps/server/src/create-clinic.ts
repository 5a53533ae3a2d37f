import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createClinicRepository } from "./admin/clinic-repository";
import { CreateClinicError, CreateClinicInputSchema, createClinic } from "./admin/create-clinic";
import { ConfigError, loadConfig } from "./config";
import { openDatabase } from "./db/database";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./db/migrate";
import { fieldsFromZodError } from "./http/validate";

const USAGE = `Creates a clinic and its first admin in the configured database.

  node dist/create-clinic.js --clinic "Riverbend Behavioral Health" --time-zone America/New_York \\
    --email admin@example.org --first Alex --last Morgan

The password is read from BRIDGEWAY_ADMIN_PASSWORD, or from the first line of standard input,
so it never appears in the process list or shell history.`;

async function readPassword(): Promise<string> {
  const fromEnv = process.env.BRIDGEWAY_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write("Admin password: ");
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      clinic: { type: "string" },
      "time-zone": { type: "string" },
      email: { type: "string" },
      first: { type: "string" },
      last: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const parsed = CreateClinicInputSchema.safeParse({
    clinicName: values.clinic,
    timeZone: values["time-zone"],
    adminEmail: values.email,
    adminFirstName: values.first,
    adminLastName: values.last,
    password: await readPassword(),
  });
  if (!parsed.success) {
    const flags: Record<string, string> = {
      clinicName: "--clinic",
      timeZone: "--time-zone",
      adminEmail: "--email",
      adminFirstName: "--first",
      adminLastName: "--last",
      password: "the password",
    };
    for (const [field, problem] of Object.entries(fieldsFromZodError(parsed.error))) {
      process.stderr.write(`${flags[field] ?? field}: ${problem}\n`);
    }
    process.stderr.write(`\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig({ ...process.env, DEMO_SEED: "false" });
  const db = await openDatabase(config.database);
  try {
    await applyMigrations(db.sql, readMigrations(MIGRATIONS_DIR));
    const created = await createClinic(createClinicRepository(db.prisma), parsed.data);
    process.stdout.write(
      `Created ${parsed.data.clinicName} (${created.organizationId}); ${parsed.data.adminEmail} can sign in.\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof CreateClinicError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(
      `Creating the clinic failed: ${error instanceof Error ? error.name : "error"}\n`,
    );
    process.exit(1);
  },
);
