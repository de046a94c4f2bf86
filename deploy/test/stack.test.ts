// stack.yml: valid against the Compose specification's schema, and what the schema cannot say.
import { existsSync } from 'node:fs';
import { CONFIG_NAMES, SECRET_NAMES, parseConfig } from '@absensi/config';
import { describe, expect, it } from 'vitest';
import { composeSchemaErrors } from '../src/compose-schema.js';
import {
  environmentOf,
  parseCompose,
  secretMounts,
  variablesOf,
  type ComposeService,
} from '../src/compose.js';
import { instructionsOf, listDockerfiles, readDockerfile } from '../src/dockerfiles.js';
import { readRepoFile, repoPath } from '../src/repo.js';
import { testStackFile } from '../src/swarm.js';

const text = readRepoFile('stack.yml');
const stack = parseCompose(text);
const services = Object.entries(stack.services);
const service = (name: string): ComposeService => {
  const found = stack.services[name];
  if (found === undefined) throw new Error(`stack.yml has no service ${name}`);
  return found;
};

/** Our images: ${ABSENSI_IMAGE_PREFIX:-absensi}/NAME:${TAG:-latest}, each built by docker/NAME.Dockerfile. */
const ownImage = /^absensi\/([a-z0-9-]+):latest$/;
const ownServices = services.filter(([, definition]) => ownImage.test(definition.image ?? ''));
const secretNames: readonly string[] = SECRET_NAMES;
const configNames: readonly string[] = CONFIG_NAMES;

describe('stack.yml against the Compose specification schema', () => {
  it('is valid with its production defaults', () => {
    expect(composeSchemaErrors(stack)).toEqual([]);
  });

  it('is valid with every variable set, as deploy.yml and the Swarm test set them', () => {
    const variables = Object.fromEntries(
      [...variablesOf(text).keys()].map((name) => [name, `x${name.length}`]),
    );
    expect(
      composeSchemaErrors(
        parseCompose(text, { ...variables, TAG: 'v1.2.3', COOKIE_SECURE: 'true' }),
      ),
    ).toEqual([]);
  });

  it('catches what the schema is there for (so the checks above can fail)', () => {
    const broken = structuredClone(stack);
    (broken.services.api!.deploy as Record<string, unknown>).replica = 4;
    broken.services.nginx!.deploy!.update_config!.order = 'sideways' as 'start-first';
    (broken.services.redis as Record<string, unknown>).healthcheck = {
      test: ['CMD', 'true'],
      interval: 'often',
    };
    const errors = composeSchemaErrors(broken).join('\n');
    expect(errors).toMatch(/\/services\/api\/deploy .*additionalProperty.*replica/);
    expect(errors).toMatch(/\/services\/nginx\/deploy\/update_config\/order/);
    expect(errors).toMatch(/\/services\/redis\/healthcheck\/interval must match format "duration"/);
  });
});

describe('the topology', () => {
  it('runs the fourteen tasks of the architecture', () => {
    const replicas = Object.fromEntries(
      services.map(([name, definition]) => [name, definition.deploy?.replicas ?? 1]),
    );
    expect(replicas).toEqual({
      nginx: 1,
      api: 4,
      subscriber: 4,
      realtime: 1,
      worker: 1,
      migration: 1,
      mysql: 1,
      redis: 1,
    });
    expect(Object.values(replicas).reduce((sum, count) => sum + count, 0)).toBe(14);
    for (const [, definition] of services)
      expect(definition.deploy?.mode ?? 'replicated').toBe('replicated');
  });

  it('puts every service on the overlay network absensi-overlay, and only there', () => {
    expect(stack.networks?.['absensi-overlay']).toMatchObject({ driver: 'overlay' });
    expect(Object.keys(stack.networks ?? {})).toEqual(['absensi-overlay']);
    for (const [name, definition] of services) {
      const networks = Array.isArray(definition.networks)
        ? definition.networks
        : Object.keys(definition.networks ?? {});
      expect(networks, name).toEqual(['absensi-overlay']);
    }
  });

  it('gives every API and subscriber task its own APP_NODE_ID from the task slot, so scaling needs no edit', () => {
    expect(environmentOf(service('api')).get('APP_NODE_ID')).toBe('api-{{.Task.Slot}}');
    expect(environmentOf(service('subscriber')).get('APP_NODE_ID')).toBe(
      'subscriber-{{.Task.Slot}}',
    );
    const nodes = ownServices.filter(([name]) => name !== 'nginx');
    expect(nodes.length).toBe(5);
    const ids = nodes.map(([, definition]) => environmentOf(definition).get('APP_NODE_ID') ?? '');
    expect(new Set(ids).size, 'one APP_NODE_ID pattern per service').toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+-\{\{\.Task\.Slot\}\}$/);
  });

  it('publishes nginx on 8000, realtime on 8081 and MySQL on 3307, and nothing else', () => {
    const published = services.flatMap(([name, definition]) =>
      (definition.ports ?? []).map((port) => {
        if (typeof port !== 'object') throw new Error(`${name}: use the long port syntax`);
        return `${name} ${port.published}->${port.target}`;
      }),
    );
    expect(published.sort()).toEqual([
      'mysql 3307->3306',
      'nginx 8000->8000',
      'realtime 8081->8081',
    ]);
  });
});

