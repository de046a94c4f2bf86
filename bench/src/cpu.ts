/**
 * Where the CPU goes during a step: user + system time per group of processes, from /proc, so a
 * step can be reported as CPU milliseconds per request for each part of the system.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces: state is field 3.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU milliseconds a process has used so far (0 once it is gone). */
export function cpuMsOf(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** The direct children of a process (nginx's workers under its master). */
export function childrenOf(pid: number): number[] {
  return allPids().filter((candidate) => Number(statFields(candidate)?.[1]) === pid);
}

/** Processes by their command name (/proc/PID/comm), e.g. the shared mariadbd and redis-server. */
export function pidsNamed(command: string): number[] {
  return allPids().filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === command;
    } catch {
      return false;
    }
  });
}

export type CpuGroups = Record<string, number[]>;

/** Starts counting; the returned function gives the CPU ms each group used since. */
export function meterCpu(groups: CpuGroups): () => Record<string, number> {
  const total = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuMsOf(pid), 0);
  const before = Object.fromEntries(
    Object.entries(groups).map(([name, pids]) => [name, total(pids)]),
  );
  return () =>
    Object.fromEntries(
      Object.entries(groups).map(([name, pids]) => [name, total(pids) - (before[name] ?? 0)]),
    );
}

/** CPU ms per request for each group, and their sum. */
export function perRequest(used: Record<string, number>, requests: number): Record<string, number> {
  if (requests === 0) return {};
  const shares = Object.fromEntries(
    Object.entries(used).map(([name, ms]) => [name, ms / requests]),
  );
  return { ...shares, total: Object.values(shares).reduce((sum, ms) => sum + ms, 0) };
}

/** A process and its direct children (nginx's master and its workers); none for no pid. */
export function withWorkers(pid: number | undefined): number[] {
  return pid === undefined ? [] : [pid, ...childrenOf(pid)];
}

/** The machine's MariaDB and Redis, which every side of a comparison shares. */
export function sharedServices(): CpuGroups {
  return { mariadb: pidsNamed('mariadbd'), redis: pidsNamed('redis-server') };
}
