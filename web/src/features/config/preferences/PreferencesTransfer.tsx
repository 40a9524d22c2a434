import { Alert, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scope } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifyDone } from '../../../components/notify';
import { exportPreferences, useImportPreferences } from './preferences-api';

/** Offers a JSON text as a file download, without a round trip to the server. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

class BadFile extends Error {}

/** An export file (`{ "preferences": { … } }`) or a bare `{ key: value }` object. */
async function readPreferences(file: File): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new BadFile();
  }
  const inner = (parsed as { preferences?: unknown } | null)?.preferences ?? parsed;
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
    throw new BadFile();
  }
  return inner as Record<string, unknown>;
}

function usePreferenceTransfer(scope: Scope) {
  const { t } = useTranslation();
  const importing = useImportPreferences();
  const [problem, setProblem] = useState<unknown>(null);
  const [badFile, setBadFile] = useState(false);
  const exportAll = async () => {
    setProblem(null);
    try {
      const reply = await exportPreferences(scope);
      download(`scenepacker-preferences-${scope}.json`, JSON.stringify(reply, null, 2));
    } catch (error) {
      setProblem(error);
    }
  };
  const importFile = async (file: File | null) => {
    setBadFile(false);
    setProblem(null);
    if (file === null) {
      return;
    }
    try {
      const preferences = await readPreferences(file);
      const reply = await importing.mutateAsync({ preferences, scope });
      notifyDone(t('preferences.transfer.imported', { count: reply.importedCount }));
    } catch (error) {
      if (error instanceof BadFile) {
        setBadFile(true);
      } else {
        setProblem(error);
      }
    }
  };
  return { exportAll, importFile, importing: importing.isPending, problem, badFile };
}

/** Export the scope's stored values to a file; import a file back (keys are set one by one). */
export function PreferencesTransfer({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const transfer = usePreferenceTransfer(scope);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="preferences-transfer">
      <Stack>
        <Title order={2} size="h4" id="preferences-transfer">
          {t('preferences.transfer.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('preferences.transfer.help', { scope: t(`scope.${scope}`) })}
        </Text>
        {transfer.badFile && (
          <Alert color="red" role="alert">
            {t('preferences.transfer.badFile')}
          </Alert>
        )}
        <ErrorAlert error={transfer.problem} />
        <Group>
          <Button variant="default" onClick={() => void transfer.exportAll()}>
            {t('preferences.transfer.export')}
          </Button>
          <FileButton
            accept="application/json,.json"
            onChange={(file) => void transfer.importFile(file)}
          >
            {(props) => (
              <Button variant="default" loading={transfer.importing} {...props}>
                {t('preferences.transfer.import')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Stack>
    </Paper>
  );
}
