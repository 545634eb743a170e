import { createServer } from 'node:http'
import { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { isLoopbackAddress, refuseNonLoopback } from '../../../src/main/core/sandbox/endpoints/loopback'

/** A real (unconnected) socket whose peer address a test can choose. */
function socketFrom(remoteAddress: string): Socket & { destroyedByGuard: boolean } {
  const socket = new Socket() as Socket & { destroyedByGuard: boolean }
  Object.defineProperty(socket, 'remoteAddress', { value: remoteAddress })
  socket.destroyedByGuard = false
  const destroy = socket.destroy.bind(socket)
  socket.destroy = (error?: Error) => {
    socket.destroyedByGuard = true
    return destroy(error)
  }
  return socket
}

describe('loopback-only', () => {
  it('recognises loopback peers only', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true)
    for (const address of ['10.0.0.5', '192.168.1.20', '::ffff:10.1.2.3', 'fe80::1', '', undefined]) expect(isLoopbackAddress(address)).toBe(false)
  })

  it('drops connections from anywhere else before any request is read', () => {
    const server = createServer()
    const refused: (string | undefined)[] = []
    refuseNonLoopback(server, (address) => refused.push(address))
    const outsider = socketFrom('192.168.1.20')
    const local = socketFrom('127.0.0.1')
    server.emit('connection', outsider)
    server.emit('connection', local)
    expect(outsider.destroyedByGuard).toBe(true)
    expect(local.destroyedByGuard).toBe(false)
    expect(refused).toEqual(['192.168.1.20'])
    local.destroy()
    server.close()
  })
})
