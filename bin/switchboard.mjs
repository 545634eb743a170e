#!/usr/bin/env node
// Launcher for the `switchboard` command. Plain JavaScript that any Node can parse, so that it can
// explain itself (or switch to the project's pinned Node) instead of failing on a syntax error.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const [major, minor] = process.versions.node.split('.').map(Number)

if (major < 22 || (major === 22 && minor < 12)) {
  const pinned = join(root, 'node_modules', 'node', 'bin', 'node')
  if (existsSync(pinned) && process.execPath !== pinned) {
    const result = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
    process.exit(result.status ?? 1)
  }
  console.error(
    `switchboard needs Node.js 22.12 or newer (this is ${process.versions.node}). ` +
      'Run `npm install` in the project (it pins Node 22), or install Node 22.',
  )
  process.exit(1)
}

const entry = join(root, 'out', 'main', 'cli.js')
if (!existsSync(entry)) {
  console.error('switchboard is not built yet: run `npm run build` in the project first.')
  process.exit(1)
}
// node:sqlite is stable enough for us on Node 22 but still prints an ExperimentalWarning on load;
// keep the CLI's output to what scripts rely on. Other warnings are printed as usual.
process.removeAllListeners('warning')
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /SQLite/.test(warning.message)) return
  console.error(`${warning.name}: ${warning.message}`)
})
await import(pathToFileURL(entry).href)
