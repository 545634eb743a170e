import { expect, test } from './fixtures'

test.describe('browser mode shell', () => {
  test('loads with the token, shows the sidebar and takes the token out of the address bar', async ({ app, serve }) => {
    const nav = app.getByRole('navigation', { name: 'Main' })
    for (const name of ['Overview', 'Inbox', 'Compose', 'Webhooks', 'Settings']) {
      await expect(nav.getByRole('button', { name: new RegExp(`^${name}`) })).toBeVisible()
    }
    await expect(app.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
    expect(app.url()).not.toContain(serve.token)
    await expect(app.getByText('Browser mode')).toBeVisible()
    await expect(app.getByTestId('active-profile')).toHaveText('Profile: none')
  })

  test('switches screens by click and by keyboard, and keeps the screen on reload', async ({ app }) => {
    await app.getByRole('button', { name: /^Inbox/ }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible()
    await app.keyboard.press('Control+5')
    await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
    await expect(app.getByText('No profiles yet')).toBeVisible()
    await app.reload()
    await expect(app.getByTestId('connection-state')).toHaveText('Connected')
    await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
    await app.goBack()
    await expect(app.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible()
  })

  test('without the token the page says how to connect, and the server refuses the socket', async ({ page, serve }) => {
    await page.goto(`http://127.0.0.1:${serve.uiPort}/`)
    await expect(page.getByTestId('connection-state')).toContainText('open the URL printed by switchboard serve')
    const refused = await page.evaluate(async (port) => {
      return new Promise<string>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/api`, ['switchboard.v1'])
        socket.onopen = () => resolve('opened')
        socket.onerror = () => resolve('refused')
      })
    }, serve.uiPort)
    expect(refused).toBe('refused')
  })

  test('the page runs under a CSP without inline script', async ({ app }) => {
    const inlineRan = await app.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__inline = true'
      document.body.append(script)
      return (window as unknown as { __inline?: boolean }).__inline === true
    })
    expect(inlineRan).toBe(false)
  })
})
