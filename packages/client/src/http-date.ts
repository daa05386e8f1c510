/**
 * An HTTP-date as RFC 9110 (section 5.6.7) defines it, in epoch milliseconds, or `undefined` for
 * anything else. The three forms, all UTC: `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate),
 * `Sunday, 06-Nov-94 08:49:37 GMT` (RFC 850) and `Sun Nov  6 08:49:37 1994` (asctime).
 * `Date.parse` is no judge of what a server sent: it reads `1.5` as 2001 and `3600.5` as the
 * year 3600, and an asctime date in local time.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)'
const MONTH = `(${MONTHS.join('|')})`
const TIME = '(\\d\\d):(\\d\\d):(\\d\\d)'
const IMF = new RegExp(`^${DAY}, (\\d\\d) ${MONTH} (\\d{4}) ${TIME} GMT$`)
const RFC850 = new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d\\d)-${MONTH}-(\\d\\d) ${TIME} GMT$`)
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`)

export function parseHttpDate(text: string, now: number): number | undefined {
  let day: string, month: string, year: number, time: string[]
  let m: RegExpExecArray | null
  if ((m = IMF.exec(text))) [day, month, year, time] = [m[1]!, m[2]!, Number(m[3]), m.slice(4)]
  else if ((m = ASCTIME.exec(text))) [month, day, year, time] = [m[1]!, m[2]!, Number(m[6]), m.slice(3, 6)]
  else if ((m = RFC850.exec(text))) {
    ;[day, month, time] = [m[1]!, m[2]!, m.slice(4)]
    // A two-digit year more than 50 years ahead is in the past century (RFC 9110).
    const thisYear = new Date(now).getUTCFullYear()
    year = Math.floor(thisYear / 100) * 100 + Number(m[3])
    if (year > thisYear + 50) year -= 100
  } else return undefined
  const [hour, minute, second] = time.map(Number) as [number, number, number]
  const ms = Date.UTC(year, MONTHS.indexOf(month), Number(day), hour, minute, second)
  // Date.UTC rolls 32 May over to 1 June and 24:00 to the next day: such a date is no date.
  const back = new Date(ms)
  if (back.getUTCDate() !== Number(day) || back.getUTCHours() !== hour || minute > 59 || second > 59) return undefined
  return ms
}
