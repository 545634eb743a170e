import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../support/temp'
import { sample } from '../support/secrets'
import { expect, test } from './fixtures'

test.describe('settings', () => {
  test('creates a profile, fills the form with inline validation, and saves secrets masked', async ({ app }) => {
    await app.keyboard.press('Control+5')
    await expect(app.getByTestId('keychain-state')).toHaveText(/OS keychain available/)
    await expect(app.getByText('No profiles yet')).toBeVisible()

    await app.getByLabel('New profile name').fill('production')
    await app.getByRole('button', { name: 'Create' }).click()
    const editor = app.getByRole('region', { name: 'Profile production' })
    await expect(editor.getByRole('heading', { name: /production/ })).toBeVisible()
    await expect(app.getByTestId('active-profile')).toHaveText('Profile: production')

    await editor.getByLabel('Phone number ID').fill('12ab')
    await expect(editor.getByText('Use digits only')).toBeVisible()
    await expect(editor.getByRole('button', { name: 'Save' })).toBeDisabled()
    await editor.getByLabel('Phone number ID').fill('106540352242922')
    await editor.getByLabel('WABA ID').fill('102290129340398')
    await editor.getByLabel('App ID').fill(sample.appId)

    await editor.getByRole('button', { name: 'Set Access token' }).click()
    await editor.getByLabel('Access token', { exact: true }).fill('hello')
    await expect(editor.getByText('does not look like a Graph access token')).toBeVisible()
    await editor.getByLabel('Access token', { exact: true }).fill(sample.accessToken)
    await editor.getByRole('button', { name: 'Set App secret' }).click()
    await editor.getByLabel('App secret', { exact: true }).fill(sample.appSecret)

    await app.keyboard.press('Control+s')
    await expect(editor.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
    await expect(editor.getByText('EA…Qz')).toBeVisible()
    await expect(editor.getByText('0f…f0')).toBeVisible()
    await expect(editor.getByLabel('Phone number ID')).toHaveValue('106540352242922')
    expect(await app.content()).not.toContain(sample.accessToken)
  })

  test('imports a .env: masked preview, unrecognised names listed, saved only on confirmation', async ({ app }) => {
    const file = join(tempDir(), '.env')
    writeFileSync(
      file,
      `# my bot\r\nexport WHATSAPP_TOKEN="${sample.accessToken}"\r\nWHATSAPP_APP_SECRET=${sample.appSecret}\r\nPHONE_NUMBER_ID=106540352242922\r\nVERIFY_TOKEN='${sample.verifyToken}'\r\nPORT=3000\r\n`,
    )
    await app.keyboard.press('Control+5')
    await app.getByRole('button', { name: 'Import from .env…' }).click()
    const dialog = app.getByRole('dialog', { name: 'Import from .env' })
    await dialog.getByLabel('Path to .env file').fill(file)
    await dialog.getByRole('button', { name: 'Read file' }).click()
    const preview = dialog.getByRole('table')
    await expect(preview.getByRole('row', { name: /Access token EA…Qz WHATSAPP_TOKEN/ })).toBeVisible()
    await expect(preview.getByRole('row', { name: /Verify token ve…81 VERIFY_TOKEN/ })).toBeVisible()
    await expect(preview.getByRole('row', { name: /Phone number ID 106540352242922/ })).toBeVisible()
    await expect(dialog.getByText('Not recognised, left alone: PORT')).toBeVisible()
    expect(await app.content()).not.toContain(sample.accessToken)

    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(app.getByText('No profiles yet')).toBeVisible()

    await app.getByRole('button', { name: 'Import .env…' }).click()
    await dialog.getByLabel('Path to .env file').fill(file)
    await dialog.getByRole('button', { name: 'Read file' }).click()
    await dialog.getByLabel('New profile name').fill('imported')
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(dialog).toBeHidden()
    const editor = app.getByRole('region', { name: 'Profile imported' })
    await expect(editor.getByText('EA…Qz')).toBeVisible()
    await expect(editor.getByText(file)).toBeVisible()
    await expect(editor.getByLabel('Phone number ID')).toHaveValue('106540352242922')
  })
})
