import { constants as fsConstants, createWriteStream, lstatSync, openSync, type Stats, type WriteStream } from 'node:fs'

/**
 * Opens `--output FILE` for writing (0600): a new file, never through a symbolic link; an existing
 * one only with `--force`, and then truncated in place, still without following a link. Checked
 * before anything else runs, so a refusal changes nothing.
 */
export function checkOutputFile(path: string, force: boolean): () => WriteStream {
  let existing: Stats | undefined
  try {
    existing = lstatSync(path)
  } catch {
    existing = undefined
  }
  if (existing?.isSymbolicLink()) throw new Error(`${path} is a symbolic link: write to the file itself, not to a link (nothing was written)`)
  if (existing && !force) throw new Error(`${path} exists: add --force to replace it (nothing was written)`)
  const { O_WRONLY, O_CREAT, O_EXCL, O_TRUNC, O_NOFOLLOW } = fsConstants
  const flags = existing ? O_WRONLY | O_TRUNC | O_NOFOLLOW : O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW
  return () => createWriteStream(path, { fd: openSync(path, flags, 0o600) })
}

/** Ends a stream and waits until its bytes are written (or it failed). */
export function finish(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())))
}
