import type { MessageView } from '@shared/contract'
import { obj, str } from './payload-fields'
import { typeLabel } from './type-labels'

/** What a message answers or passes on: the quoted message when loaded, else a short line; forwarding, the product or the ad it came from. */
export function ReplyContext({ message, quoted, onShow }: { message: MessageView; quoted: MessageView | undefined; onShow: (target: MessageView) => void }) {
  const payload = obj(message.payload) ?? {}
  const context = obj(payload.context)
  const product = obj(context?.referred_product)
  const referral = obj(payload.referral)
  const forwarded = context?.frequently_forwarded === true ? 'Forwarded many times' : context?.forwarded === true ? 'Forwarded' : null
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
          About product <code>{str(product.product_retailer_id) ?? '?'}</code>
          {str(product.catalog_id) ? <span className="muted"> in catalogue {str(product.catalog_id)}</span> : null}
        </div>
      ) : null}
      {referral ? (
        <div className="msg__note">
          From an ad{str(referral.source_type) ? ` (${str(referral.source_type)})` : ''}: {str(referral.headline) ?? str(referral.body) ?? str(referral.source_url) ?? 'no headline'}
        </div>
      ) : null}
    </>
  )
}
