export * from './integrity.module.js';
export * from './raw-events.controller.js';
