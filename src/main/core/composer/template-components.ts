import { z } from 'zod'
import type { TemplateComponent } from '@shared/contract'

/** Meta's template components (`GET /{waba-id}/message_templates`), read leniently. */

const text = z.string().optional().catch(undefined)
const exampleValue = z.union([z.string(), z.number()]).transform(String)

const metaComponent = z.looseObject({
  type: text,
  format: text,
  text,
  example: z
    .looseObject({
      header_text: z.array(exampleValue).optional().catch(undefined),
      body_text: z.array(z.array(exampleValue)).optional().catch(undefined),
      header_text_named_params: z.array(z.looseObject({ param_name: z.string(), example: exampleValue })).optional().catch(undefined),
      body_text_named_params: z.array(z.looseObject({ param_name: z.string(), example: exampleValue })).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  buttons: z.array(z.looseObject({ type: text, text, url: text }).catch({})).optional().catch(undefined),
})

const TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] as const

export function templateComponents(components: unknown): TemplateComponent[] {
  return (Array.isArray(components) ? components : []).flatMap((item) => {
    const parsed = metaComponent.safeParse(item)
    if (!parsed.success) return []
    const c = parsed.data
    const type = (TYPES as readonly string[]).includes(c.type?.toUpperCase() ?? '') ? (c.type!.toUpperCase() as TemplateComponent['type']) : 'OTHER'
    const header = type === 'HEADER'
    return [
      {
        type,
        format: c.format?.toUpperCase() ?? null,
        text: c.text ?? null,
        examples: {
          positional: (header ? c.example?.header_text : c.example?.body_text?.[0]) ?? [],
          named: ((header ? c.example?.header_text_named_params : c.example?.body_text_named_params) ?? []).map((p) => ({ name: p.param_name, example: p.example })),
        },
        buttons: (c.buttons ?? []).map((b) => ({ type: b.type?.toUpperCase() ?? 'UNKNOWN', text: b.text ?? '', url: b.url ?? null })),
      },
    ]
  })
}
