// Summaries of a V8 .cpuprofile: where a process spent its CPU, by function and by package.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  endTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function where(url: string): string {
  if (!url) return '(native)';
  const file = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return pkg[1]!;
  if (file.startsWith('node:')) return 'node core';
  return path.relative(repoRoot, file);
}

/**
 * Self time by function and by package/file, the top entries as lines of text. Only the last
 * `windowSeconds` before the profile ends count, so that start-up (module loading, TypeScript
 * transpiling) and warm-up do not hide the steady state.
 */
export function summarizeCpuProfile(file: string, windowSeconds: number, top = 15): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  // Sample times run forward from the start; the window is counted back from the end.
  let t = profile.endTime - profile.timeDeltas.reduce((sum, d) => sum + d, 0);
  const from = profile.endTime - windowSeconds * 1e6;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t >= from) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    total += us;
    const place = where(url);
    const name = `${functionName || '(anonymous)'}  ${place}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${pct(us)}  ${k}`);
  const busy = `busy ${(total / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s`;
  if (total < 10_000) return [busy]; // an idle thread: nothing to rank
  return [
    busy,
    'self time by package / file:',
    ...rank(byPlace),
    'self time by function:',
    ...rank(byFunction),
  ];
}
