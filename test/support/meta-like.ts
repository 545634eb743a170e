import { join } from 'node:path'
import { ManualClock, type CoreServices } from '../../src/main/core'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/main/core/sandbox'
import { testCore } from './core'
import { countingProxy, type CountingProxy } from './counting-proxy'
import { tempDir } from './temp'

export interface MetaLike {
  core: CoreServices
  sandbox: Sandbox
  proxy: CountingProxy
  clock: ManualClock
  profileId: string
  close(): Promise<void>
}

/**
 * A production-like profile (kind `meta`) whose Graph base URL is a counting proxy in front of the
 * sandbox: tests can prove what did, or did not, reach "Meta".
 */
export async function metaLike(sandboxOptions: Partial<SandboxOptions> = {}): Promise<MetaLike> {
  const clock = new ManualClock(Date.now())
  const dataDir = tempDir()
  const sandbox = await startSandbox({ dataDir: join(dataDir, 'meta'), clock, customers: false, quirks: false, ...sandboxOptions })
  const proxy = await countingProxy(sandbox.url)
  const core = await testCore({ dataDir, clock, graphBaseUrl: proxy.url })
  const { id } = await core.call('profiles.create', { name: 'prod-like' })
  await core.call('profiles.save', {
    id,
    settings: { phoneNumberId: sandbox.phoneNumbers[0]!.id, wabaId: sandbox.wabaId, systemUserId: sandbox.systemUserId },
    secrets: { appId: sandbox.app.id, appSecret: sandbox.app.secret, accessToken: sandbox.currentToken(), adminToken: sandbox.adminToken },
  })
  await core.active.reload()
  return {
    core,
    sandbox,
    proxy,
    clock,
    profileId: id,
    async close() {
      await core.close()
      await sandbox.close()
      await proxy.close()
    },
  }
}
