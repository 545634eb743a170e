/**
 * JSON as Meta writes webhook bodies: every non-ASCII character as `\uXXXX` in lowercase hex, one
 * escape per UTF-16 unit, and `/` as `\/` (Meta: "äöå should be escaped to \u00e4\u00f6\u00e5").
 * Written for the tests, independent of the sandbox's own writer.
 */
export function metaEscapedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/')
}
