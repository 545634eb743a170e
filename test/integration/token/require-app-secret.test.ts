import { afterEach, describe, expect, it } from 'vitest'
import { SwitchboardError } from '../../../src/shared/contract'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'

/**
 * An app with "Require App Secret" on: Meta refuses user and system-user calls without
 * appsecret_proof (code 100). Switchboard says so in plain words and offers the fix.
 */
describe('an app that requires the app secret', () => {
  let s: SandboxCore
  afterEach(() => s.core.close())

  it('is recognised by the connection test, explained on a failed send, and fixed by turning the proof on', async () => {
    s = await sandboxCore()
    await s.core.call('sandbox.setRequireAppSecret', { on: true })

    const test = await s.core.call('profiles.testConnection', { id: s.profileId })
    expect(test.appSecretProofRequired).toBe(true)
    expect(test.phoneError?.graph).toMatchObject({ code: 100 })
    expect(test.phoneError?.graph?.hint).toMatch(/Require App Secret.*--appsecret-proof on/)

    const send = s.core.call('composer.send', { to: '+14155550123', message: { kind: 'text', body: 'hello' } })
    await expect(send).rejects.toBeInstanceOf(SwitchboardError)
    await expect(send).rejects.toMatchObject({ graph: { code: 100, hint: expect.stringMatching(/turn on “Send appsecret_proof” in Settings/) as string } })

    await s.core.call('profiles.save', { id: s.profileId, settings: { appSecretProof: true } })
    const fixed = await s.core.call('profiles.testConnection', { id: s.profileId })
    expect(fixed).toMatchObject({ appSecretProofRequired: false, phoneError: null })
    const sent = await s.core.call('composer.send', { to: '+14155550123', message: { kind: 'template', name: 'hello_world', language: 'en_US' } })
    expect(sent.message.wamid).toMatch(/^wamid\./)
  })
})
