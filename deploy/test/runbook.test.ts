// docs/deploy.md: the runbook covers what operators do, and its commands name what stack.yml uses.
import { describe, expect, it } from 'vitest';
import { parseCompose } from '../src/compose.js';
import { listDockerfiles } from '../src/dockerfiles.js';
import { readRepoFile } from '../src/repo.js';

const runbook = readRepoFile('docs', 'deploy.md');
const stack = parseCompose(readRepoFile('stack.yml'));

describe('docs/deploy.md', () => {
  it.each([
    'Create the swarm',
    'Label the nodes',
    'Create the secrets',
    'Deploy',
    'Scale',
    'Roll out',
    'Roll back',
    'Back up and restore MySQL',
    'TLS in front',
    'Logs by node id',
  ])('has a section "%s"', (title) => {
    expect(runbook).toMatch(new RegExp(`^## \\d+\\. ${title}`, 'm'));
  });

  it('creates every secret stack.yml expects, by its external name', () => {
    const created = new Set(
      [...runbook.matchAll(/docker secret create (\w+)/g)].map((match) => match[1]),
    );
    for (const [key, secret] of Object.entries(stack.secrets ?? {}))
      expect(created, key).toContain(secret.name);
  });

  it('adds the node labels the placement constraints ask for', () => {
    const constraints = Object.values(stack.services).flatMap(
      (service) => service.deploy?.placement?.constraints ?? [],
    );
    expect(constraints.length).toBeGreaterThan(0);
    for (const constraint of constraints) {
      const [, label, value] = /^node\.labels\.([\w.]+) == (\w+)$/.exec(constraint) ?? [];
      expect(runbook, constraint).toContain(`--label-add ${label}=${value}`);
    }
  });

  it('builds every image of docker/ and deploys the stack the way deploy.yml does', () => {
    expect(runbook).toContain(`for image in ${listDockerfiles().join(' ')}; do`);
    expect(runbook).toContain('docker build -f docker/$image.Dockerfile');
    expect(runbook).toContain('docker stack deploy --with-registry-auth -c stack.yml absensi');
    expect(runbook).toContain('deploy/scripts/wait-for-rollout.sh absensi 900');
    expect(readRepoFile('.github', 'workflows', 'deploy.yml')).toContain(
      'sha256sum nginx.conf | cut -c1-12',
    );
    expect(runbook).toContain('NGINX_CONF_VERSION=$(sha256sum nginx.conf | cut -c1-12)');
  });
});

describe('docs/backup.md', () => {
  const backup = readRepoFile('docs', 'backup.md');
  const script = (name: string) => readRepoFile('deploy', 'scripts', name);

  it('uses the scripts the Swarm test runs, and they exist', () => {
    for (const name of ['mysql-backup.sh', 'mysql-restore.sh', 'mysql-counts.sh']) {
      expect(backup).toContain(`deploy/scripts/${name}`);
      expect(script(name)).toMatch(/^#!\/usr\/bin\/env bash\n/);
    }
  });

  it('dumps in one transaction and keeps only a completed dump', () => {
    expect(script('mysql-backup.sh')).toContain('mysqldump -uroot \\\n  --single-transaction');
    expect(script('mysql-backup.sh')).toContain("grep -q '^-- Dump completed'");
  });

  it('restores into the same scratch service as the Swarm test, with the secrets stack.yml names', () => {
    const test = readRepoFile('deploy', 'test', 'swarm', 'swarm.test.ts');
    expect(backup).toContain('docker service create --detach --name absensi_restore_check');
    expect(test).toContain("'absensi_restore_check'");
    for (const [key, secret] of Object.entries(stack.secrets ?? {}))
      if (key.startsWith('db_'))
        expect(backup).toContain(`--secret source=${secret.name},target=${key}`);
  });

  it('says how Redis keeps its data, as stack.yml runs it', () => {
    const command = (stack.services.redis?.command as string[]).join(' ');
    expect(command).toContain('--appendonly yes --appendfsync everysec');
    expect(backup).toContain('--appendonly yes --appendfsync everysec');
  });
});
