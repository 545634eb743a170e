import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { keytarKeychain, Vault } from '../../../src/main/core/secrets'
import { Redactor } from '../../../src/main/core/log'
import { sample } from '../../support/secrets'

const profileId = () => `prf_test_${randomBytes(4).toString('hex')}`

describe('vault on the real Secret Service (gnome-keyring)', () => {
  const redactor = new Redactor()
  const vault = new Vault(keytarKeychain(), redactor)
  const raw = keytarKeychain()

  it('reports the keychain as available', async () => {
    await expect(vault.status()).resolves.toMatchObject({ state: 'available' })
  })

  it('saves, reads back, replaces and removes secrets, one keychain account per profile and field', async () => {
    const id = profileId()
    await vault.save(id, { accessToken: sample.accessToken, appSecret: sample.appSecret })
    expect(await raw.get(`${id}/accessToken`)).toBe(sample.accessToken)
    expect(await raw.get(`${id}/appSecret`)).toBe(sample.appSecret)
    expect(await vault.load(id)).toEqual({ accessToken: sample.accessToken, appSecret: sample.appSecret })

    const replaced = `${sample.accessToken.slice(0, -4)}NEW1`
    await vault.save(id, { accessToken: replaced, appSecret: null })
    expect(await vault.load(id)).toEqual({ accessToken: replaced })
    expect(await raw.get(`${id}/appSecret`)).toBeNull()

    await vault.deleteAll(id)
    expect(await vault.load(id)).toEqual({})
  })

  it('keeps several profiles side by side', async () => {
    const a = profileId()
    const b = profileId()
    await vault.save(a, { verifyToken: 'verify-token-a' })
    await vault.save(b, { verifyToken: 'verify-token-b' })
    expect((await vault.load(a)).verifyToken).toBe('verify-token-a')
    expect((await vault.load(b)).verifyToken).toBe('verify-token-b')
    await vault.deleteAll(a)
    expect((await vault.load(b)).verifyToken).toBe('verify-token-b')
    await vault.deleteAll(b)
  })

  it('sees a value another process stored (no stale cache on load)', async () => {
    const id = profileId()
    await vault.save(id, { accessToken: sample.accessToken })
    await raw.set(`${id}/accessToken`, sample.adminToken)
    expect((await vault.load(id)).accessToken).toBe(sample.adminToken)
    await vault.deleteAll(id)
  })

  it('registers loaded secrets with the redactor', async () => {
    const id = profileId()
    await vault.save(id, { verifyToken: 'plain-verify-token-xyz' })
    expect(redactor.redact('hub.verify=plain-verify-token-xyz')).not.toContain('plain-verify-token-xyz')
    await vault.deleteAll(id)
  })
})
