const labels: Record<string, string> = {
  text: 'Text',
  image: 'Image',
  audio: 'Audio',
  video: 'Video',
  document: 'Document',
  sticker: 'Sticker',
  location: 'Location',
  contacts: 'Contact card',
  interactive: 'Interactive reply',
  button: 'Button reply',
  reaction: 'Reaction',
  order: 'Order',
  system: 'System message',
  unsupported: 'Unsupported message',
  template: 'Template',
  request_welcome: 'Welcome request',
  external: 'Sent by another client',
  unknown: 'Unknown message',
}

/** What kind of message this is, in words (the list shows it where there is no text). */
export function typeLabel(type: string): string {
  return labels[type] ?? `${type.replace(/_/g, ' ')} message`
}

export const mediaTypes = new Set(['image', 'audio', 'video', 'document', 'sticker'])
