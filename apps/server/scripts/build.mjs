// Bundles the server into dist/main.js (and the create-clinic and verify-audit commands into dist/). Workspace packages (TypeScript source) and the generated
// Prisma client are compiled in; everything from npm stays external and loads from node_modules.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith("@bridgeway/"));

await build({
  entryPoints: {
    main: "src/main.ts",
    "create-clinic": "src/create-clinic.ts",
    "verify-audit": "src/verify-audit.ts",
  },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  sourcemap: true,
  external,
  logLevel: "warning",
});
console.log("server bundled: dist/main.js, dist/create-clinic.js, dist/verify-audit.js");
