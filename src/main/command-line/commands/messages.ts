import type { MessageView } from '@shared/contract'
import { exitCodes, UsageError, type Command } from '../command'
import { listOptions, printList } from '../list-output'
import { withCore } from '../open-core'
import { limitOption, stringOption } from '../options'
import { checkOutputFile, finish } from '../output-file'
import { printable } from '../terminal-text'

/** Messages per page of an export: enough to stream quickly, few enough to keep memory flat. */
const EXPORT_PAGE = 2000

/** One stored message on one line: time, direction, customer, type, text and, when sent, its status. */
export function messageLine(m: MessageView): string {
  const time = new Date(m.timestamp).toISOString().replace('T', ' ').slice(0, 19)
  const status = m.direction === 'out' && m.status ? ` [${m.status}]` : ''
  return `${time}  ${m.direction === 'in' ? 'in ' : 'out'}  ${printable(m.contact).padEnd(15)}  ${m.type.padEnd(11)}  ${printable(m.text ?? '')}${status}`
}

export const messagesCommand: Command = {
  name: 'messages',
  summary: 'List stored messages of the profile (newest last), one conversation, or search them',
  options: {
    ...listOptions('Print JSON (an array of messages)', 'How many messages (default 50, at most 500)'),
    search: { type: 'string', valueName: 'TEXT', description: 'Full-text search over message text' },
    contact: { type: 'string', valueName: 'ID', description: 'Only this conversation: the customer\'s WhatsApp ID (phone digits) or business-scoped user ID' },
  },
  async run(run) {
    const limit = limitOption(run.values.limit, 50, 500)
    const search = stringOption(run.values.search)
    const contact = stringOption(run.values.contact)
    if (search !== undefined && contact !== undefined) throw new UsageError('use either --search or --contact, not both')
    return withCore(run, async (core) => {
      const messages = search
        ? (await core.call('inbox.search', { query: search, limit })).hits.map((hit) => hit.message)
        : contact
          ? (await core.call('inbox.thread', { contact, limit })).messages
          : (await core.call('inbox.recent', { limit })).messages
      const ordered = search ? messages : [...messages].reverse()
      printList(run, ordered, messageLine, 'No messages.')
      return exitCodes.ok
    })
  },
}

export const messagesExportCommand: Command = {
  name: 'messages export',
  summary: 'Export every message of the profile as JSON Lines or CSV',
  options: {
    format: { type: 'string', valueName: 'jsonl|csv', description: 'Output format (default jsonl)' },
    output: { type: 'string', valueName: 'FILE', description: 'Write to this file instead of stdout (a new file; see --force)' },
    force: { type: 'boolean', description: 'With --output: replace the file if it exists (a symbolic link is never followed)' },
  },
  async run(run) {
    const format = stringOption(run.values.format) ?? 'jsonl'
    if (format !== 'jsonl' && format !== 'csv') throw new UsageError('--format takes jsonl or csv')
    const output = stringOption(run.values.output)
    if (run.values.force === true && !output) throw new UsageError('--force goes with --output')
    const openOutput = output ? checkOutputFile(output, run.values.force === true) : null
    return withCore(run, async (core) => {
      const file = openOutput?.()
      const out = file ?? run.io.stdout
      let count = 0
      let after: { timestamp: number; id: number } | undefined
      do {
        const page = await core.call('inbox.exportPage', { format, limit: EXPORT_PAGE, ...(after ? { after } : {}) })
        for (const text of page.lines) if (!out.write(text + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
        count += page.messages
        after = page.next ?? undefined
      } while (after)
      if (file) {
        await finish(file)
        run.io.stderr.write(`Wrote ${count} messages to ${output}\n`)
      }
      return exitCodes.ok
    })
  },
}
