export { runCli } from './run'
export { commands } from './commands'
export type { Command, CommandIo } from './command'
