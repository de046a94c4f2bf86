import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;

/** Runs a command from the repository root; its exit code and everything it printed. */
async function check(command: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the shape of the codebase', () => {
  it('has no import cycle among the TypeScript sources of any package or app', async () => {
    const result = await check(bin('dpdm'), [
      '--no-warning',
      '--no-tree',
      '--transform',
      '--exit-code',
      'circular:1',
      'packages/*/src/index.ts',
      'packages/*/src/testing/index.ts',
      'apps/*/src/main.ts',
      'apps/web/src/main.tsx',
      'tooling/cluster/src/main.ts',
      'bench/src/main.ts',
      'deploy/src/*.ts',
    ]);
    expect(result.output).toMatch(/no circular dependency/);
    expect(result.code, result.output).toBe(0);
  });

  it('repeats no block of 10 lines or more outside the tests', async () => {
    const result = await check(bin('jscpd'), [
      '--min-lines',
      '10',
      '--format',
      'typescript,tsx',
      '--ignore',
      '**/node_modules/**,**/dist/**,**/dev-dist/**,**/.turbo/**,**/*.test.ts,**/test/**',
      '--reporters',
      'console',
      '--exitCode',
      '1',
      'packages',
      'apps',
      'tooling',
      'bench',
      'deploy',
    ]);
    expect(result.output).toMatch(/Found 0 clones/);
    expect(result.code, result.output).toBe(0);
  });
});
