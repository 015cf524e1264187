export * from './db-scope';
export * from './prisma';
export * from './tenant-pool';
export * from './rls-guard';
export * from './system-scope.middleware';
export * from './practice-scope.middleware';
