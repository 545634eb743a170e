import type { MessageOrigin } from '@shared/contract'
import { contextShape, conversationShape, pricingShape, referralShape } from './meta-shapes'

type Json = Record<string, unknown>
const orNull = <T>(value: T | undefined): T | null => value ?? null

/** Forwarding, the product a message asks about, the ad it answers: from its `context` and `referral`. */
export function readOrigin(payload: unknown): MessageOrigin {
  const message: Json = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Json) : {}
  const context = contextShape.parse(message.context)
  const referral = referralShape.parse(message.referral)
  const product = context?.referred_product
  return {
    forwarded: context?.frequently_forwarded ? 'many' : context?.forwarded ? 'once' : null,
    product: product?.product_retailer_id ? { retailerId: product.product_retailer_id, catalogId: orNull(product.catalog_id) } : null,
    referral: referral ? { sourceType: orNull(referral.source_type), headline: orNull(referral.headline), body: orNull(referral.body), sourceUrl: orNull(referral.source_url) } : null,
  }
}

/** A status webhook's pricing, readable; null when it has none. */
export function readPricing(pricing: unknown) {
  const part = pricingShape.parse(pricing)
  return part ? { category: orNull(part.category), model: orNull(part.pricing_model), billable: orNull(part.billable) } : null
}

export function readConversation(conversation: unknown) {
  const part = conversationShape.parse(conversation)
  return part ? { id: orNull(part.id), origin: orNull(part.origin?.type) } : null
}
