/**
 * A stateful, in-memory fake of NCP API Gateway's API Key API for tests: it verifies signature
 * v2, keeps keys, products and subscriptions, answers NCP's error bodies, records the requests it
 * receives and injects faults.
 */
export { startFakeApiGateway } from './start.js'
export { exampleWorld } from './resources/example-world.js'
export { TEST_CREDENTIALS } from './server/credentials.js'
export type {
  Credentials,
  DelayFault,
  DropFault,
  FakeApiGateway,
  FakeApiGatewayOptions,
  FakeProduct,
  FakeResponse,
  FakeStage,
  FakeSubscription,
  FakeSubscriptionSeed,
  FakeUsagePlan,
  FakeWorld,
  Fault,
  FaultKind,
  FaultTarget,
  HangFault,
  InjectedFault,
  LargeFault,
  MalformedFault,
  RecordedRequest,
  ResetFault,
  StatusFault,
  TransformFault,
} from './types.js'
export type { OperationId } from '@ncloud-apigw/operations'
