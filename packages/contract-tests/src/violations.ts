/** One finding of Prism's: which part of the request or response broke the spec, and how. */
export interface Violation {
  location: string[]
  code: string | number
  message: string
}

/**
 * A `fetch` for the client that notes every violation Prism reports, whichever way it reports
 * it: the `sl-violations` header (mock mode, and proxy mode for warnings) or the problem body of
 * a request it refused (422) or a response it refused (500), which carry a `validation` list.
 * The client still gets the answer unchanged.
 */
export function violationRecorder(fetchImpl: typeof fetch = fetch) {
  const found: Violation[] = []
  const recordingFetch = async (input: string, init: RequestInit): Promise<Response> => {
    const response = await fetchImpl(input, init)
    found.push(...(await violationsOf(response.clone())))
    return response
  }
  return { fetch: recordingFetch, violations: found }
}

/** The violations Prism attached to one answer; none for an answer it let through. */
export async function violationsOf(response: Response): Promise<Violation[]> {
  const header = response.headers.get('sl-violations')
  if (header) return JSON.parse(header) as Violation[]
  if (!response.headers.get('content-type')?.includes('application/problem+json')) return []
  const problem = (await response.json()) as { validation?: Violation[] }
  return problem.validation ?? []
}
