import type { Command } from '../command'
import { credentialsDeleteCommand, credentialsImportEnvCommand, credentialsSetCommand, credentialsShowCommand } from './credentials'
import { messagesCommand, messagesExportCommand } from './messages'
import { sandboxEnvCommand } from './sandbox'
import { serveCommand } from './serve'
import { webhookRequestsCommand } from './webhook'

/** Every CLI command; help and parsing are generated from this list. */
export const commands: readonly Command[] = [
  serveCommand,
  credentialsShowCommand,
  credentialsSetCommand,
  credentialsImportEnvCommand,
  credentialsDeleteCommand,
  messagesCommand,
  messagesExportCommand,
  webhookRequestsCommand,
  sandboxEnvCommand,
]
