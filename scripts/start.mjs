// `npm start`: installs dependencies, builds the server and the web app, and starts Bridgeway on
// its embedded defaults (PGlite, in-memory realtime, direct video) with the demo clinic.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { checkNode, pnpm, ROOT, step } from "./lib.mjs";

checkNode();

if ((await step("Installing dependencies", () => pnpm(["install", "--frozen-lockfile"]))) !== 0) {
  process.exit(1);
}
const built = await step("Building the server and the web app", () =>
  pnpm(["exec", "turbo", "run", "build", "--filter=@bridgeway/server", "--filter=@bridgeway/web"]),
);
if (built !== 0) process.exit(1);

const port = process.env.PORT || "3000";
const password = process.env.DEMO_PASSWORD || "bridgeway-demo";
console.log(`
Bridgeway is starting at http://localhost:${port}

Demo clinic sign-ins (password: ${password}):
  Clinic admin   admin@riverbend.example
  Facilitators   dana.whitfield@riverbend.example, marcus.reyes@riverbend.example
  Participants   jordan.lee@riverbend.example (and 7 more, see README)
  Family         pat.lee@riverbend.example, chris.patel@riverbend.example

Press Ctrl+C to stop. Data is kept in .data/pglite (delete it to start over).
`);

const server = spawn(process.execPath, [join(ROOT, "apps/server/dist/main.js")], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.once("exit", (code) => process.exit(code ?? 0));
