// GraphQL Code Generator: typed documents for web/ from the client-facing API schema
// (schema/api.graphql, written by `npm run compose`). Output in web/app/gql/ is generated, never edited.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['web/app/**/*.{ts,vue}', '!web/app/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'web/app/gql/': {
      preset: 'client',
      config: { useTypeImports: true, scalars: { DateTimeISO: 'string' }, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
