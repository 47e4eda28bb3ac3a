import js from "@eslint/js";
import importPlugin from "eslint-plugin-import";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** The domain folders under app/ (see each folder's README.md). */
const DOMAINS = [
  "catalog",
  "cart",
  "orders",
  "payments",
  "ledger",
  "reports",
  "accounts",
  "portal",
  "console",
  "live",
  "units",
];

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "scripts/bench/bare-remix/build/**",
      "app/generated/**",
      "node_modules/**",
      "test-results/**",
      ".data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // The layout's import directions (docs/architecture.md): routes → domains → utils, and UI
    // apart from server code. Paths are resolved (the ~/ alias included), so a relative import
    // cannot slip past.
    files: ["app/**/*.{ts,tsx}"],
    plugins: { import: importPlugin },
    settings: { "import/resolver": { typescript: { project: "./tsconfig.json" } } },
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: DOMAINS.map((d) => `./app/${d}`),
              from: ["./app/routes", "./app/components", "./app/root.tsx", "./app/boot.server.ts"],
              message: "A domain module never imports a route, a component or the composition root.",
            },
            {
              target: "./app/utils",
              from: [...DOMAINS.map((d) => `./app/${d}`), "./app/routes", "./app/components", "./app/boot.server.ts"],
              message: "utils/ is domain-free: it imports no domain module, route or component.",
            },
            {
              target: "./app/components",
              from: ["./app/**/*.server.ts", "./app/**/*.server.tsx", "./app/routes/**"],
              message:
                "Components never import server modules or routes; move the type to a plain module of its domain.",
            },
          ],
        },
      ],
    },
  },
);
