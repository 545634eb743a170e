import { afterEach } from 'vitest'
import { ManualClock } from '../../../../src/main/core/clock'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../../src/main/core/sandbox'
import { tempDir } from '../../../support/core'
import { GraphClient } from './graph-client'
import { WebhookReceiver } from './webhook-receiver'

export interface SandboxFixture {
  sandbox: Sandbox
  clock: ManualClock
  graph: GraphClient
  dataDir: string
  token: string
}

const open: { close(): Promise<void> }[] = []

/** Closes every sandbox and receiver a test opened, even when it failed. */
export function closeAfterEach(): void {
  afterEach(async () => {
    while (open.length > 0) await open.pop()!.close()
  })
}

/** A seeded sandbox on a manual clock with customers and quirks off, unless a test turns them on. */
export async function testSandbox(options: Partial<SandboxOptions> = {}): Promise<SandboxFixture> {
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock()
  const dataDir = options.dataDir ?? tempDir('switchboard-sandbox-')
  const sandbox = await startSandbox({ seed: 7, customers: false, quirks: false, ...options, dataDir, clock })
  open.push(sandbox)
  return { sandbox, clock, graph: new GraphClient(sandbox.url, 'v25.0', sandbox.controlKey), dataDir, token: sandbox.issueToken('system_user_never').token }
}

export async function receiver(verifyToken?: string): Promise<WebhookReceiver> {
  const started = await WebhookReceiver.start(verifyToken)
  open.push(started)
  return started
}

/** Registers the app callback the way an operator does: `POST /{app-id}/subscriptions` with the app token. */
export async function subscribeApp(fixture: SandboxFixture, target: WebhookReceiver): Promise<void> {
  const { sandbox, graph } = fixture
  const result = await graph.post(
    `/${sandbox.app.id}/subscriptions`,
    { object: 'whatsapp_business_account', callback_url: target.url, verify_token: target.verifyToken, fields: 'messages' },
    `${sandbox.app.id}|${sandbox.app.secret}`,
    { form: true },
  )
  if (result.status !== 200) throw new Error(`subscription failed: ${JSON.stringify(result.body)}`)
}

/** Advances simulated time and waits until every webhook POST it caused has been answered. */
export async function advance(fixture: SandboxFixture, ms: number): Promise<void> {
  fixture.clock.advance(ms)
  await fixture.sandbox.whenIdle()
}
