// Type-aware lint for the whole workspace; each package runs `eslint .` and finds this file.
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import i18next from "eslint-plugin-i18next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * Web files whose every user-visible string comes from the i18n catalogues (apps/web/src/i18n).
 * To add an area once it is translated: list its files or folder here (globs work), run
 * `npx eslint <files>` in apps/web and move any literal text that remains into the area's
 * namespace. Staff-only pages stay English and stay off this list for now.
 */
const TRANSLATED_FILES = [
  "apps/web/src/i18n/**/*.tsx",
  // The shared frame, the public pages and the participant's home.
  "apps/web/src/shell/{app-shell,crisis-bar,site-footer,status-states,page-error-boundary,page-heading,public-layout}.tsx",
  "apps/web/src/pages/{sign-in-page,not-found-page}.tsx",
  "apps/web/src/sign-in/{auth-context,idle-warning-dialog,reauth-dialog}.tsx",
  "apps/web/src/forms/confirm-dialog.tsx",
  "apps/web/src/account/mfa-code-form.tsx",
  "apps/web/src/homes/{participant-home,crisis-card,clinician-name}.tsx",
  "apps/web/src/sessions/{session-card,join-control}.tsx",
  // W2: participants' clinical pages and the calendar.
  "apps/web/src/clinical/check-ins-page.tsx",
  "apps/web/src/clinical/check-in-page.tsx",
  "apps/web/src/clinical/check-in-result.tsx",
  "apps/web/src/clinical/questionnaire-form.tsx",
  "apps/web/src/clinical/help-now.tsx",
  "apps/web/src/clinical/my-safety-plan-page.tsx",
  "apps/web/src/clinical/safety-plan-view.tsx",
  "apps/web/src/shell/safety-plan-dialog.tsx",
  "apps/web/src/clinical/my-treatment-plan-page.tsx",
  "apps/web/src/clinical/my-aftercare-page.tsx",
  "apps/web/src/clinical/treatment-plan-view.tsx",
  "apps/web/src/calendar/**/*.tsx",
  // W3: chat, forums, families, the live room, reminders and notifications.
  "apps/web/src/chat/**/*.tsx",
  // The forums but their reports section, which only moderators (staff) see.
  "apps/web/src/forums/!(reports-section).tsx",
  "apps/web/src/families/*.tsx",
  // What participants and family see of reminders and notifications (the account page's cards).
  "apps/web/src/reminders/reminder-preferences-card.tsx",
  "apps/web/src/push/device-notifications-card.tsx",
  // The live room before one is let in, and where leaving or a refusal leaves one.
  "apps/web/src/room/prejoin-screen.tsx",
  "apps/web/src/room/waiting-screen.tsx",
  "apps/web/src/room/room-page.tsx",
  // The room once let in (the facilitator's panels, staff only, stay English).
  "apps/web/src/room/{in-room,room-ui,chat-panel,breakout-status}.tsx",
  // W4: the family member's home, the crisis support panel, the account page and public pages.
  "apps/web/src/homes/family-home.tsx",
  "apps/web/src/alerts/crisis-support-panel.tsx",
  "apps/web/src/account/{account-page,sign-ins-list,forgot-password-page,set-password-page,mfa-section,mfa-enrolment}.tsx",
];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.turbo/**",
      "**/test-results/**",
      "**/playwright-report/**",
      "**/src/generated/**",
      ".data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      // Express handlers may be async; Express 5 forwards their rejections to the error handler.
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { arguments: false } },
      ],
      // `return next(error)` is the Express idiom for "stop here".
      "@typescript-eslint/no-confusing-void-expression": "off",
      "no-console": "error",
    },
  },
  {
    // No import cycles: a module and what it imports must not need each other (type-only
    // imports included, so that types live where both sides can reach them).
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [
        createTypeScriptImportResolver({
          project: ["apps/*/tsconfig.json", "packages/*/tsconfig.json", "e2e/tsconfig.json"].map(
            (path) => `${import.meta.dirname}/${path}`,
          ),
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, "no-console": "off" },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Only repositories talk to the database (issue 15): services get plain objects (DTOs) from
    // them and stay testable without Prisma. The data layer, the seed and tests may use it too.
    files: ["apps/server/src/**/*.ts"],
    ignores: [
      "**/*-repository.ts",
      "apps/server/src/db/**",
      "apps/server/src/seed/**",
      "apps/server/src/testing/**",
      "**/*.test.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/generated/prisma",
                "**/generated/prisma/**",
                "@prisma/client",
                "@prisma/client/**",
              ],
              message:
                "Only *-repository.ts modules import Prisma: they are the one way to the data, and return plain objects (DTOs) that services use. Take a repository instead; for a transaction client, use `Transaction` from db/database.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Benchmarks and scripts talk to a person at a terminal.
    files: ["**/bench/**", "**/scripts/**", "e2e/**"],
    rules: { "no-console": "off" },
  },
  {
    // No literal text in JSX, and no literal accessible names or hints either: a string typed
    // here would show in English on a Spanish page.
    files: TRANSLATED_FILES,
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": ["error", { mode: "jsx-text-only" }],
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "JSXAttribute[name.name=/^(aria-label|aria-description|aria-placeholder|aria-roledescription|aria-valuetext|placeholder|title|alt|label|heading|description)$/] > Literal[value=/[A-Za-z]/]",
          message:
            'Visible or spoken text must come from the i18n catalogue: use t("key") (see apps/web/src/i18n/i18n.ts).',
        },
        {
          selector:
            "JSXAttribute[name.name=/^(aria-label|placeholder|title|alt|label|heading|description)$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2}/]",
          message:
            'Visible or spoken text must come from the i18n catalogue: use t("key") (see apps/web/src/i18n/i18n.ts).',
        },
      ],
    },
  },
);
