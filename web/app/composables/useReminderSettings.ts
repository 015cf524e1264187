import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';
import type { ReminderChannel } from '~/gql/graphql';

const ReminderSettingsDocument = graphql(`
  query ReminderSettings {
    reminderSettings {
      enabled
      channels
      offsetsMinutes
      quietHoursStart
      quietHoursEnd
    }
  }
`);

const UpdateReminderSettingsDocument = graphql(`
  mutation UpdateReminderSettings($input: ReminderSettingsInput!) {
    updateReminderSettings(input: $input) {
      enabled
      channels
      offsetsMinutes
      quietHoursStart
      quietHoursEnd
    }
  }
`);

export interface ReminderSettingsDraft {
  enabled: boolean;
  channels: ReminderChannel[];
  offsetsMinutes: number[];
  quietHoursStart: string;
  quietHoursEnd: string;
}

/** The practice's reminder settings (admins change them; the API refuses anyone else). */
export function useReminderSettings() {
  const query = useQuery({ query: ReminderSettingsDocument, requestPolicy: 'cache-and-network' });
  const update = useMutation(UpdateReminderSettingsDocument);
  const errorMessage = useErrorMessage();
  return {
    settings: computed(() => query.data.value?.reminderSettings ?? null),
    loadError: computed(() => errorMessage(query.error.value)),
    saving: update.fetching,
    async save(input: ReminderSettingsDraft): Promise<string | null> {
      const result = await update.executeMutation({ input });
      return result.error ? errorMessage(result.error) : null;
    },
  };
}
