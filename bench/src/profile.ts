/** Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time. */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  where: string;
  selfMs: number;
  selfPercent: number;
}

export interface ProfileSummary {
  totalMs: number;
  idlePercent: number;
  top: ProfileEntry[];
  /** Self time by package (node_modules/<name>), node internals or our own workspaces. */
  byPackage: { name: string; selfMs: number; selfPercent: number }[];
}

function packageOf(url: string): string {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return 'node core';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const workspace = /\/(apps|packages|bench|tooling)\/([^/]+)\//.exec(url);
  return workspace ? `@absensi/${workspace[2]!}` : url;
}

/** `fromMs`: leave out the first milliseconds of the profile (the process starting up). */
export function summariseProfile(path: string, topCount = 25, fromMs = 0): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let clockMs = 0;
  for (let index = 0; index < profile.samples.length; index += 1) {
    const id = profile.samples[index]!;
    const deltaMs = (profile.timeDeltas[index] ?? 0) / 1000;
    clockMs += deltaMs;
    if (clockMs < fromMs) continue;
    self.set(id, (self.get(id) ?? 0) + deltaMs);
  }
  const totalMs = [...self.values()].reduce((sum, value) => sum + value, 0);
  const grouped = new Map<string, ProfileEntry>();
  const packages = new Map<string, number>();
  let idleMs = 0;
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    const name = frame.functionName || '(anonymous)';
    if (name === '(idle)') idleMs += ms;
    const where = frame.url
      ? `${frame.url.replace(/^file:\/\/.*?\/(node_modules|apps|packages)\//, '$1/')}:${frame.lineNumber + 1}`
      : '';
    const key = `${name}|${where}`;
    const entry = grouped.get(key) ?? { name, where, selfMs: 0, selfPercent: 0 };
    entry.selfMs += ms;
    grouped.set(key, entry);
    const pkg =
      name === '(idle)'
        ? '(idle)'
        : name === '(garbage collector)'
          ? '(garbage collector)'
          : packageOf(frame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
  }
  const top = [...grouped.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, topCount)
    .map((entry) => ({ ...entry, selfPercent: (100 * entry.selfMs) / totalMs }));
  const byPackage = [...packages.entries()]
    .map(([name, ms]) => ({ name, selfMs: ms, selfPercent: (100 * ms) / totalMs }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, 20);
  return { totalMs, idlePercent: (100 * idleMs) / totalMs, top, byPackage };
}

export function formatProfile(summary: ProfileSummary): string {
  const lines = [
    `total ${(summary.totalMs / 1000).toFixed(1)} s sampled, idle ${summary.idlePercent.toFixed(1)} %`,
    '',
    'self time by package:',
    ...summary.byPackage.map(
      (entry) => `  ${entry.selfPercent.toFixed(1).padStart(5)} %  ${entry.name}`,
    ),
    '',
    'top functions by self time:',
    ...summary.top.map(
      (entry) => `  ${entry.selfPercent.toFixed(1).padStart(5)} %  ${entry.name}  ${entry.where}`,
    ),
  ];
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('profile.js') && process.argv[2]) {
  console.log(formatProfile(summariseProfile(process.argv[2])));
}
