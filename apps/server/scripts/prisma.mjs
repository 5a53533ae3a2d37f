// Runs the Prisma CLI offline. Prisma 6 looks for native engines unless these variables point at
// an existing file; with `engine: "js"` and `engineType = "client"` it never loads them.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const placeholder = join(tmpdir(), "bridgeway-no-native-prisma-engine");
writeFileSync(placeholder, "");

const bin = fileURLToPath(new URL("../node_modules/.bin/prisma", import.meta.url));
const result = spawnSync(bin, process.argv.slice(2), {
  stdio: "inherit",
  shell: process.platform === "win32",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
if (result.error) console.error(`Could not run the Prisma CLI: ${result.error.message}`);
process.exit(result.status ?? 1);