describe('rollouts, restarts and resources', () => {
  it('updates one task at a time, 10 s apart, and rolls back by itself on failure', () => {
    for (const [name, definition] of services) {
      expect(definition.deploy?.update_config, name).toMatchObject({
        parallelism: 1,
        delay: '10s',
        failure_action: 'rollback',
      });
      expect(definition.deploy?.rollback_config?.parallelism, name).toBe(1);
    }
  });

  it('starts the new task first where two can run side by side', () => {
    const order = Object.fromEntries(
      services.map(([name, definition]) => [name, definition.deploy?.update_config?.order]),
    );
    expect(order).toEqual({
      nginx: 'start-first',
      api: 'start-first',
      subscriber: 'start-first',
      worker: 'start-first',
      // one holder of the sockets and the de-duplication window; volumes with one writer; a job
      realtime: 'stop-first',
      mysql: 'stop-first',
      redis: 'stop-first',
      migration: 'stop-first',
    });
  });

  it('restarts long-running services whatever stopped them, and the migration job on failure only', () => {
    for (const [name, definition] of services) {
      expect(definition.deploy?.restart_policy?.condition, name).toBe(
        name === 'migration' ? 'on-failure' : 'any',
      );
    }
    expect(service('migration').deploy?.restart_policy?.max_attempts).toBeGreaterThan(0);
    expect(service('migration').command).toEqual(['node', 'packages/db/dist/cli/migrate.js']);
    expect(
      existsSync(repoPath('packages/db/src/cli/migrate.ts')),
      'the migration entry the job runs',
    ).toBe(true);
  });

  it('limits and reserves CPU and memory for every service, reservations within limits', () => {
    const bytes = (size: string) => {
      const match = /^(\d+(?:\.\d+)?)([KMG])$/.exec(size);
      if (!match) throw new Error(`memory ${size}: use a number with K, M or G`);
      return Number(match[1]) * 1024 ** ('KMG'.indexOf(match[2]!) + 1);
    };
    for (const [name, definition] of services) {
      const { limits, reservations } = definition.deploy?.resources ?? {};
      for (const part of [limits, reservations]) {
        expect(Number(part?.cpus), `${name} cpus`).toBeGreaterThan(0);
        expect(bytes(part?.memory ?? ''), `${name} memory`).toBeGreaterThan(0);
      }
      expect(Number(reservations!.cpus), name).toBeLessThanOrEqual(Number(limits!.cpus));
      expect(bytes(reservations!.memory!), name).toBeLessThanOrEqual(bytes(limits!.memory!));
    }
  });

  it('checks the health of every long-running service, in stack.yml or in its image', () => {
    for (const [name, definition] of services) {
      if (name === 'migration') {
        expect(definition.healthcheck?.disable, 'a job has no health to check').toBe(true);
        continue;
      }
      const image = ownImage.exec(definition.image ?? '')?.[1];
      const inImage = image !== undefined && readDockerfile(image).text.includes('\nHEALTHCHECK ');
      expect(definition.healthcheck?.test !== undefined || inImage, name).toBe(true);
    }
  });
});

