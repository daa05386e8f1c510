import { decide } from './decide.js'

export const approve = decide('approve', 'ACCEPTED', { summary: "Approve an API key on a product: it may call the product's APIs", done: 'Approved' })
