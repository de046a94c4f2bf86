import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Restarted when it exits on its own, as Swarm's restart policy would (false: a one-shot job). */
  restart: boolean;
}

interface Managed {
  spec: ProcessSpec;
  child: ChildProcess | null;
  /** Set while we stop it on purpose, so that its exit is not restarted. */
  held: boolean;
  restarts: number;
  exited: Promise<number | null>;
  /** The last lines it printed, so a failure can say what the process said. */
  recent: string[];
}

const RECENT_LINES = 30;

export type LineSink = (name: string, line: string) => void;

/** A line sink that writes `[name] line` to a stream (the terminal, or a log file). */
export function prefixedSink(stream: NodeJS.WritableStream | WriteStream): LineSink {
  return (name, line) => stream.write(`[${name}] ${line}\n`);
}

export function fileSink(path: string): { sink: LineSink; close: () => void } {
  const stream = createWriteStream(path, { flags: 'a' });
  return { sink: prefixedSink(stream), close: () => stream.end() };
}

const RESTART_DELAY_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * Starts processes, restarts the ones that die (after a short, growing delay), and stops them all on
 * request. Only processes it started are ever signalled, by their own PID.
 */
export class Supervisor {
  private readonly managed = new Map<string, Managed>();
  private stopping = false;

  constructor(private readonly sink: LineSink) {}

  start(spec: ProcessSpec): void {
    const entry: Managed = {
      spec,
      child: null,
      held: false,
      restarts: 0,
      exited: Promise.resolve(null),
      recent: [],
    };
    this.managed.set(spec.name, entry);
    this.launch(entry);
  }

  /** Runs a one-shot process to its end and returns its exit code. */
  async run(spec: Omit<ProcessSpec, 'restart'>): Promise<number | null> {
    this.start({ ...spec, restart: false });
    return this.managed.get(spec.name)!.exited;
  }

  pid(name: string): number | undefined {
    return this.managed.get(name)?.child?.pid;
  }

  names(): string[] {
    return [...this.managed.keys()];
  }

  /** The last lines a process printed (across its restarts), oldest first. */
  recentLines(name: string): string[] {
    return [...(this.managed.get(name)?.recent ?? [])];
  }

  restartCount(name: string): number {
    return this.managed.get(name)?.restarts ?? 0;
  }

  /** Sends a signal as a crash would come; the process is restarted unless it is held. */
  kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): void {
    this.managed.get(name)?.child?.kill(signal);
  }

  /** Stops one process and keeps it down until `resume`. */
  async hold(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const entry = this.managed.get(name);
    if (!entry?.child) return;
    entry.held = true;
    entry.child.kill(signal);
    await entry.exited;
  }

  resume(name: string): void {
    const entry = this.managed.get(name);
    if (!entry || entry.child) return;
    entry.held = false;
    this.launch(entry);
  }

  /** A graceful restart (SIGTERM, then start again), as a rolling update does. */
  async restart(name: string): Promise<void> {
    await this.hold(name);
    this.resume(name);
  }

  /** SIGTERM to every process, SIGKILL to those still running after `graceMs`. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const running = [...this.managed.values()].filter((entry) => entry.child);
    for (const entry of running) {
      entry.held = true;
      entry.child?.kill('SIGTERM');
    }
    const timer = setTimeout(() => {
      for (const entry of running) entry.child?.kill('SIGKILL');
    }, graceMs);
    await Promise.all(running.map((entry) => entry.exited));
    clearTimeout(timer);
  }

  private launch(entry: Managed) {
    const { spec } = entry;
    const child = spawn(spec.command, spec.args, {
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    entry.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => this.record(entry, line));
    }
    entry.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        entry.child = null;
        if (!entry.held && !this.stopping) this.record(entry, `exited (${signal ?? code})`);
        resolve(code);
        if (spec.restart && !entry.held && !this.stopping) {
          const delay = RESTART_DELAY_MS[Math.min(entry.restarts, RESTART_DELAY_MS.length - 1)]!;
          entry.restarts += 1;
          setTimeout(() => {
            if (!entry.held && !this.stopping && !entry.child) {
              this.record(entry, `restarting (restart ${entry.restarts})`);
              this.launch(entry);
            }
          }, delay);
        }
      });
    });
  }

  private record(entry: Managed, line: string) {
    entry.recent.push(line);
    if (entry.recent.length > RECENT_LINES) entry.recent.shift();
    this.sink(entry.spec.name, line);
  }
}
