import { seedBytes } from './seed-bytes'

/** A PDF string literal: backslash and parentheses escaped. */
function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (character) => `\\${character}`)})`
}

/** The lines of a sample invoice: its number and amount depend on `seed`. */
function invoiceLines(seed: number): string[] {
  const bytes = seedBytes(seed, 4)
  const number = 10_000 + (bytes.readUInt16BE(0) % 90_000)
  const cents = 1_000 + (bytes.readUInt16BE(2) % 99_000)
  return [`Invoice ${number}`, '', 'Switchboard sandbox customer', `Amount due: EUR ${(cents / 100).toFixed(2)}`, 'Thank you for your order.']
}

/**
 * A one-page A4 PDF 1.4 with the invoice's text in Helvetica: catalog, page tree, page, content
 * stream and font, then a cross-reference table whose offsets point at each object.
 */
export function pdfDocument(seed: number): Buffer {
  const lines = invoiceLines(seed)
  const text = ['BT', '/F1 20 Tf', '28 TL', '72 770 Td', ...lines.map((line, index) => `${index === 0 ? '' : 'T* '}${pdfString(line)} Tj`), 'ET'].join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]
  // The second line marks the file as binary for transfer tools, as PDF writers do.
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(body, 'latin1')
  // Every cross-reference entry is exactly 20 bytes, its end of line included.
  const entries = ['0000000000 65535 f \n', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)]
  body += `xref\n0 ${objects.length + 1}\n${entries.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
