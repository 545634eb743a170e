import { verdicts, type RequestSummary } from '@shared/contract'
import { exitCodes, UsageError, type Command } from '../command'
import { listOptions, printList } from '../list-output'
import { withCore } from '../open-core'
import { limitOption, stringOption } from '../options'
import { printable } from '../terminal-text'

function line(r: RequestSummary): string {
  const time = new Date(r.receivedAt).toISOString().replace('T', ' ').slice(0, 19)
  const events = r.eventCount ? ` ${r.eventCount} event${r.eventCount === 1 ? '' : 's'}` : ''
  return `${String(r.id).padStart(6)}  ${time}  ${r.method.padEnd(4)}  ${r.status}  ${r.verdict.padEnd(13)}  sig:${r.signature.padEnd(11)}  ${String(r.size).padStart(8)} B${events}${r.reason ? `  — ${printable(r.reason)}` : ''}`
}

export const webhookRequestsCommand: Command = {
  name: 'webhook requests',
  summary: 'List recent requests to the webhook listener with their verdicts (newest first)',
  options: {
    ...listOptions('Print JSON (an array of requests)', 'How many (default 50, at most 500)'),
    verdict: { type: 'string', valueName: 'VERDICT', description: `Only these: ${verdicts.join(', ')}` },
  },
  async run(run) {
    const limit = limitOption(run.values.limit, 50, 500)
    const verdict = stringOption(run.values.verdict)
    if (verdict !== undefined && !(verdicts as readonly string[]).includes(verdict)) throw new UsageError(`--verdict takes one of ${verdicts.join(', ')}`)
    return withCore(run, async (core) => {
      const { items } = await core.call('webhook.requests', { limit, ...(verdict ? { verdict: verdict as (typeof verdicts)[number] } : {}) })
      printList(run, items, line, 'No webhook requests recorded.')
      return exitCodes.ok
    })
  },
}
