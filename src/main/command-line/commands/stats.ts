import { funnelStages, statsBuckets, type FunnelStage, type StatsBucket, type StatsSummary } from '@shared/contract'
import { exitCodes, UsageError, type Command, type CommandRun } from '../command'
import { withCore } from '../open-core'
import { limitOption, stringOption, timeOption } from '../options'
import { printable, terminalJson } from '../terminal-text'
import { messageLine } from './messages'

const DAY = 24 * 60 * 60_000

const duration = (ms: number | null) => (ms === null ? '—' : ms < 1000 ? `${Math.round(ms)} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`)
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)} %`)

function report(stats: StatsSummary): string {
  const inbound = stats.buckets.reduce((n, b) => n + b.inbound, 0)
  const { funnel, requests } = stats
  const refused = stats.graphErrors.codes.reduce((n, c) => n + c.refused, 0)
  const failed = stats.graphErrors.codes.reduce((n, c) => n + c.failed, 0)
  const lines = [
    `${new Date(stats.since).toISOString()} → ${new Date(stats.until).toISOString()} (${stats.buckets.length} × ${stats.bucket})`,
    `messages     ${inbound} in, ${funnel.sent} out`,
    `delivery     sent ${funnel.sent} → delivered ${funnel.delivered} (${percent(funnel.delivered, funnel.sent)}) → read ${funnel.read} (${percent(funnel.read, funnel.sent)}); failed ${funnel.failed}`,
    ...stats.failedByCode.map((f) => `  failed      ${f.count} × ${f.code ?? 'no code'}${f.title ? ` ${printable(f.title)}` : ''}`),
    `to delivered median ${duration(stats.toDelivered.medianMs)}, p95 ${duration(stats.toDelivered.p95Ms)} (${stats.toDelivered.count})`,
    `to read      median ${duration(stats.toRead.medianMs)}, p95 ${duration(stats.toRead.p95Ms)} (${stats.toRead.count})`,
    `webhooks     ${requests.accepted} accepted, ${requests.rejected} rejected, ${requests.verified} handshakes (${requests.verifyFailed} refused); lag median ${duration(stats.webhookLag.medianMs)}, p95 ${duration(stats.webhookLag.p95Ms)}`,
    ...stats.rejectedByReason.map((r) => `  rejected    ${r.count} × ${printable(r.reason)}`),
    ...stats.templates.map((t) => `template     ${printable(t.name)}: sent ${t.sent}, delivered ${percent(t.delivered, t.sent)}, read ${percent(t.read, t.sent)}, failed ${t.failed}`),
    `refreshes    ${stats.refreshes.length}${stats.refreshes.length ? `: ${stats.refreshes.map((r) => `${r.outcome}${r.errorCode === null ? '' : ` (${r.errorCode})`}`).join(', ')}` : ''}`,
    `graph errors ${refused + failed}: ${refused} refused at once, ${failed} failed later`,
    ...stats.graphErrors.codes.flatMap((c) => [
      `  error       ${c.count} × ${c.code ?? 'no code'}${c.title ? ` ${printable(c.title)}` : ''} (${c.refused} refused, ${c.failed} failed)`,
      `              ${printable(c.hint)}`,
    ]),
  ]
  return lines.join('\n') + '\n'
}

export const statsCommand: Command = {
  name: 'stats',
  summary: "The integration's health in numbers: messages, delivery funnel and times, webhook outcomes and lag, templates, refreshes, Graph errors",
  options: {
    json: { type: 'boolean', description: 'Print JSON (what the charts draw, bucket by bucket; with --messages, the messages and their total)' },
    since: { type: 'string', valueName: 'TIME', description: 'From this date or time (ISO 8601; default 24 hours before --until)' },
    until: { type: 'string', valueName: 'TIME', description: 'Up to this date or time (ISO 8601; default now)' },
    bucket: { type: 'string', valueName: statsBuckets.join('|'), description: 'Bucket size (default: 15m up to 2 days, hour up to 2 weeks, day beyond)' },
    messages: { type: 'string', valueName: funnelStages.join('|'), description: 'Instead of the summary: the outbound messages behind this figure of the delivery funnel, newest first' },
    code: { type: 'string', valueName: 'N|none', description: 'With --messages failed: only those that failed with Meta’s error code N (none: without a code)' },
    template: { type: 'string', valueName: 'NAME', description: 'With --messages: only messages of this template' },
    limit: { type: 'string', valueName: 'N', description: 'With --messages: how many (default 50, at most 500)' },
  },
  async run(run) {
    const since = timeOption(run.values.since, 'since')
    const until = timeOption(run.values.until, 'until')
    const bucket = stringOption(run.values.bucket)
    if (bucket !== undefined && !(statsBuckets as readonly string[]).includes(bucket)) throw new UsageError(`--bucket takes ${statsBuckets.join(', ')}`)
    if (since !== undefined && until !== undefined && since >= until) throw new UsageError('--since must be before --until')
    const stage = stringOption(run.values.messages)
    if (stage !== undefined) {
      if (bucket !== undefined) throw new UsageError('--bucket goes with the summary, not with --messages')
      return listMessages(run, stage, since, until)
    }
    for (const option of ['code', 'template', 'limit']) if (run.values[option] !== undefined) throw new UsageError(`--${option} goes with --messages`)
    return withCore(run, async (core) => {
      const stats = await core.call('stats.summary', {
        ...(since === undefined ? {} : { since }),
        ...(until === undefined ? {} : { until }),
        ...(bucket === undefined ? {} : { bucket: bucket as StatsBucket }),
      })
      run.io.stdout.write(run.values.json ? terminalJson(stats) + '\n' : report(stats))
      return exitCodes.ok
    })
  },
}

/** `--messages STAGE`: the messages behind one funnel figure, over the same range the summary would cover. */
async function listMessages(run: CommandRun, stage: string, since: number | undefined, until: number | undefined): Promise<number> {
  if (!(funnelStages as readonly string[]).includes(stage)) throw new UsageError(`--messages takes ${funnelStages.join(', ')}`)
  const codeText = stringOption(run.values.code)
  if (codeText !== undefined && stage !== 'failed') throw new UsageError('--code goes with --messages failed')
  if (codeText !== undefined && codeText !== 'none' && !/^\d{1,9}$/.test(codeText)) throw new UsageError(`--code takes Meta's error code (a number) or none, not "${codeText}"`)
  const template = stringOption(run.values.template)
  if (template === '') throw new UsageError('--template takes a template name')
  const limit = limitOption(run.values.limit, 50, 500)
  const end = until ?? Date.now()
  const start = since ?? end - DAY
  if (start >= end) throw new UsageError('--since must be before --until')
  return withCore(run, async (core) => {
    const found = await core.call('stats.messages', {
      since: start,
      until: end,
      stage: stage as FunnelStage,
      ...(codeText === undefined ? {} : { code: codeText === 'none' ? null : Number(codeText) }),
      ...(template === undefined ? {} : { template }),
      limit,
    })
    if (run.values.json) run.io.stdout.write(terminalJson(found) + '\n')
    else if (found.total === 0) run.io.stderr.write('No messages.\n')
    else run.io.stdout.write([...found.messages.map(messageLine), `${found.messages.length} of ${found.total}`].join('\n') + '\n')
    return exitCodes.ok
  })
}
