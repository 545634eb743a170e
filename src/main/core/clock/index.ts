export type { Clock, ClockTimer } from './types'
export { systemClock } from './system-clock'
export { ManualClock } from './manual-clock'
