import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import { mask, type Redactor } from '../log'
import { appSecretProof } from './appsecret-proof'
import type { GetOptions, PostOptions } from './call-options'
import type { RequestIdentity } from './errors'
import type { GraphMethod } from './exchange'
import { multipartBody } from './multipart'
import { buildTarget, type Query } from './graph-url'
import type { AppSecretProofOption, GraphRoot } from './options'
import { redactedUrl } from './secret-fields'
import { REQUEST_ID_HEADER } from './transport'

/** A call ready to send, with its secrets registered and a redacted view for errors and records. */
export interface PreparedRequest extends RequestIdentity {
  /** The path and query as sent to the Graph origin. */
  pathAndQuery: string
  readonly fullUrl: URL
  headers: Record<string, string>
  /** The headers as they may be shown: the token masked. */
  shownHeaders: Record<string, string>
  body: string | Readable | null
  contentType: string | null
  /** A streamed body as an exchange record shows it (the bytes are not kept). */
  shownBody: string | null
}

export interface PrepareContext {
  root: GraphRoot
  version: string
  userAgent: string
  appSecretProof: AppSecretProofOption | undefined
  redactor: Redactor
}

export function prepareRequest(method: GraphMethod, path: string, call: GetOptions & PostOptions, context: PrepareContext): PreparedRequest {
  const { redactor } = context
  const token = call.token ?? null
  const query: Record<string, Query[string]> = { ...call.query }
  const requestId = randomUUID()
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': context.userAgent, [REQUEST_ID_HEADER]: requestId }

  if (token !== null) {
    redactor.add(token)
    if (call.tokenIn === 'query') {
      query.access_token = token
    } else {
      headers.authorization = `Bearer ${token}`
    }
    const proof = call.appSecretProof === false ? undefined : (call.appSecretProof ?? context.appSecretProof)
    if (proof) {
      const value = appSecretProof(token, proof.appSecret)
      redactor.add(proof.appSecret)
      redactor.add(value)
      query.appsecret_proof = value
    }
  }
  const target = buildTarget(context.root, context.version, path, query)

  if ([call.json, call.form, call.multipart].filter((part) => part !== undefined).length > 1) throw new TypeError('Send one of json, form or multipart')
  let body: string | Readable | null = null
  let contentType: string | null = null
  let shownBody: string | null = null
  if (call.multipart !== undefined) {
    const multipart = multipartBody(call.multipart)
    body = multipart.stream
    contentType = multipart.contentType
    shownBody = multipart.shown
    headers['content-length'] = String(multipart.length)
  } else if (call.json !== undefined) {
    body = JSON.stringify(call.json)
    contentType = 'application/json'
  } else if (call.form !== undefined) {
    body = new URLSearchParams(Object.entries(call.form).map(([k, v]): [string, string] => [k, String(v)])).toString()
    contentType = 'application/x-www-form-urlencoded'
  }
  if (contentType !== null) headers['content-type'] = contentType

  // The redacted URL and headers are only needed for errors, logs of failures and exchange
  // records: built on first use, not on every successful send (most of the client's own cost).
  let shownUrl: string | undefined
  let shownHeaders: Record<string, string> | undefined
  return {
    method,
    get url() {
      shownUrl ??= redactor.redact(redactedUrl(target.url()))
      return shownUrl
    },
    get shownHeaders() {
      shownHeaders ??= headers.authorization && token !== null ? { ...headers, authorization: `Bearer ${mask(token)}` } : { ...headers }
      return shownHeaders
    },
    requestId,
    pathAndQuery: target.pathAndQuery,
    get fullUrl() {
      return target.url()
    },
    headers,
    body,
    contentType,
    shownBody,
  }
}
