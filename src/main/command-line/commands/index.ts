import type { Command } from '../command'
import { credentialsDeleteCommand, credentialsImportEnvCommand, credentialsSetCommand, credentialsShowCommand } from './credentials'
import { serveCommand } from './serve'

/** Every CLI command; help and parsing are generated from this list. */
export const commands: readonly Command[] = [
  serveCommand,
  credentialsShowCommand,
  credentialsSetCommand,
  credentialsImportEnvCommand,
  credentialsDeleteCommand,
]
