import { afterEach, describe, expect, it } from 'vitest'
import { countingProxy, type CountingProxy } from '../../support/counting-proxy'
import { metaLike, type MetaLike } from '../../support/meta-like'
import { sample } from '../../support/secrets'
import { GraphClient } from '../sandbox/helpers/graph-client'
import { WebhookReceiver } from '../sandbox/helpers/webhook-receiver'

describe('registering a production profile', () => {
  let meta: MetaLike
  let tunnel: CountingProxy
  let production: WebhookReceiver

  afterEach(async () => {
    await meta.close()
    await tunnel.close()
    await production.close()
  })

  it("reroutes only the number through its override: the app's production callback is never touched", async () => {
    meta = await metaLike()
    const { core, sandbox, proxy } = meta
    const phoneId = sandbox.phoneNumbers[0]!.id
    const graph = new GraphClient(sandbox.url)
    const appToken = `${sandbox.app.id}|${sandbox.app.secret}`
    production = await WebhookReceiver.start('production-verify-token')
    const subscribed = await graph.post(
      `/${sandbox.app.id}/subscriptions`,
      { object: 'whatsapp_business_account', callback_url: production.url, verify_token: production.verifyToken, fields: 'messages' },
      appToken,
      { form: true },
    )
    expect(subscribed.status).toBe(200)
    const before = await graph.get(`/${sandbox.app.id}/subscriptions`, {}, appToken)

    await core.call('profiles.save', { id: meta.profileId, secrets: { verifyToken: sample.verifyToken } })
    await core.active.reload()
    const listener = await core.webhook.start(0)
    tunnel = await countingProxy(`http://127.0.0.1:${listener.port}`)
    core.tunnel.configure({ allowHttpLoopback: true })
    expect((await core.call('tunnel.start', { provider: 'manual', url: tunnel.url })).state).toBe('online')

    const result = await core.call('registration.register', {})
    expect(result.health).toMatchObject({ effective: { level: 'phone_number', url: `${tunnel.url}/webhook` }, destinations: { app: production.url } })
    await core.call('tunnel.stop')

    const phonePosts = new RegExp(`^POST /v\\d+\\.\\d+/${phoneId}$`)
    expect(proxy.count(phonePosts)).toBe(2)
    expect(proxy.count(/^(POST|DELETE) \/v\d+\.\d+\/\d+\/subscriptions$/)).toBe(0)
    expect((await graph.get(`/${sandbox.app.id}/subscriptions`, {}, appToken)).body).toEqual(before.body)
    const configuration = await graph.get<{ webhook_configuration: Record<string, string> }>(`/${phoneId}`, { fields: 'webhook_configuration' }, sandbox.adminToken)
    expect(configuration.body.webhook_configuration).toEqual({ application: production.url })
  })
})
