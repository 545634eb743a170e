import { randomBytes } from 'node:crypto'

export interface TicketHolder {
  profileId: string
  mediaId: string
}

/**
 * Unguessable names under which the shells serve stored media (`/media/<ticket>`), one per media
 * file for the life of the process: the window can load a file it was told about, and nothing it
 * could guess. Tickets name media, not files, so an evicted file stops being served.
 */
export class MediaTickets {
  private readonly byKey = new Map<string, string>()
  private readonly byTicket = new Map<string, TicketHolder>()

  ticketFor(profileId: string, mediaId: string): string {
    const key = `${profileId}\u0000${mediaId}`
    let ticket = this.byKey.get(key)
    if (!ticket) {
      ticket = randomBytes(18).toString('base64url')
      this.byKey.set(key, ticket)
      this.byTicket.set(ticket, { profileId, mediaId })
    }
    return ticket
  }

  holder(ticket: string): TicketHolder | undefined {
    return this.byTicket.get(ticket)
  }
}

export const MEDIA_ROUTE = '/media/'
