import { Alert, Text } from '@mantine/core';
import type { ChartPackageCheck, ChartPackageProblem } from '../../../contract/chart-package.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import type { Translator } from '../../shared/i18n/i18n.ts';
import './charts-messages.ts';

/** A package problem in the operator's language (the contract's English goes to the API and logs). */
export function packageProblemText(t: Translator['t'], problem: ChartPackageProblem): string {
  switch (problem.code) {
    case 'too-large':
    case 'too-large-decompressed':
      return t(`charts.package.${problem.code}`, { mb: Math.round(problem.limit / 1024 / 1024) });
    case 'not-tar':
    case 'bad-chart-yaml':
    case 'bad-values-yaml':
      return t(`charts.package.${problem.code}`, { detail: problem.detail });
    case 'bad-api-version':
    case 'bad-name':
    case 'bad-version':
    case 'bad-type':
      return t(`charts.package.${problem.code}`, { value: problem.value });
    default:
      return t(`charts.package.${problem.code}`);
  }
}

/** What the browser found in the chosen file: the chart it holds, or why it is not one. */
export function ChartPackageVerdict({
  checking,
  check,
  expectedName,
}: {
  checking: boolean;
  check: ChartPackageCheck | null;
  expectedName?: string | undefined;
}) {
  const { t } = useI18n();
  if (checking)
    return (
      <Text size="sm" role="status">
        {t('charts.package.checking')}
      </Text>
    );
  if (!check) return null;
  if (!check.ok) {
    return (
      <Alert color="red" role="alert" title={t('charts.package.refused')}>
        {packageProblemText(t, check.problem)}
      </Alert>
    );
  }
  if (expectedName && check.chart.name !== expectedName) {
    return (
      <Alert color="red" role="alert" title={t('charts.package.refused')}>
        {t('charts.package.otherChart', { name: check.chart.name, expected: expectedName })}
      </Alert>
    );
  }
  return (
    <Alert color="green" role="status" title={t('charts.package.accepted', { name: check.chart.name, version: check.chart.version })}>
      {check.chart.description || t('charts.package.noDescription')} {t('charts.package.apiVersion', { apiVersion: check.chart.apiVersion || '—' })}
    </Alert>
  );
}
