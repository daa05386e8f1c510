import { InvalidArgumentError } from 'commander'

/**
 * A parser for a flag that takes a whole number: decimal digits only, so `abc`, `1e3`, `0x10`,
 * `-1`, `2.5` and an empty value are a usage error naming the flag, rather than a number they
 * happen to convert to. The bounds (at least 1, ...) are the spec's and the client's to check.
 */
export function wholeNumber(example: string): (value: string) => number {
  return (value) => {
    const number = Number(value)
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new InvalidArgumentError(`Give a whole number in decimal digits, such as ${example}.`)
    return number
  }
}
