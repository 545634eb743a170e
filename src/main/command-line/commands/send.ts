import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
import { mediaFileProblem, mediaLimits, mimeTypeOfName, outgoingMessage, type OutgoingMessage } from '@shared/contract'
import type { Core } from '../../core'
import { exitCodes, UsageError, type Command, type CommandRun } from '../command'
import { withCore } from '../open-core'
import { stringOption } from '../options'

const media = ['image', 'video', 'audio', 'document', 'sticker'] as const
type MediaFlag = (typeof media)[number]

function list(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : []
}

/** A message ready to send, but for a local file that is uploaded first. */
interface Planned {
  message: OutgoingMessage
  /** `--image ./photo.jpg`: this path is uploaded and the message carries its media id. */
  upload?: { kind: MediaFlag; path: string }
}

const isUrl = (value: string) => /^https?:\/\//i.test(value)

/** `--row SECTION|TITLE|DESCRIPTION` entries grouped into sections, in the order they were given. */
function sectionsFrom(rows: string[]): Extract<OutgoingMessage, { kind: 'list' }>['sections'] {
  const sections: Extract<OutgoingMessage, { kind: 'list' }>['sections'] = []
  rows.forEach((entry, index) => {
    const [section = '', title = '', description = ''] = entry.split('|').map((part) => part.trim())
    if (!title) throw new UsageError(`--row takes SECTION|TITLE|DESCRIPTION (the section and description may be empty), not "${entry}"`)
    let target = sections.find((candidate) => (candidate.title ?? '') === section)
    if (!target) {
      target = { ...(section ? { title: section } : {}), rows: [] }
      sections.push(target)
    }
    target.rows.push({ id: `row-${index + 1}`, title, ...(description ? { description } : {}) })
  })
  return sections
}

/** `--text` with `--buttons` or `--list`: an interactive message whose body is the text. */
function interactiveFrom(values: Record<string, unknown>, body: string): OutgoingMessage | null {
  const buttons = stringOption(values.buttons)
  const listButton = stringOption(values.list)
  if (buttons === undefined && listButton === undefined) {
    if (list(values.row).length) throw new UsageError('--row goes with --list')
    return null
  }
  if (buttons !== undefined && listButton !== undefined) throw new UsageError('use either --buttons or --list, not both')
  const header = stringOption(values.header)
  const footer = stringOption(values.footer)
  const frame = { body, ...(header ? { header } : {}), ...(footer ? { footer } : {}) }
  if (buttons !== undefined) {
    const titles = buttons.split(',').map((title) => title.trim()).filter(Boolean)
    return { kind: 'buttons', ...frame, buttons: titles.map((title, index) => ({ id: `button-${index + 1}`, title })) }
  }
  const rows = list(values.row)
  if (rows.length === 0) throw new UsageError('--list needs at least one --row')
  return { kind: 'list', ...frame, button: listButton!, sections: sectionsFrom(rows) }
}

/** Turns the flags into one message; exactly one kind must be named. */
function planFrom(values: Record<string, unknown>): Planned {
  const text = stringOption(values.text)
  const template = stringOption(values.template)
  const location = stringOption(values.location)
  const react = stringOption(values.react)
  const mediaKind = media.find((kind) => stringOption(values[kind]) !== undefined)
  const kinds = [text !== undefined, template !== undefined, location !== undefined, react !== undefined, mediaKind !== undefined].filter(Boolean).length
  if (kinds !== 1) throw new UsageError('say what to send with exactly one of --text, --template, --image, --video, --audio, --document, --sticker, --location, --react')
  const caption = stringOption(values.caption)
  if (text !== undefined) return { message: interactiveFrom(values, text) ?? { kind: 'text', body: text, previewUrl: values.preview === true } }
  if (stringOption(values.buttons) !== undefined || stringOption(values.list) !== undefined) throw new UsageError('--buttons and --list go with --text (the message above them)')
  if (template !== undefined) {
    const buttons = list(values['button-param']).map((entry, index) => {
      const match = /^(\d+):(url|quick_reply|copy_code):(.*)$/s.exec(entry)
      if (!match) throw new UsageError(`--button-param takes INDEX:url|quick_reply|copy_code:VALUE, not "${entry}" (#${index + 1})`)
      return { index: Number(match[1]), subType: match[2] as 'url' | 'quick_reply' | 'copy_code', value: match[3]! }
    })
    return {
      message: {
        kind: 'template',
        name: template,
        language: stringOption(values.lang) ?? 'en_US',
        ...(list(values['header-param']).length ? { header: list(values['header-param']) } : {}),
        ...(list(values.param).length ? { body: list(values.param) } : {}),
        ...(buttons.length ? { buttons } : {}),
      },
    }
  }
  if (location !== undefined) {
    const [lat, lng] = location.split(',').map((part) => Number(part.trim()))
    if (lat === undefined || lng === undefined || !Number.isFinite(lat) || !Number.isFinite(lng)) throw new UsageError('--location takes LATITUDE,LONGITUDE, e.g. 52.52,13.405')
    const name = stringOption(values.name)
    const address = stringOption(values.address)
    return { message: { kind: 'location', latitude: lat, longitude: lng, ...(name ? { name } : {}), ...(address ? { address } : {}) } }
  }
  if (react !== undefined) return { message: { kind: 'reaction', messageId: react, emoji: stringOption(values.emoji) ?? '👍' } }
  const kind = mediaKind!
  const value = stringOption(values[kind])!
  // A URL goes as a link Meta fetches; anything else is a file here, uploaded first (its id fills in then).
  const source = isUrl(value) ? { link: value } : { mediaId: 'pending' }
  const upload = isUrl(value) ? {} : { upload: { kind, path: value } }
  if (values.voice === true && kind !== 'audio') throw new UsageError('--voice goes with --audio')
  switch (kind) {
    case 'audio':
      return { message: { kind, ...source, ...(values.voice === true ? { voice: true } : {}) }, ...upload }
    case 'sticker':
      return { message: { kind, ...source }, ...upload }
    case 'document': {
      const filename = stringOption(values.filename) ?? (isUrl(value) ? undefined : basename(value))
      return { message: { kind, ...source, ...(caption ? { caption } : {}), ...(filename ? { filename } : {}) }, ...upload }
    }
    default:
      return { message: { kind, ...source, ...(caption ? { caption } : {}) }, ...upload }
  }
}

