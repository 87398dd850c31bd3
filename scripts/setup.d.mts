export type Purpose = 'test' | 'start' | 'ci';

export interface Need {
  pkg: string;
  what: string;
  kind: 'browser' | 'font';
  family?: string;
  for: ('test' | 'start')[];
}

export interface MachineFacts {
  missing: string[];
  root: boolean;
  sudo: boolean;
  apt: boolean;
}

export type MachinePlan =
  { kind: 'ready' } | { kind: 'install'; sudo: boolean; packages: string[] } | { kind: 'stop'; line: string };

export const NEEDS: Need[];
export function planMachine(facts: MachineFacts, purpose: Purpose): MachinePlan;
export function stopLine(missing: Need[], why: 'noApt' | 'noRights' | 'installFailed', purpose: Purpose): string;
export function readFacts(opts?: { run?: unknown; env?: Record<string, string | undefined> }): MachineFacts;
export function prepareMachine(
  purpose: Purpose,
  opts?: { run?: unknown; env?: Record<string, string | undefined> },
): boolean;
export function ensurePackages(): boolean;
