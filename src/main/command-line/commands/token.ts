import { resolve } from 'node:path'
import { refreshStrategies, refreshStrategyLabels, tokenKindLabels, type RefreshLogEntryView, type RefreshStrategy, type TokenStatus } from '@shared/contract'
import { exitCodes, UsageError, type Command } from '../command'
import { listOptions, printList } from '../list-output'
import { withCore } from '../open-core'
import { limitOption, stringOption } from '../options'
import { existingProfile } from '../profile-target'

const when = (ms: number | null): string => (ms === null ? '—' : ms === 0 ? 'never' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC')

function formatStatus(status: TokenStatus): string {
  const i = status.inspection
  const lines = [
    `Profile: ${status.profileName}`,
    `  State          ${status.state.replace('_', ' ')}`,
    ...(i
      ? [
          `  Type           ${tokenKindLabels[i.kind]}`,
          `  Expires        ${when(i.expiresAt)}${i.expiresAt ? ` (${relative(i.expiresAt - status.now)})` : ''}`,
          `  App            ${i.application ?? '—'} (${i.appId ?? '—'})`,
          `  Scopes         ${i.scopes.join(', ') || '—'}`,
          `  Inspected      ${when(i.inspectedAt)}`,
        ]
      : []),
    `  Refresh        ${status.strategies.length ? status.strategies.map((s) => refreshStrategyLabels[s]).join('; or ') : 'none supported for this token'}`,
    ...(status.nextRefreshAt ? [`  Next refresh   ${when(status.nextRefreshAt)}`] : []),
    ...(status.lastRefresh ? [`  Last refresh   ${when(status.lastRefresh.at)} ${status.lastRefresh.strategy} ${status.lastRefresh.outcome}`] : []),
    ...(i?.problems.map((p) => `  Warning        ${p}`) ?? []),
  ]
  if (status.needsAction) lines.push('', `Action needed: ${status.needsAction.message}`, `  ${status.needsAction.fix}`)
  if (status.lastError) lines.push('', `Last error: ${status.lastError.message}`)
  return lines.join('\n') + '\n'
}

function relative(ms: number): string {
  const abs = Math.abs(ms)
  const text = abs < 3_600_000 ? `${Math.round(abs / 60_000)} min` : abs < 172_800_000 ? `${Math.round(abs / 3_600_000)} h` : `${Math.round(abs / 86_400_000)} days`
  return ms >= 0 ? `in ${text}` : `${text} ago`
}

function formatEntry(e: RefreshLogEntryView): string {
  const error = e.errorCode !== null ? ` Graph ${e.errorCode}${e.errorSubcode ? `/${e.errorSubcode}` : ''}: ${e.errorMessage ?? ''}` : e.errorMessage ? ` ${e.errorMessage}` : ''
  return `${when(e.at)}  ${e.trigger.padEnd(9)}  ${e.strategy.padEnd(20)}  ${e.outcome.padEnd(7)}  ${when(e.oldExpiresAt)} → ${when(e.newExpiresAt)}  ${e.durationMs} ms${error}${e.note ? `  (${e.note})` : ''}`
}

export const tokenStatusCommand: Command = {
  name: 'token status',
  summary: 'Show the access token\'s state, kind, expiry and what to do about it (asks Graph)',
  options: { json: { type: 'boolean', description: 'Print JSON' } },
  details: 'Exit code 0 when the token is valid, 1 when it is expired, invalid or missing (for cron checks).',
  async run(run) {
    return withCore(run, async (core) => {
      const profile = await existingProfile(core, run)
      const status = await core.call('token.inspect', { profileId: profile.id })
      run.io.stdout.write(run.values.json ? JSON.stringify(status, null, 2) + '\n' : formatStatus(status))
      return status.state === 'valid' || status.state === 'expiring_soon' ? exitCodes.ok : exitCodes.failure
    })
  },
}

export const tokenRefreshCommand: Command = {
  name: 'token refresh',
  summary: 'Refresh the access token now, store it in the keychain and write it to the .env sync targets',
  options: {
    strategy: { type: 'string', valueName: 'NAME', description: `auto (default) or one of: ${refreshStrategies.join(', ')}` },
    'write-env': { type: 'string', valueName: 'FILE', description: 'Also write the new token into this .env file (only its line changes)' },
    json: { type: 'boolean', description: 'Print the log entry as JSON' },
  },
  details: `
For cron jobs that keep an existing app's .env fresh, e.g. daily:
  switchboard token refresh --profile production --write-env /srv/bot/.env
Exit code 0 on success, 1 when the refresh failed, gained nothing (the new token expires no later than
the old one, which is kept) or was not possible (the reason is printed).`,
  async run(run) {
    const strategy = stringOption(run.values.strategy) ?? 'auto'
    if (strategy !== 'auto' && !(refreshStrategies as readonly string[]).includes(strategy)) {
      throw new UsageError(`--strategy takes auto or one of ${refreshStrategies.join(', ')}`)
    }
    return withCore(run, async (core) => {
      const profile = await existingProfile(core, run)
      const writeEnv = stringOption(run.values['write-env'])
      const { entry } = await core.call('token.refresh', {
        profileId: profile.id,
        strategy: strategy as 'auto' | RefreshStrategy,
        trigger: 'cli',
        ...(writeEnv ? { writeEnv: resolve(writeEnv) } : {}),
      })
      if (run.values.json) run.io.stdout.write(JSON.stringify(entry, null, 2) + '\n')
      else run.io.stdout.write(formatEntry(entry) + '\n')
      return entry.outcome === 'success' ? exitCodes.ok : exitCodes.failure
    })
  },
}

export const tokenLogCommand: Command = {
  name: 'token log',
  summary: 'Show the refresh log, newest first',
  options: {
    ...listOptions('Print JSON', 'How many entries (default 50, at most 500)'),
  },
  async run(run) {
    const limit = limitOption(run.values.limit, 50, 500)
    return withCore(run, async (core) => {
      const profile = await existingProfile(core, run)
      const { entries } = await core.call('token.log', { profileId: profile.id, limit })
      printList(run, entries, formatEntry, 'No refresh attempts yet.')
      return exitCodes.ok
    })
  },
}