/** Uploads a local file for the message (checked against Meta's limits first) and returns the message with its media id. */
async function withUpload(core: Core, run: CommandRun, planned: Planned): Promise<OutgoingMessage> {
  const { upload, message } = planned
  if (!upload) return message
  const mimeType = mimeTypeOfName(upload.path)
  if (!mimeType) throw new UsageError(`${upload.path}: WhatsApp takes ${mediaLimits[upload.kind].types.join(', ')} as ${upload.kind}; name the file with its extension`)
  let size: number
  try {
    size = statSync(upload.path).size
  } catch (error) {
    throw new UsageError(`${upload.path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message} (a URL must start with https://)`)
  }
  const problem = mediaFileProblem(upload.kind, mimeType, size)
  if (problem) throw new UsageError(`${upload.path}: ${problem}`)
  const uploaded = await core.uploadMedia({ kind: upload.kind, mimeType, filename: basename(upload.path), body: createReadStream(upload.path) })
  run.io.stderr.write(`Uploaded ${basename(upload.path)} (${size} bytes): media id ${uploaded.mediaId}\n`)
  return { ...message, mediaId: uploaded.mediaId } as OutgoingMessage
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
    image: { type: 'string', valueName: 'FILE|URL', description: 'An image (JPEG, PNG; 5 MB): a file here is uploaded, a URL is fetched by Meta' },
    video: { type: 'string', valueName: 'FILE|URL', description: 'A video (MP4, 3GP; 16 MB)' },
    audio: { type: 'string', valueName: 'FILE|URL', description: 'Audio (AAC, AMR, MP3, M4A, OGG/Opus; 16 MB)' },
    voice: { type: 'boolean', description: 'With --audio: send as a voice message (OGG/Opus)' },
    document: { type: 'string', valueName: 'FILE|URL', description: 'A document (PDF, Office, plain text; 100 MB)' },
    sticker: { type: 'string', valueName: 'FILE|URL', description: 'A sticker (WebP; 100 KB, animated 500 KB)' },
    caption: { type: 'string', valueName: 'TEXT', description: 'Caption of an image, video or document' },
    buttons: { type: 'string', valueName: 'A,B,C', description: 'With --text: up to 3 reply buttons (titles of at most 20 characters, comma-separated)' },
    list: { type: 'string', valueName: 'BUTTON', description: 'With --text: a list the customer opens with this button; its rows come from --row' },
    row: { type: 'string', multiple: true, valueName: 'SECTION|TITLE|DESC', description: 'With --list: a row (up to 10); rows with the same SECTION are grouped' },
    header: { type: 'string', valueName: 'TEXT', description: 'With --buttons or --list: a header line' },
    footer: { type: 'string', valueName: 'TEXT', description: 'With --buttons or --list: a footer line' },
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
  switchboard send --to +15551234567 --image ./broken-kettle.jpg --caption "Is this the one?"
  switchboard send --to +15551234567 --document https://example.com/invoice-42.pdf --filename invoice-42.pdf
  switchboard send --to +15551234567 --text "Ship today?" --buttons "Yes,Tomorrow,Cancel"
  switchboard send --to +15551234567 --text "When shall we deliver?" --list "Choose a slot" \\
      --row "Tuesday|10:00|Morning" --row "Tuesday|14:00" --row "Wednesday|09:00"
A file is checked against Meta's limits for its kind, uploaded (POST /{phone-number-id}/media) and
sent by its media id; a URL is sent as a link Meta fetches. Buttons and list rows come back as
interactive replies in the inbox.
A phone number is sent as \`to\`, a business-scoped user ID (BSUID) as \`recipient\`: customers who use
a WhatsApp username may share no phone number, and their BSUID is how to reach them.
With the sandbox profile it talks to the sandbox of a \`switchboard serve --sandbox\` running on the
same data directory. Exit code 0 when Meta accepted the message (delivery follows as statuses),
1 with the Graph error otherwise, 2 for a usage error.`,
  async run(run) {
    const to = stringOption(run.values.to)
    if (!to) throw new UsageError('--to is required')
    const planned = planFrom(run.values)
    // Checked before anything is uploaded: a send the contract would refuse uploads nothing.
    const checked = outgoingMessage.safeParse(planned.message)
    if (!checked.success) throw new UsageError(checked.error.issues.map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`).join('; '))
    const replyTo = stringOption(run.values['reply-to'])
    return withCore(run, async (core) => {
      const message = await withUpload(core, run, planned)
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
