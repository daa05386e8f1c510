// Every operation of the table, once, with the spec's own example request: through Prism's mock
// (the client gets the documented answer) and through Prism's validation proxy in front of the
// fake API Gateway holding the spec's examples (request and answer valid against the spec both
// ways). Nothing here names an operation: one added to the spec is contract-checked here as it is.
import { exampleAnswers, operationIds, operations } from '@ncloud-apigw/operations'
import { TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { describe, expect, inject, test } from 'vitest'
import { sendExample } from './every-operation.js'

describe("prism mock: every operation's example request gets its documented answer", () => {
  // Prism's mock checks that the three headers are present, not what they hold.
  const credentials = { accessKey: 'NCPMOCKACCESSKEY0001', secretKey: 'mock-secret-never-checked' }
  test.each(operationIds)('%s', async (operation) => {
    const { data, status, violations } = await sendExample(inject('mockUrl'), credentials, operation)
    expect(status).toBe(operations[operation].success)
    expect(data).toEqual(exampleAnswers[operation])
    expect(violations).toEqual([])
  })
})

describe("prism proxy: every operation's example request, valid both ways, against the fake", () => {
  test.each(operationIds)('%s', async (operation) => {
    // Each on the examples as seeded: an earlier delete or unsubscribe is undone.
    expect((await fetch(`${inject('examplesControlUrl')}/reset`, { method: 'POST' })).status).toBe(204)
    const { status, violations } = await sendExample(inject('examplesProxyUrl'), TEST_CREDENTIALS, operation)
    expect(violations).toEqual([])
    expect(status).toBe(operations[operation].success)
  })
})
