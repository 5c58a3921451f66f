// One row of the results: what was measured, against what, and whether it meets its goal.
import type { CostRow } from './cost-table';

export type Group = 'size' | 'ready' | 'keystroke' | 'tokenize' | 'throughput';

export interface Metric {
  group: Group;
  name: string;
  value: number;
  unit: string;
  /** The floor or peer the value is compared with ('' for an absolute budget). */
  against: string;
  againstValue: number | null;
  /** value / againstValue (for throughput: ours / floor, so higher is better). */
  ratio: number | null;
  /** The goal in words, e.g. "≤ 1.5× floor"; '' for a row that only informs. */
  goal: string;
  /** Where the goal line sits on the ratio chart, if the goal is a ratio. */
  goalRatio: number | null;
  pass: boolean | null;
  note?: string;
  /** How far the goal's figure moved over the bench's repeated runs. */
  spread?: Spread;
}

/** Lowest and highest of the goal's figure (a ratio, or a difference in the unit) over runs. */
export interface Spread {
  low: number;
  high: number;
  /** A ratio (ours ÷ floor), or a difference (ours − floor, in the metric's unit). */
  kind: 'ratio' | 'difference';
  /** What was compared over what, e.g. "ratio of medians over 5 blocks of 6 loads". */
  over: string;
}

interface Compared {
  group: Group;
  name: string;
  value: number;
  unit: string;
  against: string;
  againstValue: number;
  note?: string;
  spread?: Spread;
}

const ratioOf = (c: Compared): number => c.value / c.againstValue;

/** ratio ≤ max (smaller is better: sizes, times). */
export function atMost(c: Compared, max: number, goal = `≤ ${max}× ${c.against}`): Metric {
  const ratio = ratioOf(c);
  return { ...c, ratio, goal, goalRatio: max, pass: ratio <= max };
}

/** ratio ≥ min (bigger is better: throughput). */
export function atLeast(c: Compared, min: number, goal = `≥ ${min}× ${c.against}`): Metric {
  const ratio = ratioOf(c);
  return { ...c, ratio, goal, goalRatio: min, pass: ratio >= min };
}

/** value − againstValue ≤ slack (in the metric's unit). */
export function within(c: Compared, slack: number): Metric {
  return {
    ...c,
    ratio: ratioOf(c),
    goal: `≤ ${c.against} + ${slack} ${c.unit}`,
    goalRatio: null,
    pass: c.value - c.againstValue <= slack,
  };
}

/** A row that informs: compared, but with no goal of its own. */
export function informs(c: Compared): Metric {
  return { ...c, ratio: ratioOf(c), goal: '', goalRatio: null, pass: null };
}

/** An absolute value with no comparison (peak RSS, a budget-free size). */
export function absolute(
  group: Group,
  name: string,
  value: number,
  unit: string,
  note?: string,
): Metric {
  return {
    group,
    name,
    value,
    unit,
    against: '',
    againstValue: null,
    ratio: null,
    goal: '',
    goalRatio: null,
    pass: null,
    ...(note ? { note } : {}),
  };
}

/** A value that must be 0 (a delay, a layout shift): no floor, no ratio. */
export function zero(
  group: Group,
  name: string,
  value: number,
  unit: string,
  note?: string,
): Metric {
  return { ...absolute(group, name, value, unit, note), goal: '= 0', pass: value === 0 };
}

/** An absolute value against a budget (value ≤ budget). */
export function budget(
  group: Group,
  name: string,
  value: number,
  unit: string,
  limit: number,
  limitLabel: string,
): Metric {
  return {
    group,
    name,
    value,
    unit,
    against: limitLabel,
    againstValue: limit,
    ratio: value / limit,
    goal: `≤ ${limitLabel}`,
    goalRatio: 1,
    pass: value <= limit,
  };
}

/** Where each section puts its rows, and the parts it could not measure. */
export interface Recorder {
  add(...metrics: Metric[]): void;
  /** A row of the cost table (what one request costs the gateway and the database). */
  cost(row: CostRow): void;
  /** Run one part; on failure note it as not measured and go on with the next. */
  part(name: string, measure: () => Promise<void>): Promise<void>;
  /** Keep a profile (lines of text) with the results: where the time of a metric goes. */
  profile(name: string, lines: string[]): void;
}
