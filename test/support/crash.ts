import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { sample } from './secrets'
import { startServe } from './serve'
import { inbound } from './webhook-payloads'
import { sign } from './webhook'

/**
 * Durability under a crash: every delivery that got its 200 must be in the store after the
 * process is killed without warning (no shutdown hook runs on SIGKILL).
 */
export async function ackedThenKilled(dataDir: string, options: { concurrency: number; killAfterAcks: number; serveArgs?: string[] }): Promise<Set<string>> {
  const serve = await startServe(['--data-dir', dataDir, '--port', '0', '--webhook-port', '0', ...(options.serveArgs ?? [])])
  const acked = new Set<string>()
  let stop = false
  let sequence = 0
  const worker = async () => {
    while (!stop) {
      const body = inbound(`49151${String(sequence % 50).padStart(8, '0')}`, 'Load', { type: 'text', text: { body: `load ${sequence}` } }) as {
        entry: { changes: { value: { messages: { id: string }[] } }[] }[]
      }
      sequence++
      const id = body.entry[0]!.changes[0]!.value.messages[0]!.id
      const raw = JSON.stringify(body)
      try {
        const response = await fetch(serve.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw, sample.appSecret) }, body: raw })
        if (response.status === 200) acked.add(id)
        await response.arrayBuffer()
      } catch {
        // The process died mid-request: not acknowledged, so not owed.
      }
      if (acked.size >= options.killAfterAcks && !stop) {
        stop = true
        serve.child.kill('SIGKILL')
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  await serve.stop()
  return acked
}

/**
 * Every message id the store holds durably: filed into the inbox, or acknowledged during a burst
 * and still waiting in its raw request to be filed (the next start files those).
 */
export function storedWamids(dataDir: string): Set<string> {
  const db = new DatabaseSync(join(dataDir, 'switchboard.db'))
  try {
    const ids = new Set((db.prepare('SELECT wamid FROM messages').all() as { wamid: string }[]).map((row) => row.wamid))
    for (const { body } of db.prepare('SELECT body FROM webhook_requests WHERE inbox_pending = 1').all() as { body: string }[]) {
      for (const id of wamidsIn(body)) ids.add(id)
    }
    return ids
  } finally {
    db.close()
  }
}

/** Message ids filed into the inbox only (not those waiting in the backlog). */
export function filedWamids(dataDir: string): Set<string> {
  const db = new DatabaseSync(join(dataDir, 'switchboard.db'))
  try {
    return new Set((db.prepare('SELECT wamid FROM messages').all() as { wamid: string }[]).map((row) => row.wamid))
  } finally {
    db.close()
  }
}

function wamidsIn(body: string): string[] {
  const delivery = JSON.parse(body) as { entry?: { changes?: { value?: { messages?: { id: string }[] } }[] }[] }
  return (delivery.entry ?? []).flatMap((entry) => (entry.changes ?? []).flatMap((change) => (change.value?.messages ?? []).map((message) => message.id)))
}
