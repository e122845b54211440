export * from './entities.js';
export * from './projection.js';
export * from './projections.js';
export * from './projection-runner.js';
export * from './read-model-database.js';
export * from './read-models.module.js';
