export { EventHub, type BatchListener, type EventHandler, type EventHubOptions, type EventSource } from './hub'
