/**
 * A value from the environment or `~/.ncloud/configure` as it will be used: trimmed, blank
 * counting as unset. fetch strips leading and trailing whitespace from a header value while the
 * signature covers the value as given, so `" AK "` or a secret with the `\r` of a CRLF `.env`
 * gave 401 "signature mismatch"; and `NCLOUD_SITE=gov\r` named no site.
 */
export function envValue(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}
