/**
 * The layering as a rule the suite checks (`npm run lint:deps`, run by `npm test` before vitest;
 * ARCHITECTURE.md explains the rooms). Paths are relative to the folder depcruise runs in, so
 * test/dependencyRules.test.ts runs this same file on a small tree of its own.
 *
 * Shipped: core/, service/, outlook-addin/, extension/, cli/, bin/. Development only: dev/ (the
 * stand-ins for Outlook and Pexip Infinity, the add-in's development server), scripts/ (npm start,
 * build, screenshots), test/, bench/ and the tools' config files.
 */

/** Folders whose code ships (to Outlook, to browsers, to the server). */
const SHIPPED = '^(core|service|outlook-addin|extension|cli|bin)/';
/** Folders and files that only serve development, tests and builds. */
const DEV_ONLY = '^(dev|scripts|test|bench)/|^[^/]+\\.config\\.[cm]?[jt]s$';
/** Packages that need a browser page (DOM, window) or a browser-extension or Office host. */
const DOM_ONLY_PACKAGES = 'node_modules/(preact|@preact|react|react-dom|dexie|wxt|@wxt-dev|@azure/msal-browser|@pexip/infinity|@microsoft/office-js|office-addin-mock)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other, directly or through others (dynamic imports included): give the shared piece a module of its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment: 'core/ is the shared library of decisions: it imports nothing of the repository outside core/.',
      from: { path: '^core/' },
      // Packages and Node's built-ins are judged by the two rules below.
      to: { pathNot: ['^core/', 'node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'decisions-no-node-builtins',
      severity: 'error',
      comment: "core/ runs in Node, browsers, the extension worker and Outlook alike, and the reference node's decisions are pure functions like it: no node:* modules.",
      from: { path: '^(core|dev/conference-node/decisions)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-dom-only-packages',
      severity: 'error',
      comment: 'core/ runs where there is no page: no package that needs the DOM, a browser extension or an Office host.',
      from: { path: '^core/' },
      to: { path: DOM_ONLY_PACKAGES },
    },
    {
      name: 'shipped-not-into-dev',
      severity: 'error',
      comment: 'What ships never imports the development stand-ins, scripts, tests or benchmarks.',
      from: { path: SHIPPED },
      to: { path: DEV_ONLY },
    },
    {
      name: 'apps-apart',
      severity: 'error',
      comment: 'The meeting service, the Outlook add-in and the extension each build on core/ only, never on each other (the CLI may use them all).',
      from: { path: '^(service|outlook-addin|extension)/' },
      to: { path: '^(service|outlook-addin|extension|cli)/', pathNot: '^$1/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (a moved or misspelt path).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a development folder is still a dependency on it.
    tsPreCompilationDeps: true,
    // Packages with an "exports" map (wxt/browser, @pexip/infinity, tsx/esm/api) resolve as bundlers do.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'browser', 'default', 'types'], mainFields: ['module', 'main', 'types'] },
    // Build output only: node_modules must stay in the graph (not followed) for the package rules to see it.
    exclude: { path: '(^|/)(\\.output|\\.wxt|dist)/' },
  },
};
