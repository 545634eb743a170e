import type { ForwardTarget } from '@shared/contract'
import { formatRelative } from '../../../components'

export type HealthTone = 'ok' | 'warn' | 'danger' | 'muted'

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** A target's health in one line: "ok", "retrying 3 deliveries", "paused since 5 min. ago · next try in 20 s". */
export function healthLine(target: ForwardTarget, now: number): { text: string; tone: HealthTone } {
  const { health, counts } = target
  switch (health.state) {
    case 'disabled':
      return { text: 'off: deliveries are not forwarded', tone: 'muted' }
    case 'paused': {
      const since = health.pausedSince === null ? '' : ` since ${formatRelative(health.pausedSince, now)}`
      const next =
        health.nextProbeAt === null ? 'trying one delivery now' : health.nextProbeAt <= now ? 'next try now' : `next try in ${Math.ceil((health.nextProbeAt - now) / 1000)} s`
      return { text: `paused${since}: ${count(counts.pending, 'delivery', 'deliveries')} waiting · ${next}`, tone: 'danger' }
    }
    case 'retrying':
      return { text: `retrying ${count(counts.retrying || health.failures, 'delivery', 'deliveries')}`, tone: 'warn' }
    case 'ok':
      return { text: counts.pending > 0 ? `ok · sending ${count(counts.pending, 'delivery', 'deliveries')}` : 'ok', tone: 'ok' }
  }
}

/** The queue's totals, for the line under the health. */
export function countsLine(target: ForwardTarget): string {
  const { counts } = target
  const parts = [`${counts.delivered.toLocaleString('en')} delivered`]
  if (counts.pending > 0) parts.push(`${counts.pending.toLocaleString('en')} pending`)
  if (counts.expired > 0) parts.push(`${counts.expired.toLocaleString('en')} given up`)
  return parts.join(' · ')
}
