import type { Machine } from './machine'

/** One figure a scenario measured; `key` names it in the JSON, `label` in the table. */
export interface Figure {
  key: string
  label: string
  value: number | null
  unit: string
  /** Digits after the decimal point in the table (the JSON keeps full precision). */
  digits?: number
}

export interface Goal {
  /** The goal the figure is held to, e.g. `p99 ≤ 10 ms`. */
  goal: string
  /** The measured side of the comparison, e.g. `0.72 × (a)`. */
  measured: string
  met: boolean
}

export interface ScenarioResult {
  id: number
  title: string
  workload: string
  reference: string
  figures: Figure[]
  goals: Goal[]
  notes: string[]
  seconds: number
  /** Set when the scenario could not run to the end; its goals then count as missed. */
  error?: string
}

export interface BenchReport {
  startedAt: string
  seconds: number
  machine: Machine
  /** 1-minute load average when the run ended (with `machine.loadAverage`: how busy the machine was). */
  loadAverageAtEnd: number
  scenarios: ScenarioResult[]
}

export function figure(key: string, label: string, value: number | null, unit: string, digits = 0): Figure {
  return { key, label, value: value === null || Number.isNaN(value) ? null : value, unit, digits }
}

export function goal(description: string, measured: string, met: boolean): Goal {
  return { goal: description, measured, met }
}
