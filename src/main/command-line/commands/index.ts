import type { Command } from '../command'
import { credentialsDeleteCommand, credentialsImportEnvCommand, credentialsSetCommand, credentialsShowCommand } from './credentials'
import { forwardAddCommand, forwardRemoveCommand, forwardReplayCommand, forwardRetryCommand, forwardStatusCommand } from './forward'
import { mediaDownloadCommand } from './media'
import { messagesCommand, messagesExportCommand } from './messages'
import { sandboxEnvCommand } from './sandbox'
import { sendCommand } from './send'
import { serveCommand } from './serve'
import { statsCommand } from './stats'
import { tokenLogCommand, tokenRefreshCommand, tokenStatusCommand } from './token'
import { webhookRequestsCommand } from './webhook'

/** Every CLI command; help and parsing are generated from this list. */
export const commands: readonly Command[] = [
  serveCommand,
  credentialsShowCommand,
  credentialsSetCommand,
  credentialsImportEnvCommand,
  credentialsDeleteCommand,
  tokenStatusCommand,
  tokenRefreshCommand,
  tokenLogCommand,
  sendCommand,
  messagesCommand,
  messagesExportCommand,
  mediaDownloadCommand,
  webhookRequestsCommand,
  forwardStatusCommand,
  forwardAddCommand,
  forwardRemoveCommand,
  forwardReplayCommand,
  forwardRetryCommand,
  statsCommand,
  sandboxEnvCommand,
]
