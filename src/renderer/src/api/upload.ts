import { mimeTypeOfName, UPLOAD_PATH, UPLOAD_TOKEN_HEADER, type Envelope, type MediaKind, type MediaView } from '@shared/contract'
import { sessionToken } from './session-token'

/**
 * Sends a file the operator picked to the core, which checks it and uploads it to Meta: a plain
 * same-origin POST of the file (the app's own protocol in Electron, the local server in browser
 * mode, with this tab's session token). Progress comes as `media.uploading` events for `uploadId`.
 */
export async function uploadFile(file: File, kind: MediaKind, uploadId: string): Promise<Envelope<MediaView>> {
  const query = new URLSearchParams({ kind, type: typeOfFile(file), filename: file.name, upload: uploadId })
  const token = sessionToken()
  try {
    const response = await fetch(`${UPLOAD_PATH}?${query}`, { method: 'POST', body: file, headers: token ? { [UPLOAD_TOKEN_HEADER]: token } : {} })
    return (await response.json()) as Envelope<MediaView>
  } catch (error) {
    return { ok: false, error: { code: 'connection_lost', message: `The file did not reach Switchboard: ${error instanceof Error ? error.message : String(error)}`, fix: 'Check that Switchboard still runs, then try again' } }
  }
}

/** The browser's idea of the file's type, else its extension's (browsers leave some types empty, e.g. .opus). */
export const typeOfFile = (file: File): string => file.type || mimeTypeOfName(file.name) || 'application/octet-stream'
