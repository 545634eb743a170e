import type { OptionSpec } from './command'

/** Options every command accepts. */
export const globalOptions: Record<string, OptionSpec> = {
  'data-dir': { type: 'string', valueName: 'DIR', description: 'Data directory (default: the app\'s own, e.g. ~/.config/Switchboard)' },
  profile: { type: 'string', valueName: 'NAME', description: 'Profile to use (default: the active one)' },
  verbose: { type: 'boolean', description: 'Also write the log to stderr' },
  help: { type: 'boolean', short: 'h', description: 'Show help for this command' },
}
