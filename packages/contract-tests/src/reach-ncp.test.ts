import { expect, test } from 'vitest'
import { reachNcp } from './reach-ncp.js'

const host = 'ncloud.apigw.ntruss.com'

/** A lookup that fails as getaddrinfo does, with the given code. */
const failingWith = (code: string) => async (name: string) => {
  throw Object.assign(new Error(`getaddrinfo ${code} ${name}`), { code, syscall: 'getaddrinfo', hostname: name })
}

test.each(['ENOTFOUND', 'EAI_AGAIN'])('a host that does not resolve (%s) is a network problem, named with its host and code', async (code) => {
  const message = await reachNcp(host, failingWith(code))
  expect(message).toBe(`cannot reach NCP: ${host} does not resolve (${code}). Check the network or the proxy settings, then run it again.`)
  expect(message).not.toMatch(/500|retry later/i)
})

test('a host that resolves is reachable: no message, and the host asked for is the one looked up', async () => {
  const asked: string[] = []
  const message = await reachNcp(host, async (name) => {
    asked.push(name)
    return { address: '203.0.113.7', family: 4 }
  })
  expect(message).toBeUndefined()
  expect(asked).toEqual([host])
})

test('a lookup that fails without an errno code still says which host and what went wrong', async () => {
  const message = await reachNcp(host, async () => {
    throw new Error('resolver gone')
  })
  expect(message).toBe(`cannot reach NCP: ${host} does not resolve (Error: resolver gone). Check the network or the proxy settings, then run it again.`)
})

test("by default the host is looked up with node:dns: localhost resolves", async () => {
  expect(await reachNcp('localhost')).toBeUndefined()
})
