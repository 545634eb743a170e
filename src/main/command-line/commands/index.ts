import type { Command } from '../command'
import { serveCommand } from './serve'

/** Every CLI command; help and parsing are generated from this list. */
export const commands: readonly Command[] = [serveCommand]
