import { Alert, Button, Checkbox, FileInput, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { CHART_PACKAGE_EXTENSIONS, CHART_UPLOAD_MAX_BYTES, type Chart } from '../../../contract/charts.ts';
import type { ChartPackageCheck } from '../../../contract/chart-package.ts';
import { checkChartFile } from '../../resources/charts/chart-package-check.ts';
import { chartMutations } from '../../resources/charts/chart-mutations.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { describeError } from '../../shared/ui/error-message.ts';
import { ChartPackageVerdict } from './chart-package-verdict.tsx';
import './charts-messages.ts';

/**
 * Upload a chart package, or (`chart`) replace a chart's package. The file is opened and judged in the
 * browser first (`helm lint`'s rules on Chart.yaml, the size limit), so a file that is not a chart is
 * refused before a byte is sent; the documented options follow; the bytes' progress shows while they go.
 */
export function ChartPackageDialog({ chart, onClose }: { chart?: Chart; onClose: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ChartPackageCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [override, setOverride] = useState(false);
  const [skipLint, setSkipLint] = useState(false);
  const [visible, setVisible] = useState<boolean>(chart?.public ?? false);
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useMutation(chartMutations.upload());

  async function judge(next: File | null, lint: boolean) {
    setFile(next);
    setCheck(null);
    upload.reset();
    if (!next) return;
    setChecking(true);
    try {
      setCheck(await checkChartFile(next, { lint }));
    } finally {
      setChecking(false);
    }
  }

  const wrongChart = chart && check?.ok && check.chart.name !== chart.name;
  const ready = file !== null && check?.ok === true && !wrongChart;

  function submit() {
    if (!ready || !file) return;
    upload.mutate(
      {
        file,
        chartId: chart?.id,
        parameters: { ...(chart ? {} : { override }), skip_lint: skipLint, visible },
        onProgress: setProgress,
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            title: chart ? t('charts.update.done') : t('charts.upload.done'),
            message: t('charts.upload.doneMessage', { name: saved.name ?? '', version: saved.version ?? '' }),
          });
          onClose();
        },
        onSettled: () => setProgress(null),
      },
    );
  }

  const title = chart ? t('charts.update.title', { name: chart.name ?? '', version: chart.version ?? '' }) : t('charts.upload.title');
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('charts.close') }}
      title={title}
      size="lg"
      closeOnClickOutside={!upload.isPending}
      closeOnEscape={!upload.isPending}
    >
      <Stack gap="md">
        <FileInput
          label={t('charts.upload.file')}
          description={t('charts.upload.fileHint', { max: Math.round(CHART_UPLOAD_MAX_BYTES / 1024 / 1024) })}
          placeholder={t('charts.upload.filePlaceholder')}
          accept={[...CHART_PACKAGE_EXTENSIONS, 'application/gzip', 'application/x-gzip', 'application/x-compressed-tar'].join(',')}
          value={file}
          onChange={(next) => void judge(next, !skipLint)}
          clearable
          clearButtonProps={{ 'aria-label': t('charts.upload.clear') }}
          disabled={upload.isPending}
          withAsterisk
        />
        <ChartPackageVerdict checking={checking} check={check} expectedName={chart?.name} />
        {chart ? null : (
          <Checkbox
            label={t('charts.upload.override')}
            description={t('charts.upload.overrideHint')}
            checked={override}
            onChange={(e) => setOverride(e.currentTarget.checked)}
            disabled={upload.isPending}
          />
        )}
        <Checkbox
          label={t('charts.upload.skipLint')}
          description={t('charts.upload.skipLintHint')}
          checked={skipLint}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            setSkipLint(next);
            if (file) void judge(file, !next);
          }}
          disabled={upload.isPending}
        />
        <Checkbox
          label={t('charts.upload.visible')}
          description={t('charts.upload.visibleHint')}
          checked={visible}
          onChange={(e) => setVisible(e.currentTarget.checked)}
          disabled={upload.isPending}
        />
        {progress !== null ? (
          <Stack gap={4}>
            <Text size="sm">{t('charts.upload.progress', { percent: progress })}</Text>
            <Progress value={progress} animated aria-label={t('charts.upload.progressLabel')} />
          </Stack>
        ) : null}
        {upload.isError ? (
          <Alert color="red" role="alert" title={chart ? t('charts.update.failed') : t('charts.upload.failed')}>
            {describeError(upload.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={upload.isPending}>
            {t('charts.cancel')}
          </Button>
          <Button onClick={submit} disabled={!ready} loading={upload.isPending}>
            {chart ? t('charts.update.submit') : t('charts.upload.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
