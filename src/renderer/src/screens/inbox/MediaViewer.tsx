import { useEffect, useRef } from 'react'

/** An image at full size over the window; Escape, the Close button or a click beside it closes it. */
export function MediaViewer({ src, alt, onClose }: { src: string; alt: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    element?.showModal()
    return () => element?.close()
  }, [])
  return (
    <dialog
      ref={dialog}
      className="dialog media-viewer"
      aria-label={alt}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === event.currentTarget) dialog.current?.close()
      }}
    >
      <img src={src} alt={alt} />
      <button type="button" className="button button--small media-viewer__close" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  )
}
