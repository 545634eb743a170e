import { z } from 'zod'

/**
 * Meta's message objects as zod schemas, lenient where Meta is: a field of the wrong shape reads as
 * absent instead of failing the message, and fields Meta adds later pass through unread. The same
 * shapes cover what arrives in webhooks and what the composer sends.
 */

const loose = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined)
const text = loose(z.string().trim().min(1))
/** Numbers that Meta (or its schema) sometimes writes as strings. */
const number = loose(z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), z.number()))
/** The items of an array that have the shape; anything else (or no array) reads as none. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .unknown()
    .optional()
    .transform((value) =>
      (Array.isArray(value) ? value : []).flatMap((entry) => {
        const parsed = item.safeParse(entry)
        return parsed.success ? [parsed.data] : []
      }),
    )
const part = <T extends z.ZodRawShape>(shape: T) => loose(z.looseObject(shape))

export const textShape = part({ body: text, preview_url: loose(z.boolean()) })

export const mediaShape = part({
  id: text,
  link: text,
  url: text,
  mime_type: text,
  sha256: text,
  caption: text,
  filename: text,
  voice: loose(z.boolean()),
  animated: loose(z.boolean()),
})

export const locationShape = part({ latitude: number, longitude: number, name: text, address: text, url: text })

export const contactCardShape = z.looseObject({
  name: part({ formatted_name: text, first_name: text, last_name: text }),
  org: part({ company: text }),
  phones: list(z.looseObject({ phone: text, wa_id: text, type: text })),
  emails: list(z.looseObject({ email: text })),
})

const replyShape = part({ id: text, title: text, description: text })

export const interactiveShape = part({
  type: text,
  button_reply: replyShape,
  list_reply: replyShape,
  nfm_reply: part({ name: text, body: text, response_json: text }),
  header: part({ text }),
  body: part({ text }),
  footer: part({ text }),
  action: part({
    button: text,
    buttons: list(z.looseObject({ title: text, reply: part({ title: text }) })),
    sections: list(z.looseObject({ rows: list(z.looseObject({ title: text })) })),
    parameters: part({ display_text: text }),
  }),
})

export const buttonShape = part({ text, payload: text })

/** An empty `emoji` (or none) takes a reaction back. */
export const reactionShape = part({ message_id: text, emoji: loose(z.string()) })

export const orderShape = part({
  catalog_id: text,
  text,
  product_items: list(z.looseObject({ product_retailer_id: text, quantity: number, item_price: number, currency: text })),
})

export const systemShape = part({ body: text, type: text, wa_id: text, new_wa_id: text, user_id: text })

export const templateShape = part({
  name: text,
  language: loose(z.union([z.string(), z.looseObject({ code: text })])),
  components: list(
    z.looseObject({
      parameters: list(z.looseObject({ type: text, text, payload: text, coupon_code: text })),
    }),
  ),
})

export const changeShape = part({ original_message_id: text })

export const metaErrorShape = z.looseObject({
  code: number,
  title: text,
  message: text,
  error_data: part({ details: text }),
})

export const contextShape = part({
  forwarded: loose(z.boolean()),
  frequently_forwarded: loose(z.boolean()),
  referred_product: part({ product_retailer_id: text, catalog_id: text }),
})

export const referralShape = part({ source_type: text, headline: text, body: text, source_url: text })

export const pricingShape = part({ category: text, pricing_model: text, billable: loose(z.boolean()) })

export const conversationShape = part({ id: text, origin: part({ type: text }) })
