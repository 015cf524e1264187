// ICD-10-CM search for the diagnosis picker (the shipped mental-health code set).
import { useClientHandle } from '@urql/vue';
import { graphql } from '~/gql';

const DiagnosisSearchDocument = graphql(`
  query DiagnosisSearch($search: String!, $limit: Int) {
    diagnosisCodes(search: $search, limit: $limit) {
      code
      description
    }
  }
`);

export interface DiagnosisOption {
  code: string;
  description: string;
}

export function useNoteDiagnoses() {
  const client = useClientHandle().client;
  const results = ref<DiagnosisOption[]>([]);
  const searching = ref(false);
  let latest = 0;

  /** Searches; an answer to an older query than the latest is dropped (typing outruns the network). */
  async function search(text: string) {
    const ticket = ++latest;
    if (text.trim().length < 2) {
      results.value = [];
      return;
    }
    searching.value = true;
    const result = await client.query(DiagnosisSearchDocument, { search: text, limit: 12 }, { requestPolicy: 'cache-first' }).toPromise();
    if (ticket !== latest) return;
    searching.value = false;
    results.value = result.data?.diagnosisCodes ?? [];
  }

  return { results, searching, search };
}
