import { Paper, SimpleGrid, Stack, Text, useMantineTheme } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import type { Readiness } from './fleet-view.ts';
import '../../resources/upgrades/upgrade-messages.ts';
import './upgrade-wizard-messages.ts';

/** The theme's colour of each readiness: the same hues the status badges use. */
const READINESS_COLOR: Record<Readiness, string> = {
  failed: 'red',
  blocked: 'orange',
  inProgress: 'blue',
  available: 'cyan',
  upToDate: 'green',
  unknown: 'gray',
};

export interface FleetChartsProps {
  versions: { version: string; clusters: number }[];
  readiness: { readiness: Readiness; clusters: number }[];
}

/**
 * The two charts a stakeholder reads at a glance. Loaded on demand (recharts is large), drawn with the
 * Mantine theme's colours; each chart also carries its figures as text for screen readers.
 */
export function FleetCharts({ versions, readiness }: FleetChartsProps) {
  const { t } = useI18n();
  const theme = useMantineTheme();
  const shade = (color: string) => theme.colors[color]?.[6] ?? color;
  const readinessData = readiness.map((r) => ({
    name: t(`upgrade.fleet.readiness.${r.readiness}`),
    clusters: r.clusters,
    color: shade(READINESS_COLOR[r.readiness]),
  }));
  const summary = (rows: { name: string; clusters: number }[]) => rows.map((r) => `${r.name}: ${r.clusters}`).join(', ');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder p="md" component="figure" m={0}>
        <Stack gap="xs">
          <Text component="figcaption" fw={600} size="sm">
            {t('upgrade.fleet.chart.versions')}
          </Text>
          <div
            role="img"
            aria-label={`${t('upgrade.fleet.chart.versions')}: ${summary(versions.map((v) => ({ name: v.version, clusters: v.clusters })))}`}
            style={{ height: 220 }}
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={versions} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="version" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="clusters" name={t('upgrade.fleet.chart.clusters')} fill={shade(theme.primaryColor)} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="figure" m={0}>
        <Stack gap="xs">
          <Text component="figcaption" fw={600} size="sm">
            {t('upgrade.fleet.chart.readiness')}
          </Text>
          <div role="img" aria-label={`${t('upgrade.fleet.chart.readiness')}: ${summary(readinessData)}`} style={{ height: 220 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={readinessData} layout="vertical" margin={{ top: 8, right: 8, bottom: 8, left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={120} />
                <Tooltip />
                <Bar dataKey="clusters" name={t('upgrade.fleet.chart.clusters')} isAnimationActive={false}>
                  {readinessData.map((d) => (
                    <Cell key={d.name} fill={d.color} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
