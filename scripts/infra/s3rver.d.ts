// @20minutes/s3rver ships no types; scripts/infra/s3.ts types what it uses.
declare module '@20minutes/s3rver';
