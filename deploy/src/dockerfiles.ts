import { readdirSync, readFileSync } from 'node:fs';
import { Copy, DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { repoPath } from './repo.js';

export interface Dockerfile {
  /** The image it builds: docker/NAME.Dockerfile builds ${ABSENSI_IMAGE_PREFIX}/NAME. */
  name: string;
  path: string;
  text: string;
  /** Errors from dockerfile-utils' validator (unknown instructions, bad flags, missing arguments…). */
  problems: string[];
  stages: { name: string | undefined; image: string; instructions: Instruction[] }[];
}

/** The production Dockerfiles: docker/*.Dockerfile. */
export function listDockerfiles(): string[] {
  return readdirSync(repoPath('docker'))
    .filter((file) => file.endsWith('.Dockerfile'))
    .map((file) => file.slice(0, -'.Dockerfile'.length))
    .sort();
}

export function parseDockerfile(text: string, name = 'inline', path = name): Dockerfile {
  const problems = validate(text)
    .filter((diagnostic) => diagnostic.severity === 1)
    .map(
      (diagnostic) =>
        `line ${diagnostic.range.start.line + 1}: ${typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value}`,
    );
  const stages: Dockerfile['stages'] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const args = instruction.getArguments().map((argument) => argument.getValue());
      stages.push({
        image: args[0] ?? '',
        name: args[1]?.toUpperCase() === 'AS' ? args[2] : undefined,
        instructions: [],
      });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { name, path, text, problems, stages };
}

export function readDockerfile(name: string): Dockerfile {
  const path = repoPath('docker', `${name}.Dockerfile`);
  return parseDockerfile(readFileSync(path, 'utf8'), name, path);
}

/** The instructions of one keyword in a stage, as their argument lists. */
export function instructionsOf(stage: Dockerfile['stages'][number], keyword: string): string[][] {
  return stage.instructions
    .filter((instruction) => instruction.getKeyword() === keyword)
    .map((instruction) => instruction.getArguments().map((argument) => argument.getValue()));
}

/** The `--from=` flag and sources of every COPY in a stage. */
export function copiesOf(
  stage: Dockerfile['stages'][number],
): { from: string | undefined; sources: string[] }[] {
  return stage.instructions
    .filter((instruction): instruction is Copy => instruction instanceof Copy)
    .map((copy) => ({
      from: copy.getFromFlag()?.getValue() ?? undefined,
      sources: copy
        .getArguments()
        .map((argument) => argument.getValue())
        .slice(0, -1),
    }));
}

/** The package `turbo prune` is asked for in a Dockerfile, if any. */
export function prunedPackage(dockerfile: Dockerfile): string | undefined {
  return /turbo prune (\S+) --docker/.exec(dockerfile.text)?.[1];
}
