import type { GraphExchange } from './exchange'
import type { Query } from './graph-url'
import type { MultipartUpload } from './multipart'
import type { AppSecretProofOption, RetryOptions } from './options'

export interface CallOptions {
  query?: Query
  /** The access token for this call; sent as `Authorization: Bearer` unless `tokenIn: 'query'`. */
  token?: string | null
  /** `query` puts the token in `access_token` (as `debug_token` wants the app token). */
  tokenIn?: 'header' | 'query'
  /** Overrides the client's setting; `false` sends no proof. */
  appSecretProof?: AppSecretProofOption | false
  signal?: AbortSignal
  /** Overrides the client's per-attempt timeout. */
  timeoutMs?: number
  /** Return (and attach to errors) a redacted record of the request and response. */
  exchange?: boolean
}

export interface GetOptions extends CallOptions {
  /** Overrides the client's retry setting for this read; `false`: one try. */
  retry?: Partial<RetryOptions> | false
}

export interface PostOptions extends CallOptions {
  json?: unknown
  form?: Readonly<Record<string, string | number | boolean>>
  /** A file, streamed as multipart/form-data (a media upload). */
  multipart?: MultipartUpload
}

export type DeleteOptions = CallOptions

export interface GraphResponse {
  /** Parsed JSON as Graph sent it (null for an empty body); the caller validates its shape. */
  data: unknown
  status: number
  requestId: string
  fbtraceId: string | null
  attempts: number
  exchange?: GraphExchange
}
