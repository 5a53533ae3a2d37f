// Creates the next migration from the change to prisma/schema.prisma:
//   pnpm --filter @bridgeway/server migrate:new <name>
// It diffs the existing migrations (replayed into a throw-away PGlite) against the schema and
// writes prisma/migrations/<UTC timestamp>_<name>/migration.sql. `prisma migrate dev` cannot be
// used: through a driver adapter its data-loss check wants a shadow database it cannot get.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: migrate:new <name>   (lower-case letters, digits and _)");
  process.exit(2);
}
const root = fileURLToPath(new URL("..", import.meta.url));
const result = spawnSync(
  process.execPath,
  [
    "scripts/prisma.mjs",
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { cwd: root, encoding: "utf8" },
);
if (result.status !== 0) {
  process.stderr.write(result.stderr);
  process.exit(result.status ?? 1);
}
const sql = result.stdout
  .split("\n")
  .filter((line) => !/^(Loaded Prisma config|Prisma config detected)/.test(line))
  .join("\n")
  .trim();
if (sql === "" || sql === "-- This is an empty migration.") {
  console.log("The schema matches the migrations: nothing to add.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = `${root}prisma/migrations/${stamp}_${name}`;
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}/migration.sql`, `${sql}\n`);
console.log(`Created prisma/migrations/${stamp}_${name}/migration.sql; review it, then commit it.`);
