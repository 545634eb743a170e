export { Compose } from './Compose'
export { DockedComposer } from './DockedComposer'
