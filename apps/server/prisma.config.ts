import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

// The Prisma CLI runs on its JS/WASM engines only: no native engine is downloaded. Migrations are
// created against a throw-away in-memory PGlite (existing migrations are replayed into it first)
// and applied at start-up by the server's own runner, for PGlite and PostgreSQL alike.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: () => Promise.resolve(new PrismaPGlite(new PGlite())),
});
