/**
 * Add-ons of the demo project. Most clusters carry CoreDNS and one or two more; `staging-web`'s CoreDNS
 * is abnormal (it blocks that cluster's upgrade pre-check, "addon [ CoreDNS ] status is abnormal");
 * `prod-payments` runs CoreDNS 1.28.4 with 1.28.6 available; `prod-search`'s CoreDNS was upgraded two
 * days ago and can be rolled back. Other seeds get CoreDNS when a cluster is first looked at
 * (instances.ts); `ml-inference` is still being created and gets it once it is.
 */
import type { SimulatorSeed } from '../../config.ts';
import { seededUuidV4 } from '../../ids.ts';
import type { SimulatorStore } from '../../store.ts';
import { findTemplate } from './catalogue.ts';
import { newInstance } from './instances.ts';
import type { AddonRecord } from './state.ts';
import { completeValues, defaultValues } from './values.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface SeededAddon {
  template: string;
  version: string;
  status?: AddonRecord['status'];
  reason?: string;
  message?: string;
  /** Custom values over the defaults. */
  custom?: Record<string, unknown>;
  /** Upgraded this long ago from that version (so it can be rolled back). */
  upgradedFrom?: { version: string; daysAgo: number };
}

const DEMO_ADDONS: Record<string, SeededAddon[]> = {
  'prod-payments': [
    { template: 'coredns', version: '1.28.4', custom: { stub_domains: { 'payments.internal': ['192.168.0.53'] } } },
    { template: 'metrics-server', version: '1.3.68' },
    { template: 'cie-collector', version: '3.9.3' },
  ],
  'prod-search': [
    { template: 'coredns', version: '1.28.6', custom: { upstream_nameservers: ['100.125.1.250'] }, upgradedFrom: { version: '1.28.4', daysAgo: 2 } },
    { template: 'metrics-server', version: '1.3.68' },
    { template: 'log-agent', version: '1.5.1', custom: { log_retention_days: 30 } },
  ],
  'staging-web': [
    {
      template: 'coredns',
      version: '1.28.6',
      status: 'abnormal',
      reason: 'PodsNotReady',
      message: '0/2 coredns pods ready: CrashLoopBackOff (plugin/forward: no healthy upstream 10.0.0.2:53).',
      custom: { upstream_nameservers: ['10.0.0.2'] },
    },
    { template: 'metrics-server', version: '1.3.68' },
  ],
  'analytics-batch': [
    { template: 'coredns', version: '1.28.6' },
    { template: 'log-agent', version: '1.5.1' },
    { template: 'cie-collector', version: '3.9.3' },
  ],
  'dev-sandbox': [
    { template: 'coredns', version: '1.27.4' },
    { template: 'metrics-server', version: '1.3.60' },
  ],
  'legacy-reporting': [{ template: 'coredns', version: '1.27.4', status: 'available', reason: 'PodsPartiallyReady', message: '1/2 coredns pods ready.' }],
  'qa-regression': [
    { template: 'coredns', version: '1.28.6' },
    { template: 'metrics-server', version: '1.3.60' },
  ],
  'edge-gateway': [
    { template: 'coredns', version: '1.28.6' },
    {
      template: 'metrics-server',
      version: '1.3.68',
      status: 'unknown',
      reason: 'ReleaseNotFound',
      message: 'The Helm release metrics-server was not found in the cluster.',
    },
  ],
};

function seedDemoAddons(store: SimulatorStore, nowMs: number): void {
  for (const [clusterName, addons] of Object.entries(DEMO_ADDONS)) {
    const cluster = store.findClusterByName(clusterName);
    if (!cluster) continue;
    store.addons.provisioned.add(cluster.uid);
    for (const [n, seeded] of addons.entries()) {
      const template = findTemplate(store.settings.region, seeded.template)!;
      const version = template.versions.find((v) => v.version === seeded.version)!;
      const defaults = defaultValues(version, cluster);
      const values = { ...defaults, custom: { ...(defaults.custom as Record<string, unknown>), ...seeded.custom } };
      const createdAt = cluster.createdAt + (10 + n) * MINUTE;
      const record = newInstance(store, {
        cluster,
        template,
        version,
        values,
        status: seeded.status ?? 'running',
        createdAt,
        uid: seededUuidV4(`addon:${clusterName}:${template.name}`),
      });
      record.reason = seeded.reason ?? '';
      record.message = seeded.message ?? '';
      if (seeded.upgradedFrom) {
        const from = template.versions.find((v) => v.version === seeded.upgradedFrom!.version)!;
        record.rollbackTo = { version: from.version, values: completeValues(defaultValues(from, cluster), from, cluster), revision: 1 };
        record.revision = 2;
        record.previousVersion = from.version;
        record.isRollbackable = true;
        record.updatedAt = nowMs - seeded.upgradedFrom.daysAgo * DAY;
      }
    }
  }
}

/** Seeds the add-on instances of `seed` (demo only; the generated seeds get CoreDNS on first sight). */
export function seedAddons(store: SimulatorStore, seed: SimulatorSeed, nowMs: number): void {
  if (seed === 'demo') seedDemoAddons(store, nowMs);
}
