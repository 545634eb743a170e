import type { MessageType } from '@shared/contract'

const labels: Record<MessageType, string> = {
  text: 'Text',
  image: 'Image',
  audio: 'Audio',
  video: 'Video',
  document: 'Document',
  sticker: 'Sticker',
  location: 'Location',
  contacts: 'Contact card',
  interactive: 'Interactive message',
  button: 'Button reply',
  reaction: 'Reaction',
  order: 'Order',
  system: 'System message',
  unsupported: 'Unsupported message',
  template: 'Template',
  request_welcome: 'Welcome request',
  edit: 'Edit',
  revoke: 'Deletion',
  external: 'Sent by another client',
  unknown: 'Unknown message',
}

/** What kind of message this is, in words (the list shows it where there is no text). */
export function typeLabel(type: MessageType): string {
  return labels[type]
}
