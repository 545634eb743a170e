import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { contentSecurityPolicy } from './src/shared/csp'

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') }

/**
 * index.html carries the CSP as a <meta> too (defence in depth; the protocol handler and the
 * browser-mode server send it as a header). One source of truth: the build fails if the meta
 * drifts from src/shared/csp.ts, and the dev server swaps in the development policy.
 */
function cspMeta(): Plugin {
  const strict = contentSecurityPolicy({ meta: true })
  return {
    name: 'switchboard-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/.exec(html)
        if (!match || match[1] !== strict) throw new Error(`src/renderer/index.html must carry the CSP of src/shared/csp.ts:\n${strict}`)
        if (!context.server) return html
        const origin = context.server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? 'http://localhost:5173'
        return html.replace(match[0], `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ dev: true, devServer: origin, meta: true })}" />`)
      },
    },
  }
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload cannot load ES modules or require anything but `electron`: one CJS file.
      externalizeDeps: false,
      minify: true,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    plugins: [cspMeta()],
    resolve: { alias },
    build: {
      minify: true,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
      },
    },
  },
})
