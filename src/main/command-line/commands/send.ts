import type { OutgoingMessage } from '@shared/contract'
import { exitCodes, UsageError, type Command } from '../command'
import { withCore } from '../open-core'
import { stringOption } from '../options'

const media = ['image', 'video', 'audio', 'document'] as const

function list(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : []
}

/** Turns the flags into one message; exactly one kind must be named. */
function messageFrom(values: Record<string, unknown>): OutgoingMessage {
  const text = stringOption(values.text)
  const template = stringOption(values.template)
  const location = stringOption(values.location)
  const react = stringOption(values.react)
  const mediaKind = media.find((kind) => stringOption(values[kind]) !== undefined)
  const kinds = [text !== undefined, template !== undefined, location !== undefined, react !== undefined, mediaKind !== undefined].filter(Boolean).length
  if (kinds !== 1) throw new UsageError('say what to send with exactly one of --text, --template, --image, --video, --audio, --document, --location, --react')
  const caption = stringOption(values.caption)
  if (text !== undefined) return { kind: 'text', body: text, previewUrl: values.preview === true }
  if (template !== undefined) {
    const buttons = list(values['button-param']).map((entry, index) => {
      const match = /^(\d+):(url|quick_reply|copy_code):(.*)$/s.exec(entry)
      if (!match) throw new UsageError(`--button-param takes INDEX:url|quick_reply|copy_code:VALUE, not "${entry}" (#${index + 1})`)
      return { index: Number(match[1]), subType: match[2] as 'url' | 'quick_reply' | 'copy_code', value: match[3]! }
    })
    return {
      kind: 'template',
      name: template,
      language: stringOption(values.lang) ?? 'en_US',
      ...(list(values['header-param']).length ? { header: list(values['header-param']) } : {}),
      ...(list(values.param).length ? { body: list(values.param) } : {}),
      ...(buttons.length ? { buttons } : {}),
    }
  }
  if (location !== undefined) {
    const [lat, lng] = location.split(',').map((part) => Number(part.trim()))
    if (lat === undefined || lng === undefined || !Number.isFinite(lat) || !Number.isFinite(lng)) throw new UsageError('--location takes LATITUDE,LONGITUDE, e.g. 52.52,13.405')
    const name = stringOption(values.name)
    const address = stringOption(values.address)
    return { kind: 'location', latitude: lat, longitude: lng, ...(name ? { name } : {}), ...(address ? { address } : {}) }
  }
  if (react !== undefined) return { kind: 'reaction', messageId: react, emoji: stringOption(values.emoji) ?? '👍' }
  const link = stringOption(values[mediaKind!])!
  if (mediaKind === 'audio') return { kind: 'audio', link }
  if (mediaKind === 'document') {
    const filename = stringOption(values.filename)
    return { kind: 'document', link, ...(caption ? { caption } : {}), ...(filename ? { filename } : {}) }
  }
  return { kind: mediaKind!, link, ...(caption ? { caption } : {}) }
}

export const sendCommand: Command = {
  name: 'send',
  summary: 'Send a WhatsApp message from the profile\'s number; prints the message id (wamid)',
  options: {
    to: { type: 'string', valueName: 'NUMBER|BSUID', description: 'Recipient: a number in international format (+15551234567), or the business-scoped user ID of a customer who uses a username (US.13491208655302741918)' },
    text: { type: 'string', valueName: 'TEXT', description: 'A text message' },
    preview: { type: 'boolean', description: 'With --text: show a link preview' },
    template: { type: 'string', valueName: 'NAME', description: 'An approved template' },
    lang: { type: 'string', valueName: 'CODE', description: 'With --template: its language (default en_US)' },
    param: { type: 'string', multiple: true, valueName: 'VALUE', description: 'With --template: the next body parameter' },
    'header-param': { type: 'string', multiple: true, valueName: 'VALUE', description: 'With --template: the next header parameter' },
    'button-param': { type: 'string', multiple: true, valueName: 'I:TYPE:VALUE', description: 'With --template: a button parameter, e.g. 0:url:1042' },
    image: { type: 'string', valueName: 'URL', description: 'An image by public URL' },
    video: { type: 'string', valueName: 'URL', description: 'A video by public URL' },
    audio: { type: 'string', valueName: 'URL', description: 'Audio by public URL' },
    document: { type: 'string', valueName: 'URL', description: 'A document by public URL' },
    caption: { type: 'string', valueName: 'TEXT', description: 'Caption of an image, video or document' },
    filename: { type: 'string', valueName: 'NAME', description: 'File name of a document' },
    location: { type: 'string', valueName: 'LAT,LNG', description: 'A location' },
    name: { type: 'string', valueName: 'TEXT', description: 'With --location: its name' },
    address: { type: 'string', valueName: 'TEXT', description: 'With --location: its address' },
    react: { type: 'string', valueName: 'WAMID', description: 'React to this message (with --emoji)' },
    emoji: { type: 'string', valueName: 'EMOJI', description: 'With --react (default 👍)' },
    'reply-to': { type: 'string', valueName: 'WAMID', description: 'Send as a reply to this message' },
    json: { type: 'boolean', description: 'Print the stored message, the send response status and warnings as JSON' },
  },
  details: `
Examples:
  switchboard send --to +15551234567 --text "Your order has shipped"
  switchboard send --to +15551234567 --template order_update --lang en_US --param Ana --param '#1042' --param Friday
  switchboard send --to US.13491208655302741918 --text "Thanks for your order"
A phone number is sent as \`to\`, a business-scoped user ID (BSUID) as \`recipient\`: customers who use
a WhatsApp username may share no phone number, and their BSUID is how to reach them.
With the sandbox profile it talks to the sandbox of a \`switchboard serve --sandbox\` running on the
same data directory. Exit code 0 when Meta accepted the message (delivery follows as statuses),
1 with the Graph error otherwise, 2 for a usage error.`,
  async run(run) {
    const to = stringOption(run.values.to)
    if (!to) throw new UsageError('--to is required')
    const message = messageFrom(run.values)
    const replyTo = stringOption(run.values['reply-to'])
    return withCore(run, async (core) => {
      const result = await core.call('composer.send', { to, message, ...(replyTo ? { replyTo } : {}) })
      const warnings = result.warnings.map((warning) => warning.message)
      for (const warning of warnings) run.io.stderr.write(`warning: ${warning}\n`)
      if (run.values.json) {
        run.io.stdout.write(JSON.stringify({ wamid: result.message.wamid, messageStatus: result.messageStatus, message: result.message, warnings }, null, 2) + '\n')
      } else run.io.stdout.write(`${result.message.wamid}\n`)
      return exitCodes.ok
    })
  },
}
