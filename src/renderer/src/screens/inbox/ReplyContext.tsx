import type { MessageView } from '@shared/contract'
import { typeLabel } from './type-labels'

/** What a message answers or passes on: the quoted message when loaded, else a short line; forwarding, the product or the ad it came from. */
export function ReplyContext({ message, quoted, onShow }: { message: MessageView; quoted: MessageView | undefined; onShow: (target: MessageView) => void }) {
  const { product, referral } = message.about
  const forwarded = message.about.forwarded === 'many' ? 'Forwarded many times' : message.about.forwarded === 'once' ? 'Forwarded' : null
  return (
    <>
      {forwarded ? <div className="msg__note">↪ {forwarded}</div> : null}
      {message.contextWamid && quoted ? (
        <button type="button" className="quote" onClick={() => onShow(quoted)} aria-label="Replying to a message; show it">
          <span className="quote__who">{quoted.direction === 'in' ? 'Customer' : 'You'}</span>
          <span className="quote__text">{quoted.text ?? typeLabel(quoted.type)}</span>
        </button>
      ) : message.contextWamid && !product ? (
        <div className="msg__note" title={message.contextWamid}>
          ↩ Reply to a message that is not loaded
        </div>
      ) : null}
      {product ? (
        <div className="msg__note">
          About product <code>{product.retailerId}</code>
          {product.catalogId ? <span className="muted"> in catalogue {product.catalogId}</span> : null}
        </div>
      ) : null}
      {referral ? (
        <div className="msg__note">
          From an ad{referral.sourceType ? ` (${referral.sourceType})` : ''}: {referral.headline ?? referral.body ?? referral.sourceUrl ?? 'no headline'}
        </div>
      ) : null}
    </>
  )
}
