/**
 * Python `%`-formatting of one integer (`'pep-%04d' % n`, `'rfc%d.html' % n`).
 *
 * @param template Template with one `%d`/`%0Nd`/`%Nd` (and `%%`).
 * @param value Integer.
 * @returns The formatted string.
 */
export function formatPercent(template: string, value: number): string {
  return template.replace(/%(%|(0?)(\d*)d)/g, (_all, whole: string, zero: string, size: string) => {
    if (whole === '%') return '%'
    const digits = String(Math.abs(value))
    const sign = value < 0 ? '-' : ''
    const total = size ? Number.parseInt(size, 10) : 0
    if (zero) return sign + digits.padStart(total - sign.length, '0')
    return (sign + digits).padStart(total, ' ')
  })
}
