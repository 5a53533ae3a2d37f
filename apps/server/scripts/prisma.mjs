// Runs the Prisma CLI offline. Prisma 6 looks for native engines unless these variables point at
// an existing file; with `engine: "js"` and `engineType = "client"` it never loads them.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const placeholder = join(tmpdir(), "bridgeway-no-native-prisma-engine");
writeFileSync(placeholder, "");

const result = spawnSync("prisma", process.argv.slice(2), {
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
process.exit(result.status ?? 1);
