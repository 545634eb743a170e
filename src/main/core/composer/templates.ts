import type { TemplateView } from '@shared/contract'
import type { AuthorisedCall } from '../token'
import { templateComponents } from './template-components'

type Json = Record<string, unknown>

/** `GET /{waba-id}/message_templates`, every page, as the composer's template picker needs them. */
export async function listTemplates(auth: AuthorisedCall, wabaId: string, onlyApproved: boolean): Promise<TemplateView[]> {
  const templates: TemplateView[] = []
  let path: string | null = `${wabaId}/message_templates`
  let query: Record<string, string> | undefined = { limit: '100', fields: 'id,name,language,status,category,parameter_format,components', ...(onlyApproved ? { status: 'APPROVED' } : {}) }
  for (let page = 0; path && page < 20; page++) {
    const response = await auth.graph.get(path, { token: auth.token, appSecretProof: auth.proof, ...(query ? { query } : {}) })
    const body = (response.data ?? {}) as Json
    for (const item of Array.isArray(body.data) ? body.data : []) {
      const t = item as Json
      if (typeof t.name !== 'string' || typeof t.language !== 'string') continue
      templates.push({
        id: typeof t.id === 'string' ? t.id : null,
        name: t.name,
        language: t.language,
        status: typeof t.status === 'string' ? t.status : 'UNKNOWN',
        category: typeof t.category === 'string' ? t.category : null,
        parameterFormat: t.parameter_format === 'NAMED' ? 'NAMED' : 'POSITIONAL',
        components: templateComponents(t.components),
      })
    }
    const next = ((body.paging as Json | undefined)?.next as string | undefined) ?? null
    path = next
    query = undefined
  }
  return templates.sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language))
}
