export { startRouter, type RouterOptions, type RunningRouter } from './router';
export { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limit';
