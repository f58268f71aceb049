export * from './regions.js';
export * from './access.js';
export * from './registry.js';
export * from './audit.js';
export * from './imports.js';
export * from './policy.js';
export * from './monitoring.js';
