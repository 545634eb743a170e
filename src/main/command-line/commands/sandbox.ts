import { resolve } from 'node:path'
import { defaultDataDir, findSandboxControl } from '../../core'
import { exitCodes, type Command } from '../command'
import { stringOption } from '../options'

export const sandboxEnvCommand: Command = {
  name: 'sandbox env',
  summary: 'Print a .env block that points any WhatsApp integration at the running sandbox',
  options: { json: { type: 'boolean', description: 'Print JSON instead of KEY=VALUE lines' } },
  details: `
Needs a running \`switchboard serve --sandbox\` on the same data directory. The values are the
sandbox's own (a simulated app, number and token), not secrets of a real account.
Example: switchboard sandbox env > .env.sandbox`,
  async run(run) {
    const dataDir = resolve(stringOption(run.values['data-dir']) ?? defaultDataDir(run.io.env))
    // The sandbox's own controls, with this run's key (kept 0600 in the data directory): simulated values, not a contract result.
    const control = findSandboxControl(dataDir)
    if (!control) throw new Error(`no sandbox is running for ${dataDir}: start one with \`switchboard serve --sandbox --data-dir ${dataDir}\``)
    const response = await fetch(`${control.url}/_sandbox/env`, { headers: control.headers })
    if (!response.ok) throw new Error(`the sandbox at ${control.url} answered ${response.status}`)
    const env = (await response.json()) as Record<string, string>
    run.io.stdout.write(run.values.json ? JSON.stringify(env, null, 2) + '\n' : Object.entries(env).map(([key, value]) => `${key}=${value}`).join('\n') + '\n')
    return exitCodes.ok
  },
}
