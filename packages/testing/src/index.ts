/**
 * A stateful, in-memory fake of NCP API Gateway's API Key API for tests: it verifies signature
 * v2, keeps keys, answers NCP's error bodies, records the requests it receives and injects faults.
 */
export { startFakeApiGateway, type FakeApiGateway, type FakeApiGatewayOptions } from './gateway.js'
export { TEST_CREDENTIALS, type Credentials } from './credentials.js'
export type {
  DelayFault,
  DropFault,
  FakeResponse,
  Fault,
  FaultKind,
  FaultTarget,
  HangFault,
  InjectedFault,
  LargeFault,
  MalformedFault,
  ResetFault,
  StatusFault,
  TransformFault,
} from './faults.js'
export type { RecordedRequest } from './recorded-request.js'
export type { OperationId } from '@ncloud-apigw/operations'
