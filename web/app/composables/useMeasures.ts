import { useMutation, useQuery } from '@urql/vue';
import type { MaybeRefOrGetter } from 'vue';
import { graphql } from '~/gql';
import type { MeasureInstrument } from '~/gql/graphql';

const MeasureInstrumentsDocument = graphql(`
  query MeasureInstruments {
    measureInstruments {
      instrument
      title
      instructions
      items
      options
      maxScore
      safetyItem
      bands {
        severity
        min
        max
      }
    }
  }
`);
const MeasureTrendDocument = graphql(`
  query MeasureTrend($clientId: ID!, $instrument: MeasureInstrument!) {
    measureTrend(clientId: $clientId, instrument: $instrument) {
      instrument
      maxScore
      changeSinceFirst
      changeSincePrevious
      percentChangeSinceFirst
      response
      remission
      bands {
        severity
        min
        max
      }
      points {
        id
        totalScore
        severity
        selfHarmRisk
        administeredAt
      }
    }
  }
`);
const RecordMeasureDocument = graphql(`
  mutation RecordMeasure($clientId: ID!, $instrument: MeasureInstrument!, $answers: [Int!]!, $administeredAt: DateTimeISO!) {
    recordMeasure(clientId: $clientId, instrument: $instrument, answers: $answers, administeredAt: $administeredAt) {
      suggestRiskFlag
      result {
        id
        totalScore
        severity
        selfHarmRisk
      }
    }
  }
`);

/** The questionnaires' wording and bands (the same for every client). */
export function useMeasureInstruments() {
  const query = useQuery({ query: MeasureInstrumentsDocument });
  return { instruments: computed(() => query.data.value?.measureInstruments ?? []), fetching: query.fetching, error: query.error };
}

/** The band a total falls in, from the instrument's bands (as the server scores it). */
export function severityFor(bands: ReadonlyArray<{ severity: string; min: number; max: number }>, total: number): string | null {
  return bands.find((b) => total >= b.min && total <= b.max)?.severity ?? null;
}

/** One client's scores on one instrument, and recording a new administration. */
export function useMeasures(clientId: MaybeRefOrGetter<string>, instrument: MaybeRefOrGetter<MeasureInstrument>) {
  const trend = useQuery({ query: MeasureTrendDocument, variables: computed(() => ({ clientId: toValue(clientId), instrument: toValue(instrument) })) });
  const record = useMutation(RecordMeasureDocument);
  return {
    trend: computed(() => trend.data.value?.measureTrend ?? null),
    fetching: trend.fetching,
    error: trend.error,
    recording: record.fetching,
    record: async (answers: number[], administeredAt: Date) => {
      const result = await record.executeMutation({ clientId: toValue(clientId), instrument: toValue(instrument), answers, administeredAt: administeredAt.toISOString() });
      if (!result.error) await trend.executeQuery({ requestPolicy: 'network-only' });
      return result;
    },
  };
}
