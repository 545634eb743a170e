/** Numbers for people: thousands separators, fixed digits, units. */
export function num(value: number | null, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return 'n/a'
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function ms(value: number | null, digits = 1): string {
  return `${num(value, digits)} ms`
}

export function ratio(value: number | null): string {
  return `${num(value, 2)} ×`
}

export function kib(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${num(bytes / 1024, 1)} KB`
}

export function mib(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${num(bytes / 2 ** 20, 1)} MB`
}

export function seconds(msValue: number): string {
  const total = Math.round(msValue / 1000)
  return total >= 60 ? `${Math.floor(total / 60)} min ${total % 60} s` : `${total} s`
}
