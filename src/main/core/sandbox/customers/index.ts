export { CustomerSimulation, type CustomerSendInput } from './customer-simulation'
export { CustomerDirectory, type CustomerView } from './customer-directory'
export { INBOUND_KINDS, isInboundKind, type InboundKind } from './inbound-kinds'
