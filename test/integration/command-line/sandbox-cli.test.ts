import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBuiltCli } from '../../support/cli'
import { startServe, type ServeProcess } from '../../support/serve'
import { tempDir } from '../../support/temp'

describe('switchboard token (against a running serve --sandbox)', () => {
  let serve: ServeProcess
  let dataDir: string
  beforeAll(async () => {
    dataDir = tempDir()
    serve = await startServe(['--data-dir', dataDir, '--port', '0', '--webhook-port', '0', '--sandbox', '--no-customers'])
  })
  afterAll(() => serve.stop())

  it('prints the third ready line and the sandbox .env block', async () => {
    await serve.waitForLine(/^Sandbox Graph API: /)
    expect(serve.lines[2]).toMatch(/^Sandbox Graph API: http:\/\/127\.0\.0\.1:\d+$/)
    const env = runBuiltCli(['sandbox', 'env', '--data-dir', dataDir])
    expect(env.status).toBe(0)
    const keys = env.stdout.trim().split('\n').map((line) => line.split('=')[0])
    expect(keys).toEqual(['WHATSAPP_TOKEN', 'WHATSAPP_APP_ID', 'WHATSAPP_APP_SECRET', 'PHONE_NUMBER_ID', 'WABA_ID', 'VERIFY_TOKEN', 'GRAPH_API_BASE'])
    expect(env.stdout).toContain(`GRAPH_API_BASE=${serve.lines[2]!.replace('Sandbox Graph API: ', '')}`)
  })

  it('token status reads the sandbox profile\'s token through the running sandbox', () => {
    const text = runBuiltCli(['token', 'status', '--data-dir', dataDir])
    expect(text.status).toBe(0)
    expect(text.stdout).toContain('Profile: sandbox')
    expect(text.stdout).toMatch(/Type +System-user token \(expires/)
    const json = JSON.parse(runBuiltCli(['token', 'status', '--data-dir', dataDir, '--json']).stdout) as { state: string; inspection: { kind: string } }
    expect(json.inspection.kind).toBe('system_user_expiring')
  })

  it('token refresh --write-env keeps a cron job\'s .env fresh; token log shows it', () => {
    const file = join(tempDir(), '.env')
    writeFileSync(file, '# my bot\nWHATSAPP_TOKEN=old-token-value\nPORT=8080\n')
    const refreshed = runBuiltCli(['token', 'refresh', '--data-dir', dataDir, '--write-env', file])
    expect(refreshed.stderr).toBe('')
    expect(refreshed.status).toBe(0)
    expect(refreshed.stdout).toMatch(/cli +exchange_system_user +success/)
    const content = readFileSync(file, 'utf8')
    expect(content).toMatch(/^# my bot\nWHATSAPP_TOKEN=EAA[A-Za-z0-9]+\nPORT=8080\n$/)
    const log = JSON.parse(runBuiltCli(['token', 'log', '--data-dir', dataDir, '--json']).stdout) as { trigger: string; outcome: string; note: string }[]
    expect(log[0]).toMatchObject({ trigger: 'cli', outcome: 'success', note: 'Written to 1 .env file' })
    const token = content.split('\n')[1]!.split('=')[1]!
    expect(runBuiltCli(['token', 'log', '--data-dir', dataDir]).stdout).not.toContain(token)
    expect(runBuiltCli(['token', 'refresh', '--data-dir', dataDir, '--strategy', 'bogus']).status).toBe(2)
  })
})

describe('switchboard send (against a running serve --sandbox)', () => {
  let serve: ServeProcess
  let dataDir: string
  beforeAll(async () => {
    dataDir = tempDir()
    serve = await startServe(['--data-dir', dataDir, '--port', '0', '--webhook-port', '0', '--sandbox', '--no-customers'])
  })
  afterAll(() => serve.stop())

  it('prints the wamid of a template send, and the stored message with --json', () => {
    const sent = runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--template', 'order_update', '--lang', 'en_US', '--param', 'Ana', '--param', '#1042', '--param', 'Friday', '--button-param', '0:url:1042'])
    expect(sent.stderr).toBe('')
    expect(sent.status).toBe(0)
    expect(sent.stdout).toMatch(/^wamid\.[A-Za-z0-9_=-]+\n$/)
    const json = JSON.parse(runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--template', 'hello_world', '--json']).stdout) as { messageStatus: string; message: { type: string } }
    expect(json).toMatchObject({ messageStatus: 'accepted', message: { type: 'template' } })
  })

  it('exits 1 with the Graph error, 2 on bad usage, and refuses invalid numbers', () => {
    const wrong = runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--template', 'order_update', '--param', 'only one'])
    expect(wrong.status).toBe(1)
    expect(wrong.stderr).toContain('(Graph error 132000)')
    expect(wrong.stderr).toContain('fix: ')
    expect(runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123']).status).toBe(2)
    const invalid = runBuiltCli(['send', '--data-dir', dataDir, '--to', '+1 555', '--text', 'x'])
    expect(invalid.status).toBe(1)
    expect(invalid.stderr).toMatch(/not a (valid )?(phone )?number|digits only/)
  })

  it('uploads a file and sends it by its id; a URL goes as a link; a file Meta would refuse is refused before anything is uploaded', () => {
    const dir = tempDir()
    const photo = join(dir, 'kettle.png')
    writeFileSync(photo, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'))
    const sent = runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--image', photo, '--caption', 'The kettle', '--json'])
    expect(sent.stderr).toMatch(/^Uploaded kettle\.png \(70 bytes\): media id \d+\n/)
    expect(sent.status).toBe(0)
    const mediaId = /media id (\d+)/.exec(sent.stderr)![1]
    expect(JSON.parse(sent.stdout)).toMatchObject({ message: { type: 'image', content: { kind: 'media', id: mediaId, caption: 'The kettle' } } })

    const linked = JSON.parse(runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--document', 'https://example.com/invoice-42.pdf', '--json']).stdout) as { message: { content: { link: string } } }
    expect(linked.message.content.link).toBe('https://example.com/invoice-42.pdf')

    const sticker = join(dir, 'smile.png')
    writeFileSync(sticker, 'not a sticker')
    const refused = runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--sticker', sticker])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('WhatsApp does not take image/png as a sticker: use image/webp')
    expect(runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--image', join(dir, 'missing.jpg')]).stderr).toContain('no such file')
  })

  it('sends reply buttons and lists from --text, as the help shows', () => {
    const buttons = runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--text', 'Ship today?', '--buttons', 'Yes,Tomorrow,Cancel', '--json'])
    expect(buttons.status).toBe(0)
    expect(JSON.parse(buttons.stdout)).toMatchObject({ message: { type: 'interactive', content: { kind: 'interactive', interactiveType: 'button', body: 'Ship today?', options: ['Yes', 'Tomorrow', 'Cancel'] } } })
    const list = runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--text', 'When?', '--list', 'Choose a slot', '--row', 'Tuesday|10:00|Morning', '--row', 'Tuesday|14:00', '--row', 'Wednesday|09:00', '--json'])
    expect(list.status).toBe(0)
    expect(JSON.parse(list.stdout)).toMatchObject({ message: { content: { interactiveType: 'list', options: ['Choose a slot', '10:00', '14:00', '09:00'] } } })
    expect(runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--text', 'x', '--row', 'a|b']).status).toBe(2)
    const tooMany = runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--text', 'x', '--buttons', 'A,B,C,D'])
    expect(tooMany.status).toBe(2)
    expect(tooMany.stderr).toContain('At most 3 buttons')
    expect(runBuiltCli(['send', '--help']).stdout).toContain('--buttons "Yes,Tomorrow,Cancel"')
  })
})
