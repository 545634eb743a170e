import type { CoreConfig, CoreServices } from '../../src/main/core'
import { testCore } from './core'
import { sample } from './secrets'
import { sign } from './signing'

export interface WebhookHarness {
  core: CoreServices
  url: string
  port: number
  appSecret: string
  verifyToken: string
  post(body: unknown, options?: { secret?: string; signature?: string | null; raw?: string | Buffer }): Promise<{ status: number; text: string }>
  close(): Promise<void>
}

export { sign } from './signing'

/** A core with an active profile (secrets in the real keychain) and its webhook listener on a free port. */
export async function webhookHarness(options: { dataDir?: string; config?: Partial<CoreConfig> } = {}): Promise<WebhookHarness> {
  const core = await testCore({ ...options.config, ...(options.dataDir ? { dataDir: options.dataDir } : {}) })
  if (!core.profiles.active()) {
    const { id } = await core.call('profiles.create', { name: `hooks-${Math.random().toString(36).slice(2, 8)}` })
    await core.call('profiles.save', { id, secrets: { appSecret: sample.appSecret, verifyToken: sample.verifyToken } })
    await core.active.reload()
  }
  const state = await core.webhook.start(0)
  const url = state.url!
  return {
    core,
    url,
    port: state.port!,
    appSecret: sample.appSecret,
    verifyToken: sample.verifyToken,
    async post(body, postOptions = {}) {
      const raw = postOptions.raw ?? JSON.stringify(body)
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      const signature = postOptions.signature === undefined ? sign(raw, postOptions.secret ?? sample.appSecret) : postOptions.signature
      if (signature !== null) headers['x-hub-signature-256'] = signature
      const response = await fetch(url, { method: 'POST', headers, body: typeof raw === 'string' ? raw : new Uint8Array(raw) })
      return { status: response.status, text: await response.text() }
    },
    async close() {
      await core.close()
    },
  }
}
