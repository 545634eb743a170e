import type { ForwardTarget } from '@shared/contract'
import { customerId } from '@shared/schemas'
import type { Core } from '../../core'
import { exitCodes, UsageError, type Command, type CommandRun } from '../command'
import { withCore } from '../open-core'
import { stringOption, timeOption } from '../options'
import { printable, terminalJson } from '../terminal-text'

function line(target: ForwardTarget): string {
  const { health, counts } = target
  const state =
    health.state === 'paused' && health.pausedSince !== null ? `paused since ${new Date(health.pausedSince).toISOString().slice(0, 19).replace('T', ' ')}` : health.state
  const queue = `pending ${counts.pending} (retrying ${counts.retrying})  delivered ${counts.delivered}  given up ${counts.expired}`
  return `${String(target.id).padStart(4)}  ${printable(target.url)}  ${state}  ${queue}${health.lastError ? `  — ${printable(health.lastError)}` : ''}`
}

/** `--target` by id or by URL, among the active profile's targets. */
async function targetId(core: Pick<Core, 'call'>, value: string | undefined): Promise<number | undefined> {
  if (value === undefined) return undefined
  const { targets } = await core.call('forward.status')
  const found = targets.find((t) => String(t.id) === value || t.url === value || t.url === `${value}/` || t.url.replace(/\/$/, '') === value)
  if (!found) throw new UsageError(`no forward target ${value} in this profile (see \`switchboard forward status\`)`)
  return found.id
}

const printStatus = (run: CommandRun, targets: readonly ForwardTarget[]) => {
  if (run.values.json) run.io.stdout.write(terminalJson(targets) + '\n')
  else if (targets.length === 0) run.io.stderr.write('This profile forwards to no bot: `switchboard forward add URL` adds one.\n')
  else run.io.stdout.write(targets.map(line).join('\n') + '\n')
}

export const forwardStatusCommand: Command = {
  name: 'forward status',
  summary: "Where the active profile's deliveries are forwarded, each target's health and queue",
  options: { json: { type: 'boolean', description: 'Print JSON (an array of targets)' } },
  async run(run) {
    return withCore(run, async (core) => {
      const { targets } = await core.call('forward.status')
      printStatus(run, targets)
      return targets.some((t) => t.health.state === 'paused') ? exitCodes.failure : exitCodes.ok
    })
  },
  details: 'Exits 1 when a target is paused (it keeps failing), so a cron job can alert on it.',
}

export const forwardAddCommand: Command = {
  name: 'forward add',
  summary: "Forward every delivery the active profile accepts to your bot, from now on",
  args: [{ name: 'URL', description: 'The bot’s webhook URL: https, or http on this machine (http://localhost:3000/webhook)' }],
  options: {
    'pass-verification': { type: 'boolean', description: "Also pass Meta's GET handshakes on to the bot" },
    json: { type: 'boolean', description: 'Print JSON (an array of targets)' },
  },
  details: `Each delivery goes to the bot with Meta's exact bytes and headers, so X-Hub-Signature-256 verifies
with the same app secret. A running Switchboard (the app or \`switchboard serve\`) does the sending;
failures are retried with backoff for 24 hours, a bot that keeps failing is paused and resumed
by itself when it answers.`,
  async run(run) {
    const url = run.positionals[0]!
    return withCore(run, async (core) => {
      const { targets } = await core.call('forward.addTarget', { url, ...(run.values['pass-verification'] === true ? { passVerification: true } : {}) })
      printStatus(run, targets)
      return exitCodes.ok
    })
  },
}

export const forwardRemoveCommand: Command = {
  name: 'forward remove',
  summary: 'Stop forwarding to a target (by id or URL) and forget its queue',
  args: [{ name: 'TARGET', description: 'The id or URL `switchboard forward status` shows' }],
  options: {},
  async run(run) {
    return withCore(run, async (core) => {
      const id = (await targetId(core, run.positionals[0]))!
      await core.call('forward.removeTarget', { id })
      run.io.stderr.write('Removed.\n')
      return exitCodes.ok
    })
  },
}

export const forwardReplayCommand: Command = {
  name: 'forward replay',
  summary: 'Send stored deliveries to the bot again, exactly as Meta sent them',
  options: {
    target: { type: 'string', valueName: 'ID|URL', description: 'Only to this target (default: every enabled target)' },
    request: { type: 'string', valueName: 'ID', multiple: true, description: 'These requests (ids from `switchboard webhook requests`)' },
    since: { type: 'string', valueName: 'TIME', description: 'Deliveries received from this date or time (ISO 8601)' },
    until: { type: 'string', valueName: 'TIME', description: 'Deliveries received up to this date or time (ISO 8601)' },
    contact: { type: 'string', valueName: 'WA_ID|BSUID', description: "Deliveries that carried this conversation's messages or statuses" },
    failed: { type: 'boolean', description: 'Only deliveries the target has not received' },
    json: { type: 'boolean', description: 'Print JSON ({"queued":N,"targets":N})' },
  },
  details: `Example: switchboard forward replay --since 2026-12-01 --failed
Replays are marked in the inspector and carry the header X-Switchboard-Forward: replay.`,
  async run(run) {
    const requests = (run.values.request as string[] | undefined)?.map((value) => {
      if (!/^\d+$/.test(value)) throw new UsageError(`--request takes a request id (digits), not "${value}"`)
      return Number(value)
    })
    const contact = stringOption(run.values.contact)
    if (contact !== undefined && !customerId.safeParse(contact).success) throw new UsageError(`--contact takes a WhatsApp ID (digits) or a BSUID, not "${contact}"`)
    const since = timeOption(run.values.since, 'since')
    const until = timeOption(run.values.until, 'until')
    if (requests && (since !== undefined || until !== undefined || contact !== undefined || run.values.failed === true)) {
      throw new UsageError('--request names the deliveries itself: it goes without --since, --until, --contact and --failed')
    }
    return withCore(run, async (core) => {
      const target = await targetId(core, stringOption(run.values.target))
      const result = await core.call('forward.replay', {
        ...(target === undefined ? {} : { targetId: target }),
        ...(requests ? { requestIds: requests } : {}),
        ...(since === undefined ? {} : { since }),
        ...(until === undefined ? {} : { until }),
        ...(contact === undefined ? {} : { contact }),
        ...(run.values.failed === true ? { failuresOnly: true } : {}),
      })
      if (run.values.json) run.io.stdout.write(terminalJson(result) + '\n')
      else run.io.stdout.write(`Queued ${result.queued} deliver${result.queued === 1 ? 'y' : 'ies'} for ${result.targets} target${result.targets === 1 ? '' : 's'}\n`)
      return exitCodes.ok
    })
  },
}

export const forwardRetryCommand: Command = {
  name: 'forward retry',
  summary: 'Try now: resume a paused target and send again what was given up on',
  options: {
    target: { type: 'string', valueName: 'ID|URL', description: 'Only this target (default: every target of the profile)' },
    json: { type: 'boolean', description: 'Print JSON (an array of targets)' },
  },
  async run(run) {
    return withCore(run, async (core) => {
      const target = await targetId(core, stringOption(run.values.target))
      const { targets } = await core.call('forward.retry', target === undefined ? {} : { targetId: target })
      printStatus(run, targets)
      return exitCodes.ok
    })
  },
}
