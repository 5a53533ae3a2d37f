// Reports what a first visit downloads (the entry chunk and its static imports, then one role
// home) in gzipped bytes, from Vite's build manifest, and fails the build when sign-in plus the
// largest home goes over the budget.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

// 200 KB until the app spoke Spanish; the i18n runtime (i18next, react-i18next) and the English
// catalogues it carries from the start cost about 28 KB. Spanish is its own chunk, fetched only
// by those who use it. Loading each area's English strings with the area is the next saving.
const BUDGET_BYTES = 220 * 1024;
const DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const HOME_SOURCE = /^src\/homes\/([a-z-]+)-home\.tsx$/;

/** @typedef {{ file: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[] }} Chunk */

/** @type {Record<string, Chunk>} */
const manifest = JSON.parse(readFileSync(join(DIST, ".vite", "manifest.json"), "utf8"));

const sizes = new Map();
/** Gzipped size of one built file, read once. */
function gzipped(file) {
  if (!sizes.has(file))
    sizes.set(file, gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length);
  return sizes.get(file);
}

/** Manifest keys of `key` and everything it imports statically, transitively. */
function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest has no chunk ${key}`);
  seen.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(imported, seen);
  return seen;
}

function jsBytes(keys) {
  let total = 0;
  for (const key of keys) total += gzipped(manifest[key].file);
  return total;
}

function cssFiles(keys) {
  const files = new Set();
  for (const key of keys) for (const css of manifest[key].css ?? []) files.add(css);
  return files;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);
const [entryKey] = entries[0];
const firstLoad = staticClosure(entryKey);
const firstLoadJs = jsBytes(firstLoad);
const firstLoadCss = [...cssFiles(firstLoad)].reduce((sum, file) => sum + gzipped(file), 0);

const homes = Object.entries(manifest)
  .filter(([, chunk]) => chunk.isDynamicEntry && HOME_SOURCE.test(chunk.src ?? ""))
  .map(([key, chunk]) => {
    // What the home adds on top of the first load: its own chunk and any shared chunk it needs.
    const extra = [...staticClosure(key)].filter((k) => !firstLoad.has(k));
    return {
      name: HOME_SOURCE.exec(chunk.src ?? "")?.[1] ?? key,
      files: extra.length,
      bytes: jsBytes(extra),
    };
  })
  .sort((a, b) => b.bytes - a.bytes);

if (homes.length === 0) throw new Error("no role home chunks found (src/homes/*-home.tsx)");

const rows = [
  ["first load (entry + static imports)", `${firstLoad.size} files`, kb(firstLoadJs)],
  ...homes.map((home) => [`home: ${home.name}`, `${home.files} files`, kb(home.bytes)]),
];
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length), 8));
const line = (row) =>
  `${row[0].padEnd(widths[0])}  ${row[1].padStart(widths[1])}  ${row[2].padStart(widths[2])}`;

const largest = homes[0];
const total = firstLoadJs + largest.bytes;

console.log("\nJavaScript, gzipped:");
console.log(line(["chunk", "files", "size"]));
for (const row of rows) console.log(line(row));
console.log(`\nCSS on first load, gzipped: ${kb(firstLoadCss)}`);
console.log(
  `First load, sign-in + largest home (${largest.name}): ${kb(total)} of ${kb(BUDGET_BYTES)} budget`,
);

if (total > BUDGET_BYTES) {
  console.error(`Over budget by ${kb(total - BUDGET_BYTES)}.`);
  process.exit(1);
}
