import { messageStatuses, messageTypes, type MessageStatus, type MessageType } from '@shared/contract'

/** A stored type as the contract names it: one Meta added since reads as `unknown` (its raw payload is kept). */
export function messageType(type: string): MessageType {
  return (messageTypes as readonly string[]).includes(type) ? (type as MessageType) : 'unknown'
}

export function messageStatus(status: string): MessageStatus {
  return (messageStatuses as readonly string[]).includes(status) ? (status as MessageStatus) : 'unknown'
}
