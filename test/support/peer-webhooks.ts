import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * Real webhook bodies that other open-source projects captured from Meta, read from
 * `process.env.PEER_WEBHOOKS` or `../shared/peer-webhooks/` beside the repository (never copied
 * into it). The sources reuse ids such as `wamid.ID` across files, so each file's message ids get
 * a suffix of their own (references inside one file stay consistent).
 */

export interface PeerWebhook {
  file: string
  body: Record<string, unknown>
}

type Json = Record<string, unknown>

const projectRoot = resolve(import.meta.dirname, '..', '..')

export function peerWebhookDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PEER_WEBHOOKS ? resolve(env.PEER_WEBHOOKS) : resolve(projectRoot, '..', 'shared', 'peer-webhooks')
}

export function loadPeerWebhooks(): { bodies: PeerWebhook[]; skipReason: string | null } {
  const dir = peerWebhookDir()
  if (!existsSync(dir)) return { bodies: [], skipReason: `the peer webhook bodies are not at ${dir} (set PEER_WEBHOOKS; CI has them in ../shared/peer-webhooks/)` }
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
  return {
    bodies: files.map((file, index) => ({ file, body: uniqueIds(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json, `~${index}`) })),
    skipReason: null,
  }
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Appends `suffix` to every message id and every reference to one. */
function uniqueIds(body: Json, suffix: string): Json {
  const tag = (value: unknown) => (typeof value === 'string' ? `${value}${suffix}` : value)
  const walk = (node: unknown, key: string | null): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, key))
    if (!isObject(node)) return node
    const out: Json = {}
    for (const [name, value] of Object.entries(node)) {
      const item = ['messages', 'statuses', 'message_echoes'].includes(key ?? '')
      out[name] =
        (item && name === 'id') || name === 'original_message_id' || (key === 'context' && name === 'id') || (key === 'reaction' && name === 'message_id')
          ? tag(value)
          : walk(value, name)
    }
    return out
  }
  return walk(body, null) as Json
}

/** The items of one kind in a body (`messages`, `statuses`, `message_echoes`), with the change's field. */
export function itemsOf(body: Json, kind: 'messages' | 'statuses' | 'message_echoes'): { field: string; value: Json; item: Json }[] {
  const found: { field: string; value: Json; item: Json }[] = []
  for (const entry of (body.entry as Json[] | undefined) ?? []) {
    for (const change of (entry.changes as Json[] | undefined) ?? []) {
      const value = isObject(change.value) ? change.value : {}
      for (const item of Array.isArray(value[kind]) ? (value[kind] as unknown[]) : []) if (isObject(item)) found.push({ field: String(change.field), value, item })
    }
  }
  return found
}

/** Every change's field name. */
export function fieldsOf(body: Json): string[] {
  return ((body.entry as Json[] | undefined) ?? []).flatMap((entry) => ((entry.changes as Json[] | undefined) ?? []).map((change) => String(change.field)))
}
