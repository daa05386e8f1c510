import { decide } from './decide.js'

export const reject = decide('reject', 'REJECTED', { summary: "Reject an API key on a product: the product's APIs refuse it", done: 'Rejected' })
