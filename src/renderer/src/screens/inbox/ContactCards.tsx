import type { MessageContent } from '@shared/contract'

/** Shared contact cards: each name with its numbers, e-mail addresses and organisation. */
export function ContactCards({ cards }: { cards: Extract<MessageContent, { kind: 'contacts' }>['cards'] }) {
  if (cards.length === 0) return <p className="muted">An empty contact card</p>
  return (
    <ul className="contact-cards" aria-label="Shared contacts">
      {cards.map((card, index) => (
        <li key={index} className="contact-card">
          <strong>{card.name}</strong>
          {card.organisation ? <span className="muted"> · {card.organisation}</span> : null}
          {card.phones.map((phone, i) => (
            <div key={`p${i}`} className="contact-card__line">
              {phone.phone}
              {phone.type ? <span className="muted"> ({phone.type.toLowerCase()})</span> : null}
              {phone.waId ? <span className="muted"> · on WhatsApp as {phone.waId}</span> : null}
            </div>
          ))}
          {card.emails.map((email, i) => (
            <div key={`e${i}`} className="contact-card__line">
              {email}
            </div>
          ))}
        </li>
      ))}
    </ul>
  )
}
