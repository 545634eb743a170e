import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveRendererFile } from '../../../src/main/static'
import { tempDir } from '../../support/core'

describe('renderer file resolution', () => {
  const root = tempDir()
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<html></html>')
  writeFileSync(join(root, 'assets', 'app.js'), '')
  writeFileSync(join(root, '..', 'outside.txt'), 'secret')

  it('serves the index for / and files inside the renderer directory', () => {
    expect(resolveRendererFile(root, '/')).toBe(join(root, 'index.html'))
    expect(resolveRendererFile(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'))
  })

  it('never resolves outside the renderer directory', () => {
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/../../outside.txt', '/%00', '/%E0%A4%A', '/assets']) {
      expect(resolveRendererFile(root, path)).toBeNull()
    }
  })
})
