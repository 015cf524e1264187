export { startRouter, type RouterOptions, type RunningRouter } from './router';
