export * from './metres';
export * from './segment';
export * from './pointOnSurface';
