import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreServices } from '../../../src/main/core'
import { keytarKeychain } from '../../../src/main/core/secrets'
import { tempDir, testCore } from '../../support/core'
import { filesContaining, sample } from '../../support/secrets'

describe('profiles with the real keychain', () => {
  let core: CoreServices
  afterEach(() => core.close())

  it('creates, renames, activates and deletes profiles; the first becomes active', async () => {
    core = await testCore()
    const production = await core.call('profiles.create', { name: 'production' })
    const staging = await core.call('profiles.create', { name: 'staging' })
    let list = await core.call('profiles.list')
    expect(list.activeId).toBe(production.id)
    expect(list.keychain.state).toBe('available')
    expect((await core.call('app.info')).profile).toBe('production')

    await core.call('profiles.activate', { id: staging.id })
    await core.call('profiles.rename', { id: staging.id, name: 'Staging EU' })
    list = await core.call('profiles.list')
    expect(list.profiles.map((p) => [p.name, p.active])).toEqual([
      ['production', false],
      ['Staging EU', true],
    ])
    await expect(core.call('profiles.create', { name: 'PRODUCTION' })).rejects.toMatchObject({ code: 'conflict' })

    await core.call('profiles.delete', { id: staging.id })
    list = await core.call('profiles.list')
    expect(list.profiles.map((p) => p.name)).toEqual(['production'])
    expect(list.activeId).toBe(production.id)
  })

  it('stores secrets only in the keychain, shows them masked, and removes them with the profile', async () => {
    core = await testCore()
    const profile = await core.call('profiles.create', { name: 'prod' })
    const saved = await core.call('profiles.save', {
      id: profile.id,
      settings: { phoneNumberId: '1098765432', wabaId: '2098765432' },
      secrets: { ...sample, ngrokAuthtoken: '2abcDEFghiJKLmnoPQRstuVWX_1234567890abcdefGH' },
    })
    expect(saved.profile.secrets.ngrokAuthtoken).toEqual({ state: 'set', masked: '2a…GH' })
    expect(saved.warnings).toEqual([])
    expect(saved.profile.appId).toBe(sample.appId)
    expect(saved.profile.secrets.accessToken).toEqual({ state: 'set', masked: `${sample.accessToken.slice(0, 2)}…${sample.accessToken.slice(-2)}` })
    expect(saved.profile.settings.phoneNumberId).toBe('1098765432')

    const keychain = keytarKeychain()
    expect(await keychain.get(`${profile.id}/accessToken`)).toBe(sample.accessToken)
    const dir = core.context.config.dataDir
    await core.close()
    expect(filesContaining(dir, Object.values(sample).filter((v) => v !== sample.appId))).toEqual([])

    core = await testCore({ dataDir: dir })
    await core.call('profiles.delete', { id: profile.id })
    for (const field of ['appId', 'appSecret', 'accessToken', 'verifyToken', 'adminToken', 'ngrokAuthtoken']) {
      expect(await keychain.get(`${profile.id}/${field}`)).toBeNull()
    }
  })

  it('validates on save: IDs are digits (blocking), token and secret shapes warn, app tokens are refused', async () => {
    core = await testCore()
    const { id } = await core.call('profiles.create', { name: 'p' })
    await expect(core.call('profiles.save', { id, settings: { phoneNumberId: '12ab' } })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { 'settings.phoneNumberId': expect.stringContaining('digits') as string },
    })
    const odd = await core.call('profiles.save', { id, secrets: { accessToken: 'not-a-graph-token-at-all', appSecret: 'XYZ' } })
    expect(odd.warnings.map((w) => w.field)).toEqual(['accessToken', 'appSecret'])
    await expect(core.call('profiles.save', { id, secrets: { accessToken: `${sample.appId}|abcdefABCDEF123456` } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('app token') as string,
    })
  })

  it('imports a .env after a masked preview, and remembers it as a sync target', async () => {
    core = await testCore()
    const file = join(tempDir(), '.env')
    writeFileSync(
      file,
      `# bot\nexport WHATSAPP_TOKEN="${sample.accessToken}"\r\nWHATSAPP_APP_SECRET=${sample.appSecret}\nPHONE_NUMBER_ID=1234567\nWABA_ID=7654321\nPORT=3000\n`,
    )
    const preview = await core.call('envImport.preview', { path: file })
    expect(JSON.stringify(preview)).not.toContain(sample.accessToken)
    expect(JSON.stringify(preview)).not.toContain(sample.appSecret)
    expect(preview.recognised.map((r) => [r.variable, r.shown])).toEqual([
      ['WHATSAPP_TOKEN', 'EA…Qz'],
      ['WHATSAPP_APP_SECRET', '0f…f0'],
      ['PHONE_NUMBER_ID', '1234567'],
      ['WABA_ID', '7654321'],
    ])
    expect(preview.unrecognised).toEqual(['PORT'])
    expect((await core.call('profiles.list')).profiles).toEqual([])

    const profile = await core.call('envImport.apply', { previewId: preview.previewId, target: { newProfileName: 'imported' }, rememberAsSyncTarget: true })
    expect(profile.name).toBe('imported')
    expect(profile.settings).toMatchObject({ phoneNumberId: '1234567', wabaId: '7654321' })
    expect(profile.secrets.accessToken.state).toBe('set')
    expect(profile.envTargets).toEqual([{ path: file, variable: 'WHATSAPP_TOKEN' }])
    await expect(core.call('envImport.apply', { previewId: preview.previewId, target: { profileId: profile.id }, rememberAsSyncTarget: false })).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('says precisely why a .env path cannot be read', async () => {
    core = await testCore()
    await expect(core.call('envImport.preview', { path: '/nonexistent/.env' })).rejects.toMatchObject({ code: 'not_found', message: '/nonexistent/.env does not exist' })
    await expect(core.call('envImport.preview', { path: tempDir() })).rejects.toMatchObject({ message: expect.stringContaining('is not a file') as string })
  })
})
