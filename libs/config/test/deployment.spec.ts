import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { VARIABLES, loadConfig } from '#config';

/**
 * infra/compose.production.yml cannot be run here (no Docker engine): this is as far as it is
 * checked. It parses, every service has a health check, every reference (depends_on, volumes,
 * gossip seeds, the proxy's upstreams, the replica's primary, the ledger's connection strings)
 * names something that exists, and each ledger process's environment passes the ledger's own
 * configuration check.
 */
const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}
const compose = parse(read('infra/compose.production.yml'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const services = compose.services;
const names = Object.keys(services);
const ledgerServices = names.filter((n) => n.startsWith('ledger-'));

/** Compose's ${VAR} and ${VAR:-default}, filled as an operator's .env would. */
const interpolate = (value: string) => value.replace(/\$\{(\w+)(?::-([^}]*))?\}/g, (_m, name: string, fallback?: string) => fallback ?? (/URL|ISSUER/.test(name) ? 'https://login.example.police.uk/jwks' : `secret-${name.toLowerCase()}`));

describe('infra/compose.production.yml (parsed, never run here)', () => {
  it('has the production topology: three EventStoreDB nodes, a PostgreSQL primary and replica, two API replicas, one projector, a proxy', () => {
    expect(names.sort()).toEqual(['esdb-1', 'esdb-2', 'esdb-3', 'ledger-api-1', 'ledger-api-2', 'ledger-projector', 'postgres-primary', 'postgres-replica', 'proxy'].sort());
  });

  it('gives every service a health check, and starts each only once what it depends on is healthy', () => {
    for (const name of names) {
      expect({ name, test: services[name]!.healthcheck?.test?.length ?? 0 }).toEqual({ name, test: expect.any(Number) });
      expect(services[name]!.healthcheck!.test.length).toBeGreaterThan(1);
      for (const [dependency, { condition }] of Object.entries(services[name]!.depends_on ?? {})) {
        expect({ name, dependency, known: names.includes(dependency), condition }).toEqual({ name, dependency, known: true, condition: 'service_healthy' });
      }
    }
  });

  it('declares every named volume it mounts, and mounts only files and folders that are in the repository (certificates: their folder, with how to make them)', () => {
    for (const name of names) {
      for (const volume of services[name]!.volumes ?? []) {
        const [source] = volume.split(':');
        if (source!.startsWith('./')) expect({ name, source, exists: existsSync(new URL(`infra/${source!.slice(2)}`, root)) }).toEqual({ name, source, exists: true });
        else expect(Object.keys(compose.volumes)).toContain(source);
      }
    }
  });

  it('forms one EventStoreDB cluster of three: each node seeds gossip from the other two, and the ledger names all three', () => {
    const nodes = names.filter((n) => n.startsWith('esdb-'));
    for (const node of nodes) {
      const env = services[node]!.environment!;
      expect(env.KURRENTDB_CLUSTER_SIZE).toBe('3');
      expect(env.KURRENTDB_GOSSIP_SEED!.split(',').map((s) => s.split(':')[0]).sort()).toEqual(nodes.filter((n) => n !== node).sort());
    }
    for (const name of ledgerServices) {
      const url = services[name]!.environment!.EVENTSTOREDB_URL!;
      const hosts = url.replace(/^[^@]+@/, '').split(/[?/]/)[0]!.split(',').map((h) => h.split(':')[0]);
      expect(hosts.sort()).toEqual(nodes.sort());
    }
  });

  it('runs the projections in exactly one process: both API replicas leave them to the projector', () => {
    const projecting = ledgerServices.filter((name) => services[name]!.environment!.RUN_PROJECTIONS !== 'false');
    expect(projecting).toEqual(['ledger-projector']);
    expect(services['ledger-projector']!.command).toEqual(['node', 'dist/apps/ledger-projector/src/main.js']);
  });

  it('gives every ledger process an environment the ledger itself accepts: the log in EventStoreDB, the read models in the PostgreSQL primary', () => {
    for (const name of ledgerServices) {
      const environment = services[name]!.environment!;
      for (const variable of Object.keys(environment)) expect(Object.keys(VARIABLES)).toContain(variable);
      const config = loadConfig(Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, interpolate(String(v))])));
      expect(config).toMatchObject({ eventStore: 'eventstoredb', demoData: false });
      expect(new URL(config.databaseUrl!).hostname).toBe('postgres-primary');
      expect(new URL(config.migrationDatabaseUrl!).username).toBe('ledger_owner');
      expect(new URL(config.databaseUrl!).username).toBe('ledger_app');
    }
  });

  it('streams the replica from the primary, and the proxy balances over both API replicas', () => {
    expect(read('infra/production/postgres-replica.sh')).toMatch(/pg_basebackup -h postgres-primary .* -R /);
    expect(services['postgres-primary']!.command).toEqual(expect.arrayContaining(['wal_level=replica']));
    const upstreams = [...read('infra/production/nginx.conf').matchAll(/^\s*server ([\w-]+):3000/gm)].map((m) => m[1]);
    expect(upstreams).toEqual(['ledger-api-1', 'ledger-api-2']);
  });

  it('builds the ledger’s image from the repository’s Dockerfile, which runs the API by default', () => {
    expect(services['ledger-api-1']!.build).toEqual({ context: '..', dockerfile: 'infra/Dockerfile' });
    expect(read('infra/Dockerfile')).toMatch(/CMD \["node", "dist\/apps\/ledger-api\/src\/main\.js"\]/);
  });
});
