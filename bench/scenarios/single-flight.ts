import { join } from 'node:path'
import type { CoreServices } from '../../src/main/core'
import { startChild } from '../support/child-process'
import { benchCore } from '../support/bench-core'
import type { BenchContext } from '../support/context'
import { ms, num, ratio } from '../support/format'
import { figure, goal, type ScenarioResult } from '../support/results'

const SENDS = 1000
const WARMUP = 100
const MINUTE = 60_000

interface MetaStandIn {
  url: string
  appId: string
  appSecret: string
  phoneNumberId: string
  wabaId: string
  systemUserId: string
  adminToken: string
  accessToken: string
}

interface Counts {
  mint: number
  exchange: number
  debugToken: number
  sends: number
}

/** A text send through the token service, as the composer sends. */
function send(core: CoreServices, profileId: string, n: number) {
  return core.tokens.withToken(profileId, async ({ graph, token, proof, profile }) => {
    const response = await graph.post(`${profile.phoneNumberId}/messages`, {
      token,
      appSecretProof: proof,
      json: { messaging_product: 'whatsapp', recipient_type: 'individual', to: String(4915200000000 + n), type: 'text', text: { body: `Bench message ${n}` } },
    })
    return response.data as { messages?: { id: string }[] }
  })
}

async function burst(core: CoreServices, profileId: string, offset: number): Promise<{ ms: number; ok: number }> {
  const started = performance.now()
  const results = await Promise.allSettled(Array.from({ length: SENDS }, (_, i) => send(core, profileId, offset + i)))
  const elapsed = performance.now() - started
  return { ms: elapsed, ok: results.filter((r) => r.status === 'fulfilled' && r.value.messages?.[0]?.id.startsWith('wamid.')).length }
}

/**
 * Scenario 3: 1,000 sends at once with a token that has just expired. The token service must
 * send exactly one refresh to Meta and let every send through once it is back; the reference is
 * the same burst with a valid token. "Meta" is the sandbox in its own process behind a counting proxy.
 */
export async function singleFlightScenario(context: BenchContext): Promise<Omit<ScenarioResult, 'seconds'>> {
  const run = Date.now().toString(36)
  const meta = await startChild<MetaStandIn>(context.distDir, 'meta-stand-in', { args: [join(context.workDir, `meta-${run}`)] })
  const core = await benchCore(context, `single-flight-${run}`, meta.ready.url)
  try {
    const { id } = await core.call('profiles.create', { name: 'prod-like' })
    await core.call('profiles.save', {
      id,
      settings: { phoneNumberId: meta.ready.phoneNumberId, wabaId: meta.ready.wabaId, systemUserId: meta.ready.systemUserId },
      secrets: { appId: meta.ready.appId, appSecret: meta.ready.appSecret, accessToken: meta.ready.accessToken, adminToken: meta.ready.adminToken },
    })
    await core.call('token.inspect', { profileId: id })
    await Promise.all(Array.from({ length: WARMUP }, (_, i) => send(core, id, i)))

    const reference = await burst(core, id, 10_000)
    context.log(`  valid token: ${num(reference.ms)} ms for ${SENDS} sends`)
    const before = await meta.request<Counts>({ command: 'counts' })
    // The sandbox's tokens live 5 minutes: ten minutes on, every send meets error 190.
    await meta.request({ command: 'advance', ms: 10 * MINUTE })
    const expired = await burst(core, id, 20_000)
    const after = await meta.request<Counts>({ command: 'counts' })
    context.log(`  expired token: ${num(expired.ms)} ms`)
    const refreshes = after.mint - before.mint + (after.exchange - before.exchange)
    const log = await core.call('token.log', { profileId: id, limit: 20 })
    const onExpiry = log.entries.filter((entry) => entry.trigger === 'on_190')
    const share = expired.ms / reference.ms
    return {
      id: 3,
      title: 'Single flight: 1,000 sends, expired token',
      workload: `${num(SENDS)} concurrent text sends through the token service (withToken → Graph client) with a token that expired a moment ago: each meets Graph error 190 and waits for one recovery (mint a new system-user token, check it with debug_token, save it to the keychain), then is sent again. Sandbox "Meta" in its own process behind a counting proxy; ${WARMUP} warm-up sends first.`,
      reference: `The same ${num(SENDS)} concurrent sends with a valid token, same core, same sandbox, same run.`,
      figures: [
        figure('refreshRequests', 'refresh requests that reached Meta', refreshes, ''),
        figure('expiredMs', 'total time, expired token', expired.ms, 'ms'),
        figure('referenceMs', 'total time, valid token (reference)', reference.ms, 'ms'),
        figure('sendsOk', 'sends that succeeded (expired token)', expired.ok, `of ${num(SENDS)}`),
        figure('referenceSendsOk', 'sends that succeeded (valid token)', reference.ok, `of ${num(SENDS)}`),
        figure('sendRequests', 'send requests that reached Meta (expired run)', after.sends - before.sends, ''),
      ],
      goals: [
        goal('exactly 1 refresh', `${refreshes} (refresh log: ${onExpiry.length} on_190 entr${onExpiry.length === 1 ? 'y' : 'ies'})`, refreshes === 1 && expired.ok === SENDS),
        goal('≤ 2 × reference time', `${ratio(share)} (${ms(expired.ms, 0)} vs ${ms(reference.ms, 0)})`, share <= 2),
      ],
      notes: expired.ok === SENDS ? [] : [`${SENDS - expired.ok} sends failed after the refresh.`],
    }
  } finally {
    await core.close()
    await meta.stop()
  }
}
