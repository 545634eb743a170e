import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { SwitchboardError } from '@shared/contract'
import { exitCodes, UsageError, type Command } from '../command'
import { withCore } from '../open-core'
import { stringOption } from '../options'
import { checkOutputFile } from '../output-file'

export const mediaDownloadCommand: Command = {
  name: 'media download',
  summary: 'Download a media file a customer sent (by its media id) to a file or to stdout',
  args: [{ name: 'MEDIA_ID', description: 'The media id of an image, video, voice note, document or sticker in the inbox' }],
  options: {
    output: { type: 'string', valueName: 'FILE', description: 'Write to this file (a new file; see --force) instead of stdout' },
    force: { type: 'boolean', description: 'With --output: replace the file if it exists (a symbolic link is never followed)' },
  },
  details: `The file is fetched from Meta (GET /{media-id}, then its URL with the access token), checked against
Meta's SHA-256 and kept in the media store, so a second download is local. Meta keeps media from
customers for 7 days. Media ids are in \`switchboard messages --json\` (content.id).`,
  async run(run) {
    const mediaId = run.positionals[0]!
    const output = stringOption(run.values.output)
    if (run.values.force === true && !output) throw new UsageError('--force goes with --output')
    if (!output && (run.io.stdout as { isTTY?: boolean }).isTTY) throw new UsageError('the file is binary: add --output FILE, or redirect stdout')
    const openOutput = output ? checkOutputFile(output, run.values.force === true) : null
    return withCore(run, async (core) => {
      const view = await core.call('media.download', { mediaId })
      const ticket = view.state === 'stored' && view.src ? view.src.slice(view.src.lastIndexOf('/') + 1) : null
      const file = ticket ? core.openMedia(ticket) : null
      if (!file) {
        throw new SwitchboardError(view.error ?? { code: 'internal', message: `Media ${mediaId} is ${view.state}, not stored` })
      }
      const out = openOutput?.()
      if (!out) {
        await pipeline(createReadStream(file.path), run.io.stdout, { end: false })
        return exitCodes.ok
      }
      await pipeline(createReadStream(file.path), out)
      run.io.stderr.write(`Wrote ${file.size} bytes (${file.mimeType ?? 'unknown type'}) to ${output}\n`)
      return exitCodes.ok
    })
  },
}
