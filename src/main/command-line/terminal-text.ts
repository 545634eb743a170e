/**
 * Text from customers and from anyone who reaches the webhook URL ends up in a terminal: control
 * characters (ESC sequences can move the cursor, retitle the window or worse) and bidirectional
 * overrides (which reorder what is shown) are printed as visible `\uXXXX`, never sent as they are.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/** Inside JSON, C0 controls are already escaped by JSON itself; the rest are escaped the same way. */
const CONTROL_IN_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

const visible = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

/** One line of text for the terminal: whitespace runs become one space, other controls become visible. */
export function printable(text: string): string {
  return text.replace(/[\t\n\r ]+/g, ' ').replace(CONTROL, visible)
}

/** JSON for the terminal (and scripts): the same data, with no raw control character in it. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(CONTROL_IN_JSON, visible)
}
