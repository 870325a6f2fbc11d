export * from './categories';
export * from './defaults';
export * from './roads';
