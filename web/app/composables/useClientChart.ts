import { useMutation, useQuery, type CombinedError } from '@urql/vue';
import type { Ref } from 'vue';
import { graphql } from '~/gql';
import type { ClientConsentInput, ClientDocumentKind, ClientGuardianInput, ClientInsuranceInput, UpdateClientInput } from '~/gql/graphql';

// A client's chart: the record with insurance, guardians and consents, and the changes staff make.
const ClientChartDocument = graphql(`
  query ClientChart($id: ID!) {
    client(id: $id) {
      id
      firstName
      lastName
      preferredName
      pronouns
      genderIdentity
      sexAssignedAtBirth
      dateOfBirth
      isMinor
      email
      phone
      status
      dischargedOn
      tags
      reminderEmail
      reminderSms
      address {
        line1
        line2
        city
        state
        postalCode
      }
      emergencyContact {
        name
        relationship
        phone
      }
      referringProvider {
        name
        npi
        phone
      }
      insurances {
        id
        rank
        payerName
        payerId
        memberId
        groupNumber
        subscriberRelationship
        subscriberName
        subscriberDateOfBirth
        effectiveOn
        terminatesOn
      }
      guardians {
        id
        name
        relationship
        phone
        email
        isLegalGuardian
      }
      consents {
        id
        kind
        signedAt
        expiresAt
        signedByName
        revokedAt
        state
      }
      documents {
        id
        kind
        filename
        contentType
        sizeBytes
        createdAt
        downloadUrl
      }
      consentStatus {
        informedConsent
        informedConsentExpiresAt
        telehealth
        guardian
      }
    }
  }
`);

const UpdateClientDocument = graphql(`
  mutation UpdateClientRecord($id: ID!, $input: UpdateClientInput!) {
    updateClient(id: $id, input: $input) {
      id
    }
  }
`);

const AddInsuranceDocument = graphql(`
  mutation AddClientInsurance($clientId: ID!, $input: ClientInsuranceInput!) {
    addClientInsurance(clientId: $clientId, input: $input) {
      id
    }
  }
`);

const RemoveInsuranceDocument = graphql(`
  mutation RemoveClientInsurance($id: ID!) {
    removeClientInsurance(id: $id) {
      id
    }
  }
`);

const AddGuardianDocument = graphql(`
  mutation AddClientGuardian($clientId: ID!, $input: ClientGuardianInput!) {
    addClientGuardian(clientId: $clientId, input: $input) {
      id
    }
  }
`);

const RemoveGuardianDocument = graphql(`
  mutation RemoveClientGuardian($id: ID!) {
    removeClientGuardian(id: $id) {
      id
    }
  }
`);

const AddConsentDocument = graphql(`
  mutation AddClientConsent($clientId: ID!, $input: ClientConsentInput!) {
    addClientConsent(clientId: $clientId, input: $input) {
      id
    }
  }
`);

const RevokeConsentDocument = graphql(`
  mutation RevokeClientConsent($id: ID!) {
    revokeClientConsent(id: $id) {
      id
    }
  }
`);

const RequestUploadDocument = graphql(`
  mutation RequestClientDocumentUpload($clientId: ID!, $input: ClientDocumentUploadInput!) {
    requestClientDocumentUpload(clientId: $clientId, input: $input) {
      uploadUrl
      document {
        id
      }
    }
  }
`);

const ConfirmDocumentDocument = graphql(`
  mutation ConfirmClientDocument($id: ID!) {
    confirmClientDocument(id: $id) {
      id
    }
  }
`);

const RemoveDocumentDocument = graphql(`
  mutation RemoveClientDocument($id: ID!) {
    removeClientDocument(id: $id) {
      id
    }
  }
`);

/** Every change returns the error (or null) and reloads the chart when it worked. */
export function useClientChart(clientId: Ref<string>) {
  const query = useQuery({ query: ClientChartDocument, variables: computed(() => ({ id: clientId.value })) });
  const reload = () => query.executeQuery({ requestPolicy: 'network-only' });
  const mutations = {
    update: useMutation(UpdateClientDocument),
    addInsurance: useMutation(AddInsuranceDocument),
    removeInsurance: useMutation(RemoveInsuranceDocument),
    addGuardian: useMutation(AddGuardianDocument),
    removeGuardian: useMutation(RemoveGuardianDocument),
    addConsent: useMutation(AddConsentDocument),
    revokeConsent: useMutation(RevokeConsentDocument),
    requestUpload: useMutation(RequestUploadDocument),
    confirmDocument: useMutation(ConfirmDocumentDocument),
    removeDocument: useMutation(RemoveDocumentDocument),
  };
  const run = async <R extends { error?: unknown }>(work: Promise<R>) => {
    const result = await work;
    if (!result.error) await reload();
    return (result.error ?? null) as CombinedError | null;
  };
  return {
    client: computed(() => query.data.value?.client ?? null),
    fetching: query.fetching,
    error: query.error,
    busy: computed(() => Object.values(mutations).some((m) => m.fetching.value)),
    update: (input: UpdateClientInput) => run(mutations.update.executeMutation({ id: clientId.value, input })),
    addInsurance: (input: ClientInsuranceInput) => run(mutations.addInsurance.executeMutation({ clientId: clientId.value, input })),
    removeInsurance: (id: string) => run(mutations.removeInsurance.executeMutation({ id })),
    addGuardian: (input: ClientGuardianInput) => run(mutations.addGuardian.executeMutation({ clientId: clientId.value, input })),
    removeGuardian: (id: string) => run(mutations.removeGuardian.executeMutation({ id })),
    addConsent: (input: ClientConsentInput) => run(mutations.addConsent.executeMutation({ clientId: clientId.value, input })),
    revokeConsent: (id: string) => run(mutations.revokeConsent.executeMutation({ id })),
    removeDocument: (id: string) => run(mutations.removeDocument.executeMutation({ id })),
    /** Asks for a presigned URL, PUTs the file straight to storage, then has the API check it. */
    async uploadDocument(kind: ClientDocumentKind, file: File): Promise<CombinedError | 'UPLOAD_FAILED' | null> {
      const requested = await mutations.requestUpload.executeMutation({ clientId: clientId.value, input: { kind, filename: file.name, contentType: file.type, sizeBytes: file.size } });
      if (requested.error || !requested.data) return requested.error ?? 'UPLOAD_FAILED';
      const { uploadUrl, document } = requested.data.requestClientDocumentUpload;
      const put = await fetch(uploadUrl, { method: 'PUT', headers: { 'content-type': file.type }, body: file }).catch(() => null);
      if (!put?.ok) return 'UPLOAD_FAILED';
      return run(mutations.confirmDocument.executeMutation({ id: document.id }));
    },
  };
}

export type ClientChart = NonNullable<ReturnType<typeof useClientChart>['client']['value']>;
