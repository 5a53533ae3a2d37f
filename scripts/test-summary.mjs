// Sums every suite's machine-readable report into one line: `N passed, N failed`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./lib.mjs";

/** Every suite the test command runs, and where its report lands. */
export const SUITES = [
  { name: "domain (unit)", kind: "vitest", file: "packages/domain/test-results/vitest.json" },
  {
    name: "server (unit + integration)",
    kind: "vitest",
    file: "apps/server/test-results/vitest.json",
  },
  { name: "web (unit)", kind: "vitest", file: "apps/web/test-results/vitest.json" },
  { name: "browser (Playwright)", kind: "playwright", file: "e2e/test-results/playwright.json" },
];

function read(suite) {
  const path = join(ROOT, suite.file);
  if (!existsSync(path)) return { missing: true, passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(path, "utf8"));
  if (suite.kind === "vitest") {
    return {
      passed: report.numPassedTests,
      // A file that fails to load has no failed test but fails the run.
      failed:
        report.numFailedTests +
        (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0),
      skipped: report.numPendingTests + report.numTodoTests,
    };
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
  const errors = (report.errors ?? []).length;
  return {
    passed: expected + flaky,
    failed: unexpected + (errors > 0 && unexpected === 0 ? 1 : 0),
    skipped,
    flaky,
  };
}

export function summarise() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  console.log("\nTest summary");
  for (const suite of SUITES) {
    const r = read(suite);
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped;
    const notes = [
      r.missing ? "no report: the suite did not run" : "",
      r.skipped ? `${r.skipped} skipped` : "",
      r.flaky ? `${r.flaky} passed only on retry` : "",
    ].filter(Boolean);
    console.log(
      `  ${suite.name.padEnd(30)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed${notes.length ? `  (${notes.join("; ")})` : ""}`,
    );
  }
  // Skipped tests (LiveKit without Go, known failures marked fixme) stay visible in the total.
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  return { passed, failed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed } = summarise();
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}
