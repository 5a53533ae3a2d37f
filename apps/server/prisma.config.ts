import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

type Adapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;

/**
 * PGlite through pglite-prisma-adapter, with one fix for the CLI: the schema engine replays
 * migration files through `executeRaw`, which PGlite runs as a prepared statement (one command
 * only). Parameterless scripts go through PGlite's `exec`, which runs many.
 */
async function scriptCapable(pglite: PGlite): Promise<Adapter> {
  const adapter = await new PrismaPGlite(pglite).connect();
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === "executeRaw") {
        return async (query: Parameters<Adapter["executeRaw"]>[0]) => {
          if (query.args.length > 0) return target.executeRaw(query);
          await pglite.exec(query.sql);
          return 0;
        };
      }
      if (property === "executeScript") {
        return async (script: string) => {
          await pglite.exec(script);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

const factory = new PrismaPGlite(new PGlite());
factory.connect = () => scriptCapable(new PGlite());
factory.connectToShadowDb = () => scriptCapable(new PGlite());

// The Prisma CLI runs on its JS/WASM engines only: no native engine is downloaded. Migrations are
// created against a throw-away in-memory PGlite (existing migrations are replayed into a shadow
// PGlite first) and applied at start-up by the server's own runner, for PGlite and PostgreSQL.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: () => Promise.resolve(factory),
});
