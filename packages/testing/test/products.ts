// Two products for the tests: a PUBLIC one with three stages (one without usage plans) and a
// PROTECTED one.
import type { FakeProduct } from '../src/index.js'

export const weather: FakeProduct = {
  productId: 'weather001',
  productName: 'Weather',
  subscriptionCode: 'PUBLIC',
  stages: [
    { apiId: 'forecast01', apiName: 'forecast', stageId: 'fc-prod', stageName: 'prod', usagePlans: [{ usagePlanId: 'basic', usagePlanName: 'Basic' }, { usagePlanId: 'premium', usagePlanName: 'Premium' }] },
    { apiId: 'forecast01', apiName: 'forecast', stageId: 'fc-beta', stageName: 'beta', usagePlans: [] },
    { apiId: 'alerts0001', apiName: 'alerts', stageId: 'al-prod', stageName: 'prod', usagePlans: [{ usagePlanId: 'alerts', usagePlanName: 'Alerts' }] },
  ],
}
export const payments: FakeProduct = {
  productId: 'payments01',
  productName: 'Payments',
  productDescription: 'card payments',
  subscriptionCode: 'PROTECTED',
  stages: [{ apiId: 'pay0000001', apiName: 'pay', stageId: 'pay-prod', stageName: 'prod', usagePlans: [{ usagePlanId: 'metered', usagePlanName: 'Metered' }] }],
}
