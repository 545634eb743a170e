import type { GraphRoot } from './options'

export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined
export type Query = Readonly<Record<string, QueryValue>>

const versionSegment = /^v\d+\.\d+(\/|$)/

function appendQuery(url: URL, query: Query | undefined): void {
  if (!query) return
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    url.searchParams.set(name, Array.isArray(value) ? value.join(',') : String(value))
  }
}

/**
 * `path` is relative to the versioned root (`me`, `/123/messages`, `oauth/access_token`), or an
 * absolute URL on the same origin (a `paging.next` link, which already carries the version).
 * Anything that could send the token elsewhere, or smuggle a query past `query`, is refused.
 */
export function buildUrl(root: GraphRoot, version: string, path: string, query: Query | undefined): URL {
  if (/^https?:\/\//i.test(path)) {
    const url = new URL(path)
    if (url.origin !== root.origin || !url.pathname.startsWith(`${root.path}/`)) {
      throw new TypeError(`Refusing to call ${url.origin}: the Graph client only talks to ${root.origin}${root.path}`)
    }
    url.hash = ''
    appendQuery(url, query)
    return url
  }
  const relative = path.replace(/^\/+/, '')
  if (relative === '' || /[?#\s\\]/.test(relative) || relative.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) {
    throw new TypeError(`Not a Graph path: ${JSON.stringify(path.slice(0, 200))}`)
  }
  if (versionSegment.test(relative)) {
    throw new TypeError(`Graph paths do not include the version (the client adds it): ${JSON.stringify(path.slice(0, 200))}`)
  }
  const url = new URL(`${root.path}/${version}/${relative}`, root.origin)
  appendQuery(url, query)
  return url
}
