export * from './auth';
export * from './chat';
export * from './notifications';
export * from './payments';
export * from './providers';
export * from './realtime';
export * from './reviews';
export * from './users';