describe('configuration and secrets', () => {
  it('sets only variables that packages/config knows, secrets only as NAME_FILE', () => {
    const known = new Set([...configNames, ...secretNames.map((name) => `${name}_FILE`)]);
    for (const [name, definition] of ownServices) {
      const unknown = [...environmentOf(definition).keys()].filter(
        (variable) => !known.has(variable),
      );
      expect(unknown, `${name}: not in packages/config's CONFIG_NAMES`).toEqual([]);
      for (const secret of [
        'DATABASE_PASSWORD',
        'SESSION_SECRET',
        'REALTIME_SECRET',
        'ADMIN_PASSWORD',
      ]) {
        expect(
          environmentOf(definition).has(secret),
          `${name} must read ${secret} from ${secret}_FILE`,
        ).toBe(false);
      }
    }
  });

  it('gives every app a configuration that packages/config accepts', () => {
    for (const [name, definition] of ownServices) {
      const environment = Object.fromEntries(
        [...environmentOf(definition)].map(([variable, value]) => [
          variable,
          value.replace('{{.Task.Slot}}', '1'),
        ]),
      );
      const mounted = new Set(secretMounts(definition).values());
      const readSecret = (path: string) => {
        if (!mounted.has(path)) throw new Error(`${path} is not a mounted secret`);
        return 's'.repeat(40);
      };
      expect(() => parseConfig(environment, readSecret), name).not.toThrow();
    }
  });

  it('declares every secret it mounts, mounts every secret it declares, and has each one read', () => {
    const declared = Object.keys(stack.secrets ?? {});
    const used = new Set<string>();
    for (const [name, definition] of services) {
      const environment = environmentOf(definition);
      const fileVariables = [...environment].filter(([variable]) => variable.endsWith('_FILE'));
      for (const [source, path] of secretMounts(definition)) {
        used.add(source);
        expect(declared, `${name} mounts ${source}`).toContain(source);
        const readers = fileVariables
          .filter(([, value]) => value === path)
          .map(([variable]) => variable);
        expect(
          readers.length,
          `${name}: no *_FILE variable reads the secret ${source}`,
        ).toBeGreaterThan(0);
      }
      const paths = new Set(secretMounts(definition).values());
      for (const [variable, value] of fileVariables)
        expect(paths.has(value), `${name} ${variable}=${value}`).toBe(true);
    }
    expect([...used].sort()).toEqual([...declared].sort());
    for (const secret of Object.values(stack.secrets ?? {}))
      expect(secret).toMatchObject({ external: true });
  });

  it('mounts the root nginx.conf into nginx as a Docker config', () => {
    expect(stack.configs?.nginx_conf?.file).toBe('./nginx.conf');
    expect(service('nginx').configs).toEqual([
      { source: 'nginx_conf', target: '/etc/absensi/nginx.conf' },
    ]);
    expect(readDockerfile('nginx').text).toContain('COPY nginx.conf /etc/absensi/nginx.conf');
    expect(readRepoFile('docker', 'nginx-upstreams.sh')).toContain(
      'conf=${ABSENSI_NGINX_CONF:-/etc/absensi/nginx.conf}',
    );
    expect(
      existsSync(repoPath('nginx.conf')),
      'nginx.conf is missing at the repository root: stack.yml mounts it as the nginx_conf config and docker/nginx.Dockerfile copies it (issue 3 writes it)',
    ).toBe(true);
  });
});

