/** The delivery use cases: deliver a release folder, test a destination. */
export { deliverRelease, DEFAULT_RETRY_DELAYS_MS } from './deliver-release.js';
export { targetFromDestination, type Decrypt } from './target-from-destination.js';
export { testDestination } from './test-destination.js';
export { validateTarget } from './validate-target.js';
export type {
  DeliverRequest,
  DeliveryDeps,
  DeliveryEvent,
  DestinationOutcome,
  DestinationRequest,
  DestinationTestResult,
  ErrorSummary,
} from './types.js';
