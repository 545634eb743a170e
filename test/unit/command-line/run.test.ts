import { describe, expect, it } from 'vitest'
import { commands, runCli, type Command } from '../../../src/main/command-line'
import { testIo } from '../../support/io'

const echo: Command = {
  name: 'things list',
  summary: 'List things',
  args: [{ name: 'FILTER', description: 'Only matching things', optional: true }],
  options: { json: { type: 'boolean', description: 'Print JSON' } },
  run: ({ values, positionals, io }) => {
    io.stdout.write(JSON.stringify({ values, positionals }))
    return Promise.resolve(0)
  },
}

describe('command line', () => {
  it('documents every command in --help, and each command in its own --help', async () => {
    const { io, stdout } = testIo()
    expect(await runCli(['--help'], io, commands, '1.2.3')).toBe(0)
    for (const command of commands) expect(stdout.text).toContain(command.name)
    for (const command of commands) {
      const own = testIo()
      expect(await runCli([...command.name.split(' '), '--help'], own.io, commands, '1.2.3')).toBe(0)
      expect(own.stdout.text).toContain(`Usage: switchboard ${command.name}`)
      expect(own.stdout.text).toContain('--data-dir DIR')
    }
  })

  it('runs two-word commands with their options and arguments', async () => {
    const { io, stdout } = testIo()
    expect(await runCli(['things', 'list', '--json', 'abc'], io, [echo], '1')).toBe(0)
    expect(JSON.parse(stdout.text)).toMatchObject({ values: { json: true }, positionals: ['abc'] })
  })

  it('exits 2 with a pointer to help on unknown commands, options and extra arguments', async () => {
    const unknown = testIo()
    expect(await runCli(['frobnicate'], unknown.io, [echo], '1')).toBe(2)
    expect(unknown.stderr.text).toContain('unknown command `frobnicate`')

    const group = testIo()
    expect(await runCli(['things'], group.io, [echo], '1')).toBe(2)
    expect(group.stderr.text).toContain('needs a subcommand: list')

    const option = testIo()
    expect(await runCli(['things', 'list', '--nope'], option.io, [echo], '1')).toBe(2)
    expect(option.stderr.text).toContain("Unknown option '--nope'")

    const extra = testIo()
    expect(await runCli(['things', 'list', 'a', 'b'], extra.io, [echo], '1')).toBe(2)
    expect(extra.stderr.text).toContain('expected [FILTER]')
  })

  it('prints its version', async () => {
    const { io, stdout } = testIo()
    expect(await runCli(['--version'], io, commands, '9.9.9')).toBe(0)
    expect(stdout.text).toBe('switchboard 9.9.9\n')
  })

  it('refuses a port that is not a port', async () => {
    const { io, stderr } = testIo()
    expect(await runCli(['serve', '--port', '70000'], io, commands, '1')).toBe(2)
    expect(stderr.text).toContain('--port must be a port number')
  })
})