describe('images and volumes', () => {
  it('takes every image from a variable with a production default', () => {
    const images = [...text.matchAll(/^\s+image:\s*(.+)$/gm)].map((match) => match[1]);
    expect(images.length).toBe(services.length);
    for (const image of images) expect(image).toMatch(/\$\{[A-Z_]+:-[^}]+\}/);
    expect(service('mysql').image).toBe('mysql:8.0');
    expect(service('redis').image).toBe('redis:7');
  });

  it('builds each of its own images with a Dockerfile in docker/, and has no Dockerfile it does not use', () => {
    const built = new Set(
      ownServices.map(([, definition]) => ownImage.exec(definition.image!)![1]!),
    );
    expect([...built].sort()).toEqual(listDockerfiles());
    expect(
      services
        .filter(([name]) => !ownServices.some(([own]) => own === name))
        .map(([name]) => name)
        .sort(),
    ).toEqual(['mysql', 'redis']);
  });

  it('runs the migration from the api image, which holds @absensi/db', () => {
    expect(service('migration').image).toBe(service('api').image);
    const dockerfile = readDockerfile('api');
    expect(dockerfile.text).toContain('turbo prune @absensi/api-node --docker');
    const db = JSON.parse(readRepoFile('apps/api/package.json')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(db.dependencies)).toContain('@absensi/db');
  });

  it('keeps MySQL and Redis data in named volumes, Redis with AOF, both on the node labelled for data', () => {
    expect(service('mysql').volumes).toEqual(['mysql_data:/var/lib/mysql']);
    expect(service('redis').volumes).toEqual(['redis_data:/data']);
    expect(Object.keys(stack.volumes ?? {}).sort()).toEqual(['mysql_data', 'redis_data']);
    expect((service('redis').command as string[]).join(' ')).toContain('--appendonly yes');
    expect(service('mysql').deploy?.placement?.constraints).toEqual([
      'node.labels.absensi.data == true',
    ]);
    expect(service('redis').deploy?.placement?.constraints).toEqual([
      'node.labels.absensi.data == true',
    ]);
  });

  it('places every service by a node label, the API at most two tasks a host', () => {
    const placed = Object.fromEntries(
      services.map(([name, definition]) => [name, definition.deploy?.placement?.constraints]),
    );
    expect(placed).toEqual({
      nginx: ['node.labels.absensi.edge == true'],
      api: ['node.labels.absensi.app == true'],
      subscriber: ['node.labels.absensi.app == true'],
      realtime: ['node.labels.absensi.realtime == true'],
      worker: ['node.labels.absensi.app == true'],
      migration: ['node.labels.absensi.app == true'],
      mysql: ['node.labels.absensi.data == true'],
      redis: ['node.labels.absensi.data == true'],
    });
    expect(service('api').deploy?.placement?.max_replicas_per_node).toBe(2);
  });

  it('encrypts the overlay between hosts; the test deploys it unencrypted and otherwise unchanged', () => {
    expect(stack.networks?.['absensi-overlay']).toMatchObject({
      driver: 'overlay',
      driver_opts: { encrypted: 'true' },
    });
    const production = readRepoFile('stack.yml');
    const test = parseCompose(testStackFile(production));
    expect(test.networks?.['absensi-overlay']?.driver_opts).toBeUndefined();
    expect(test.services).toEqual(stack.services);
    expect(test.configs?.nginx_conf?.file).toBe(repoPath('nginx.conf'));
  });

  it('names in each image the port the stack sets as PORT', () => {
    for (const [name, definition] of ownServices) {
      const port = environmentOf(definition).get('PORT');
      if (port === undefined || name === 'migration') continue;
      const image = ownImage.exec(definition.image!)![1]!;
      const runtime = readDockerfile(image).stages.at(-1)!;
      expect(instructionsOf(runtime, 'EXPOSE').flat(), name).toContain(port);
    }
  });
});

describe('the Swarm test override (deploy/swarm/stack.test.yml)', () => {
  const override = parseCompose(readRepoFile('deploy', 'swarm', 'stack.test.yml'));

  it('changes only what this machine needs: DNS round robin, host-mode ports, nginx stopping first', () => {
    expect(Object.keys(override.services).sort()).toEqual(Object.keys(stack.services).sort());
    for (const [name, definition] of Object.entries(override.services)) {
      expect(Object.keys(definition).sort(), name).toEqual(
        definition.ports ? ['deploy', 'ports'] : ['deploy'],
      );
      expect(definition.deploy?.endpoint_mode, name).toBe('dnsrr');
      const production = (service(name).ports ?? []).map(
        (port) => typeof port === 'object' && `${port.published}->${port.target}`,
      );
      const test = (definition.ports ?? []).map(
        (port) => typeof port === 'object' && `${port.published}->${port.target}`,
      );
      expect(test, name).toEqual(production);
      for (const port of definition.ports ?? []) expect(port).toMatchObject({ mode: 'host' });
      const extra = Object.keys(definition.deploy ?? {}).filter((key) => key !== 'endpoint_mode');
      expect(extra, name).toEqual(name === 'nginx' ? ['update_config', 'rollback_config'] : []);
    }
  });
});
