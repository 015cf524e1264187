import type { CombinedError } from '@urql/vue';

/** A sentence for the user from a GraphQL or network error, keyed by the stable error code. */
export function useErrorMessage() {
  const t = useT();
  return (error: CombinedError | null | undefined): string | null => {
    if (!error) return null;
    if (error.networkError) return t.errors.NETWORK;
    const first = error.graphQLErrors[0];
    const code = first?.extensions?.code as keyof typeof t.errors | undefined;
    if (code === 'BAD_USER_INPUT' || code === 'CONFLICT') return first?.message ?? t.errors.DEFAULT;
    return (code && t.errors[code]) ?? first?.message ?? t.errors.DEFAULT;
  };
}

/** The input fields a BAD_USER_INPUT error names (the API's validation lists them), so a form can mark each. */
export function refusedFields(error: CombinedError): string[] {
  const fields = error.graphQLErrors[0]?.extensions?.fields as Array<{ field: string }> | undefined;
  return fields?.map((entry) => entry.field) ?? [];
}
