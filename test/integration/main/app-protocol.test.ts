import { afterEach, describe, expect, it } from 'vitest'
import type { Envelope, MediaView } from '@shared/contract'
import { registerAppProtocol } from '../../../src/main/protocol'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'
import { tempDir } from '../../support/temp'

const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

/** The app:// handler as Electron would call it, around a real core (Electron itself cannot run here). */
function appProtocol(box: SandboxCore): (request: Request) => Promise<Response> {
  let handler: ((request: Request) => Promise<Response>) | undefined
  registerAppProtocol({ handle: (_scheme, handle) => (handler = handle as typeof handler) }, tempDir(), box.core)
  return handler!
}

describe('the desktop app’s own protocol', () => {
  let box: SandboxCore
  afterEach(() => box.core.close())

  it('takes a file to upload from the window and serves it back from the media store', async () => {
    box = await sandboxCore()
    const handle = appProtocol(box)
    const upload = await handle(
      new Request('app://switchboard/media/upload?kind=image&type=image%2Fpng&filename=kettle.png&upload=u-1', { method: 'POST', body: ONE_PIXEL_PNG, duplex: 'half' }),
    )
    expect(upload.status).toBe(200)
    const answer = (await upload.json()) as Envelope<MediaView>
    expect(answer).toMatchObject({ ok: true, value: { state: 'stored', kind: 'image', size: ONE_PIXEL_PNG.length } })

    const served = await handle(new Request(`app://switchboard${(answer as { value: MediaView }).value.src!}`))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer())).toEqual(ONE_PIXEL_PNG)
  })

  it('refuses an upload Meta would refuse, with the reason, and serves nothing for an unknown ticket', async () => {
    box = await sandboxCore()
    const handle = appProtocol(box)
    const refused = await handle(new Request('app://switchboard/media/upload?kind=sticker&type=image%2Fpng&filename=x.png', { method: 'POST', body: ONE_PIXEL_PNG, duplex: 'half' }))
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'WhatsApp does not take image/png as a sticker: use image/webp' } })
    expect((await handle(new Request(`app://switchboard/media/${'A'.repeat(24)}`))).status).toBe(404)
  })
})
