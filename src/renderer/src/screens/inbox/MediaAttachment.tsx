import { useEffect, useState, type ReactNode } from 'react'
import type { MediaView, MessageContent } from '@shared/contract'
import { ErrorMessage, formatBytes } from '../../components'
import { useMedia } from '../../stores'
import { mediaLabel, MediaIdLine, MediaPlaceholder } from './MediaPlaceholder'
import { MediaViewer } from './MediaViewer'

type Media = Extract<MessageContent, { kind: 'media' }>

/**
 * A message's image, sticker, voice note, video or document: shown from the local store once it
 * is there (never from a remote URL), else with its size and a Download button, progress while it
 * comes, and what went wrong when it did not.
 */
export function MediaAttachment({ media }: { media: Media }) {
  const id = media.id
  const view = useMedia((s) => (id ? s.views[id] : undefined))
  const problem = useMedia((s) => (id ? s.unknown[id] : undefined))
  const load = useMedia((s) => s.load)

  useEffect(() => {
    if (id) void load(id)
  }, [id, load])

  // Sent by link, or by another client: the core has nothing to show but what the message says.
  if (!id || problem?.code === 'not_found') return <MediaPlaceholder media={media} />
  return (
    <div className="media" data-testid="media" data-state={view?.state ?? 'loading'}>
      {view ? <MediaBody media={media} view={view} /> : problem ? <ErrorMessage error={problem} /> : <MediaBox media={media} />}
      {media.caption ? <p className="msg__text">{media.caption}</p> : null}
    </div>
  )
}

function MediaBody({ media, view }: { media: Media; view: MediaView }) {
  const [enlarged, setEnlarged] = useState(false)
  if (view.state === 'stored' && view.src) {
    const src = view.src
    switch (view.kind) {
      case 'image':
      case 'sticker':
        return (
          <>
            <button type="button" className={`media__thumb media__thumb--${view.kind}`} onClick={() => setEnlarged(true)} aria-label={`Enlarge ${mediaLabel(media).toLowerCase()}`}>
              {/* A fixed box: the row keeps its height while the picture loads, so the list does not re-measure. */}
              <img src={src} alt={media.caption ?? mediaLabel(media)} width={view.kind === 'sticker' ? 128 : 200} height={view.kind === 'sticker' ? 128 : 150} decoding="async" />
            </button>
            {enlarged ? <MediaViewer src={src} alt={media.caption ?? mediaLabel(media)} onClose={() => setEnlarged(false)} /> : null}
          </>
        )
      case 'audio':
        return (
          <div className="media__player">
            <span className="media__kind">{mediaLabel(media)}</span>
            <audio controls preload="metadata" src={src} />
          </div>
        )
      case 'video':
        return <video className="media__video" controls preload="metadata" src={src} />
      case 'document':
        return (
          <MediaBox media={media} view={view}>
            <a className="button button--small" href={src} target="_blank" rel="noopener noreferrer">
              Open
            </a>
            <a className="button button--small" href={`${src}?download`} download={view.filename ?? ''}>
              Save as…
            </a>
          </MediaBox>
        )
    }
  }
  return <MediaBox media={media} view={view} />
}

/** The file as a line: its kind, name, size, and what can be done with it now. */
function MediaBox({ media, view, children }: { media: Media; view?: MediaView; children?: ReactNode }) {
  const download = useMedia((s) => s.download)
  const size = view?.size ?? null
  return (
    <>
      <div className="media__box">
        <span className="media__kind">{mediaLabel(media)}</span>
        {media.filename ? <span className="media__file">{media.filename}</span> : null}
        {size !== null ? <span className="muted">{formatBytes(size)}</span> : null}
        {children}
        {view && (view.state === 'remote' || view.state === 'failed') ? (
          <button type="button" className="button button--small" onClick={() => void download(view.mediaId)}>
            {view.state === 'failed' ? 'Retry' : 'Download'}
          </button>
        ) : null}
        {view?.state === 'downloading' ? <DownloadProgress view={view} /> : null}
      </div>
      {media.id ? <MediaIdLine id={media.id} /> : null}
      {view?.error && (view.state === 'gone' || view.state === 'failed') ? <ErrorMessage error={view.error} /> : null}
    </>
  )
}

function DownloadProgress({ view }: { view: MediaView }) {
  const received = view.progress?.received ?? 0
  const total = view.progress?.total ?? view.size
  return (
    <span className="media__progress" role="status">
      <progress value={received} max={total ?? undefined} aria-label="Download progress" />
      <span className="muted">{total ? `${Math.floor((received / total) * 100)} %` : formatBytes(received)}</span>
    </span>
  )
}
