export { ForwardPanel } from './ForwardPanel'
export { RequestForwards } from './RequestForwards'
export { healthLine, countsLine } from './health-text'
