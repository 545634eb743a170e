import type { TemplateTranslation } from './template-catalogue'

export interface Pricing {
  billable: boolean
  pricing_model: 'PMP'
  category: string
  type: 'regular' | 'free_customer_service'
}

/**
 * Per-message pricing (PMP, since July 2025): templates are charged by category, except utility
 * templates inside an open customer-service window; free-form messages (only possible inside the
 * window) are free `service` messages.
 */
export function pricingFor(template: TemplateTranslation | undefined, windowOpen: boolean): Pricing {
  if (!template) return { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' }
  const category = template.category.toLowerCase()
  if (template.category === 'UTILITY' && windowOpen) return { billable: false, pricing_model: 'PMP', category, type: 'free_customer_service' }
  return { billable: true, pricing_model: 'PMP', category, type: 'regular' }
}
