export { TunnelPanel } from './TunnelPanel'
