/**
 * JSON as Meta's servers write webhook bodies: every character outside ASCII escaped as `\uXXXX`
 * with lowercase hex, one escape per UTF-16 unit (so an emoji is a surrogate pair), and `/` as
 * `\/`. Meta signs these bytes, and receivers that re-serialise a parsed body the same way to
 * check the signature (as Meta's own guidance describes) only match if the sandbox writes them so.
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/')
}
