/**
 * Meta states a file's SHA-256 in two spellings: base64 in webhooks, lowercase hex in
 * `GET /{media-id}`. Both read as hex here; anything else (a placeholder such as `IMAGE_HASH`)
 * reads as null and is not checked.
 */
export function digestHex(announced: string | null | undefined): string | null {
  if (!announced) return null
  const text = announced.trim()
  if (/^[0-9a-f]{64}$/i.test(text)) return text.toLowerCase()
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return null
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  return bytes.length === 32 ? bytes.toString('hex') : null
}
