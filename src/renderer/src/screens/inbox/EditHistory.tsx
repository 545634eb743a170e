import type { MessageView } from '@shared/contract'
import { formatFull } from '../../components'

/** "edited", and what the message said before each edit, oldest first. */
export function EditHistory({ message }: { message: MessageView }) {
  return (
    <details className="msg__edited">
      <summary title={message.editedAt === null ? undefined : `Edited ${formatFull(message.editedAt)}`}>edited</summary>
      <ol className="msg__revisions" aria-label="Earlier versions">
        {message.revisions.map((revision) => (
          <li key={revision.at}>
            <time dateTime={new Date(revision.at).toISOString()}>{formatFull(revision.at)}</time>: {revision.text ?? '(no text)'}
          </li>
        ))}
      </ol>
    </details>
  )
}
