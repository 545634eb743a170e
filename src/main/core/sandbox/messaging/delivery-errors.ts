import type { StatusError } from '../webhooks'

const ERROR_CODES_HREF = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/'

/** The reasons an accepted message later fails, as `failed` statuses carry them. */
export const DELIVERY_ERRORS = {
  reengagement: {
    code: 131047,
    title: 'Re-engagement message',
    message: 'Re-engagement message',
    error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
    href: ERROR_CODES_HREF,
  },
  undeliverable: {
    code: 131026,
    title: 'Message undeliverable',
    message: 'Message undeliverable',
    error_data: {
      details:
        'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number; the recipient has not accepted our new Terms of Service and Privacy Policy; the recipient is using an outdated WhatsApp client.',
    },
    href: ERROR_CODES_HREF,
  },
  marketingStopped: {
    code: 131050,
    title: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
    message: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
    error_data: { details: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.' },
    href: ERROR_CODES_HREF,
  },
} as const satisfies Record<string, StatusError>

/** 131053: the media of a message could not be used (not found, a type its message type does not take, too large). */
export function mediaUploadError(details: string): StatusError {
  return { code: 131053, title: 'Media upload error', message: 'Media upload error', error_data: { details }, href: ERROR_CODES_HREF }
}
