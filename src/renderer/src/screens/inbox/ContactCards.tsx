import { arr, obj, str } from './payload-fields'

/** Shared contact cards: each name with its numbers, e-mail addresses and organisation. */
export function ContactCards({ contacts }: { contacts: unknown }) {
  const cards = arr(contacts).map((item) => obj(item) ?? {})
  if (cards.length === 0) return <p className="muted">An empty contact card</p>
  return (
    <ul className="contact-cards" aria-label="Shared contacts">
      {cards.map((card, index) => {
        const name = obj(card.name)
        const org = obj(card.org)
        return (
          <li key={index} className="contact-card">
            <strong>{str(name?.formatted_name) ?? ([str(name?.first_name), str(name?.last_name)].filter(Boolean).join(' ') || 'No name')}</strong>
            {str(org?.company) ? <span className="muted"> · {str(org?.company)}</span> : null}
            {arr(card.phones).map((p, i) => {
              const phone = obj(p) ?? {}
              return (
                <div key={`p${i}`} className="contact-card__line">
                  {str(phone.phone) ?? str(phone.wa_id)}
                  {str(phone.type) ? <span className="muted"> ({str(phone.type)?.toLowerCase()})</span> : null}
                  {str(phone.wa_id) ? <span className="muted"> · on WhatsApp as {str(phone.wa_id)}</span> : null}
                </div>
              )
            })}
            {arr(card.emails).map((e, i) => (
              <div key={`e${i}`} className="contact-card__line">
                {str(obj(e)?.email)}
              </div>
            ))}
          </li>
        )
      })}
    </ul>
  )
}
