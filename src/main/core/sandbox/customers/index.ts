export { CustomerSimulation, type CustomerSendInput } from './customer-simulation'
export { INBOUND_KINDS, isInboundKind, type InboundKind } from './inbound-kinds'
