import type { GraphRoot } from './options'

export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined
export type Query = Readonly<Record<string, QueryValue>>

const versionSegment = /^v\d+\.\d+(\/|$)/
/** A `.` or `..` segment, plain or percent-encoded. */
const dotSegment = /(^|\/)(\.|%2e){1,2}(\/|$)/i

function appendQuery(params: URLSearchParams, query: Query | undefined): void {
  if (!query) return
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    params.set(name, Array.isArray(value) ? value.join(',') : String(value))
  }
}

/** Where a request goes: the path with its query as sent, and the whole URL, built only when asked for. */
export interface GraphTarget {
  pathAndQuery: string
  url(): URL
}

/** Characters a URL path keeps as they are: such a path needs no URL object to be sent. */
const plainPath = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/

function targetOf(url: URL): GraphTarget {
  return { pathAndQuery: `${url.pathname}${url.search}`, url: () => url }
}

/**
 * `path` is relative to the versioned root (`me`, `/123/messages`, `oauth/access_token`), or an
 * absolute URL on the same origin (a `paging.next` link, which already carries the version).
 * Anything that could send the token elsewhere, or smuggle a query past `query`, is refused.
 */
export function buildTarget(root: GraphRoot, version: string, path: string, query: Query | undefined): GraphTarget {
  if (/^https?:\/\//i.test(path)) {
    const url = new URL(path)
    if (url.origin !== root.origin || !url.pathname.startsWith(`${root.path}/`)) {
      throw new TypeError(`Refusing to call ${url.origin}: the Graph client only talks to ${root.origin}${root.path}`)
    }
    url.hash = ''
    appendQuery(url.searchParams, query)
    return targetOf(url)
  }
  const relative = path.replace(/^\/+/, '')
  if (relative === '' || /[?#\s\\]/.test(relative) || dotSegment.test(relative)) {
    throw new TypeError(`Not a Graph path: ${JSON.stringify(path.slice(0, 200))}`)
  }
  if (versionSegment.test(relative)) {
    throw new TypeError(`Graph paths do not include the version (the client adds it): ${JSON.stringify(path.slice(0, 200))}`)
  }
  const pathname = `${root.path}/${version}/${relative}`
  if (!plainPath.test(pathname)) {
    const url = new URL(pathname, root.origin)
    appendQuery(url.searchParams, query)
    return targetOf(url)
  }
  // The common case without a URL object (its parsing and getters were a tenth of a send's cost).
  let search = ''
  if (query && Object.values(query).some((value) => value !== undefined && value !== null)) {
    const params = new URLSearchParams()
    appendQuery(params, query)
    search = params.toString()
  }
  const pathAndQuery = search === '' ? pathname : `${pathname}?${search}`
  let url: URL | undefined
  return { pathAndQuery, url: () => (url ??= new URL(pathAndQuery, root.origin)) }
}

export function buildUrl(root: GraphRoot, version: string, path: string, query: Query | undefined): URL {
  return buildTarget(root, version, path, query).url()
}
