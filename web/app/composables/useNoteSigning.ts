// Signing, review and history of clinical notes: the only callers of the signing API. Each action
// returns an error sentence (or null) so components can announce it.
import { useMutation, useQuery, type CombinedError } from '@urql/vue';
import { graphql } from '~/gql';

const NoteSigningDocument = graphql(`
  query NoteSigning($id: ID!) {
    clinicalNote(id: $id) {
      id
      status
      revision
      noteType
      serviceDate
      dueAt
      signedAt
      signingPath
      contentVerified
      diagnosisCodes
      versions {
        id
        number
        kind
        createdAt
        text
        addendumText
        contentHash
        verified
        awaitingCosignature
        author {
          id
          displayName
        }
        signatures {
          id
          role
          signedAt
          ip
          signer {
            id
            displayName
          }
        }
      }
      reviewHistory {
        id
        action
        comment
        createdAt
        actor {
          id
          displayName
        }
      }
    }
  }
`);

const SignNoteDocument = graphql(`
  mutation SignNote($id: ID!, $revision: Int, $attest: Boolean!) {
    signNote(id: $id, revision: $revision, attest: $attest) {
      id
      status
      signedAt
    }
  }
`);

const SubmitNoteDocument = graphql(`
  mutation SubmitNoteForReview($id: ID!, $revision: Int, $attest: Boolean!) {
    submitNoteForReview(id: $id, revision: $revision, attest: $attest) {
      id
      status
    }
  }
`);

const AddAddendumDocument = graphql(`
  mutation AddNoteAddendum($id: ID!, $text: String!, $attest: Boolean!) {
    addNoteAddendum(id: $id, text: $text, attest: $attest) {
      id
      number
    }
  }
`);

const UnsignedNotesDocument = graphql(`
  query UnsignedNotes {
    unsignedNotes {
      id
      state
      serviceDate
      dueAt
      daysOverdue
      returnComment
      note {
        id
        noteType
      }
      client {
        id
        firstName
        lastName
      }
    }
  }
`);

const SignNotesDocument = graphql(`
  mutation SignNotes($ids: [ID!]!, $attest: Boolean!) {
    signNotes(ids: $ids, attest: $attest) {
      signed
      submittedForReview
      refused {
        noteId
        code
        message
      }
    }
  }
`);

const ReviewQueueDocument = graphql(`
  query NoteReviewQueue {
    noteReviewQueue {
      id
      serviceDate
      submittedAt
      dueAt
      daysOverdue
      author {
        id
        displayName
      }
      client {
        id
        firstName
        lastName
      }
      note {
        id
        noteType
        body
        diagnosisCodes
      }
    }
  }
`);

const CosignNoteDocument = graphql(`
  mutation CosignNote($id: ID!, $attest: Boolean!) {
    cosignNote(id: $id, attest: $attest) {
      id
      status
    }
  }
`);

const ReturnNoteDocument = graphql(`
  mutation ReturnNoteForRevision($id: ID!, $comment: String!) {
    returnNoteForRevision(id: $id, comment: $comment) {
      id
      status
    }
  }
`);

/** A sentence for a signing error, with the signing codes' own wording. */
function useSigningError() {
  const t = useT();
  const generic = useErrorMessage();
  return (error: CombinedError | undefined): string | null => {
    const code = error?.graphQLErrors[0]?.extensions?.code;
    if (code === 'NOTE_INCOMPLETE') return t.signing.errors.incomplete;
    if (code === 'REVIEW_REQUIRED') return t.signing.errors.reviewRequired;
    return generic(error);
  };
}

/** One note's signing state, versions and review history, with sign / submit / addendum. */
export function useNoteSigning(noteId: () => string) {
  const query = useQuery({ query: NoteSigningDocument, variables: computed(() => ({ id: noteId() })), requestPolicy: 'cache-and-network' });
  const sign = useMutation(SignNoteDocument);
  const submit = useMutation(SubmitNoteDocument);
  const addendum = useMutation(AddAddendumDocument);
  const message = useSigningError();
  const refresh = () => query.executeQuery({ requestPolicy: 'network-only' });
  const run = async (result: Promise<{ error?: CombinedError }>) => {
    const outcome = await result;
    if (!outcome.error) await refresh();
    return message(outcome.error);
  };
  return {
    note: computed(() => query.data.value?.clinicalNote ?? null),
    fetching: query.fetching,
    error: computed(() => message(query.error.value)),
    busy: computed(() => sign.fetching.value || submit.fetching.value || addendum.fetching.value),
    refresh,
    sign: (revision: number, attest: boolean) => run(sign.executeMutation({ id: noteId(), revision, attest })),
    submitForReview: (revision: number, attest: boolean) => run(submit.executeMutation({ id: noteId(), revision, attest })),
    addAddendum: (text: string, attest: boolean) => run(addendum.executeMutation({ id: noteId(), text, attest })),
  };
}

/** The clinician's to-do list of unsigned sessions, oldest first, with bulk signing. */
export function useUnsignedNotes() {
  const query = useQuery({ query: UnsignedNotesDocument, requestPolicy: 'cache-and-network' });
  const bulk = useMutation(SignNotesDocument);
  const message = useSigningError();
  return {
    items: computed(() => query.data.value?.unsignedNotes ?? []),
    fetching: query.fetching,
    error: computed(() => message(query.error.value)),
    busy: bulk.fetching,
    signMany: async (ids: string[], attest: boolean) => {
      const outcome = await bulk.executeMutation({ ids, attest });
      await query.executeQuery({ requestPolicy: 'network-only' });
      return { error: message(outcome.error), result: outcome.data?.signNotes ?? null };
    },
  };
}

/** The supervisor's queue of supervisees' notes, with co-sign and return. */
export function useNoteReviewQueue() {
  const query = useQuery({ query: ReviewQueueDocument, requestPolicy: 'cache-and-network' });
  const cosign = useMutation(CosignNoteDocument);
  const giveBack = useMutation(ReturnNoteDocument);
  const message = useSigningError();
  const run = async (result: Promise<{ error?: CombinedError }>) => {
    const outcome = await result;
    if (!outcome.error) await query.executeQuery({ requestPolicy: 'network-only' });
    return message(outcome.error);
  };
  return {
    items: computed(() => query.data.value?.noteReviewQueue ?? []),
    fetching: query.fetching,
    error: computed(() => message(query.error.value)),
    busy: computed(() => cosign.fetching.value || giveBack.fetching.value),
    cosign: (id: string, attest: boolean) => run(cosign.executeMutation({ id, attest })),
    returnNote: (id: string, comment: string) => run(giveBack.executeMutation({ id, comment })),
  };
}
