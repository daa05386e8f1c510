import type { CommandModule } from '../command.js'
import { pageFlags, readPage } from '../paging.js'

export const list = {
  operation: 'listApiKeys',
  name: 'list',
  description: 'one page of keys, or every page with --all; the list holds no key values, get a key to read them',
  flags: [{ flags: '--name <text>', description: 'only keys whose name matches this text (as the API matches it)', field: 'apiKeyName' }, ...pageFlags('keys')],
  examples: ['list --name ci --output table', 'list --name ci-bot --limit 20 --offset 20 --output table', "list --all | jq -r '.apiKeys[] | select(.isEnabled | not) | .apiKeyId'"],
  notes: `As JSON: one page as the API answers it, {"apiKeys": [...], "total": n, "initialCount": n}, where
total counts the matching keys on all pages; with --all, {"apiKeys": [...], "total": n}, every
matching key and their number. As a table: a row per key; how many there are goes to stderr.`,
  run(input) {
    const client = input.client()
    const name = input.options.name as string | undefined
    const filter = name === undefined ? {} : { apiKeyName: name }
    return readPage(
      input,
      'listApiKeys',
      { columns: ['apiKeyId', 'apiKeyName', 'isEnabled', 'modTime', 'apiKeyDescription'], noun: ['API key', 'API keys'] },
      { one: (window) => client.listApiKeys({ ...filter, ...window }), every: () => client.paginateApiKeys(filter) },
    )
  },
} satisfies CommandModule
