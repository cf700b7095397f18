/**
 * The add-on templates the simulated region offers (`ListAutopilotAddonTemplates`): CoreDNS and
 * kube-prometheus-stack modelled on the reference's examples (digest Appendix B.2, B.3), plus
 * metrics-server (named beside CoreDNS in the cluster-creation annotation example) and the log
 * collector. Each has several versions with supported-cluster-version patterns, an `input` of
 * `basic` / `parameters.custom` / `parameters.<flavor>` (Autopilot flavors carry `category:
 * ["Autopilot"]`, one `is_default`) and `translate` for en_US and zh_CN; some versions are not stable.
 */
import type { AddonTemplateType } from '../../../contract/addons.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface TemplateVersion {
  version: string;
  stable: boolean;
  /** `supportVersions[].clusterVersion`: regular expressions over the cluster version (`v1.28`). */
  clusterVersions: string[];
  input: JsonObject;
  translate: JsonObject;
  createdAt: string;
  updatedAt: string;
}

export interface TemplateDefinition {
  name: string;
  alias: string;
  type: AddonTemplateType;
  /** "Whether the add-on is mandatory": the console warns before uninstalling it. */
  require: boolean;
  labels: string[];
  description: string;
  createdAt: string;
  updatedAt: string;
  /** Oldest first. */
  versions: TemplateVersion[];
}

interface Flavor {
  key: string;
  name: string | number;
  replicas?: number;
  autopilot: boolean;
  isDefault?: boolean;
  description?: string;
  deployMode?: string;
  resources: JsonObject[];
  recommend?: string[];
}

function flavors(list: Flavor[]): JsonObject {
  const out: JsonObject = {};
  for (const f of list) {
    out[f.key] = {
      ...(f.autopilot ? { category: ['Autopilot'] } : {}),
      ...(f.deployMode ? { deploy_mode: f.deployMode } : {}),
      ...(f.description ? { description: f.description } : {}),
      ...(f.isDefault ? { is_default: true } : {}),
      name: f.name,
      ...(f.recommend ? { recommend_cluster_flavor_types: f.recommend } : {}),
      ...(f.replicas !== undefined ? { replicas: f.replicas } : {}),
      resources: f.resources,
    };
  }
  return out;
}

function res(name: string, cpu: string | number, mem: string, withRequests = true): JsonObject {
  return withRequests ? { limitsCpu: cpu, limitsMem: mem, name, requestsCpu: cpu, requestsMem: mem } : { limitsCpu: cpu, limitsMem: mem, name };
}

interface Locale {
  changeLog: string;
  description: string;
  keys?: Record<string, string>;
  descriptions?: Record<string, string | number>;
}

function translate(en: Locale, zh: Locale): JsonObject {
  const one = (l: Locale): JsonObject => ({
    addon: { changeLog: l.changeLog, description: l.description },
    description: Object.fromEntries(Object.entries(l.descriptions ?? {}).map(([k, v]) => [`Parameters.${k}`, v])),
    key: Object.fromEntries(Object.entries(l.keys ?? {}).map(([k, v]) => [`Parameters.${k}`, v])),
  });
  return { en_US: one(en), zh_CN: one(zh) };
}

const swr = (region: string) => ({ swr_addr: `swr.${region}.myhuaweicloud.com`, swr_user: 'autopilot-official' });

/** A version as its template's table lists it: [version, supported cluster versions, stable, published at]. */
type VersionRow = readonly [version: string, clusterVersions: string | readonly string[], stable: boolean, at: string];

/** A version's change log: [en_US, zh_CN]. */
type ChangeLog = readonly [en: string, zh: string];

/**
 * A template's versions from its compact table (oldest first) and change logs by version: what every
 * version has comes from the row, the version's `input` and `translate` from `body`.
 */
function versionTable(
  rows: readonly VersionRow[],
  changeLogs: Readonly<Record<string, ChangeLog>>,
  body: (version: string, changeLog: ChangeLog) => Pick<TemplateVersion, 'input' | 'translate'>,
): TemplateVersion[] {
  return rows.map(([version, clusterVersions, stable, at]) => ({
    version,
    stable,
    clusterVersions: typeof clusterVersions === 'string' ? [clusterVersions] : [...clusterVersions],
    ...body(version, changeLogs[version]!),
    createdAt: at,
    updatedAt: at,
  }));
}

// ---------------------------------------------------------------------------------------------
// CoreDNS (digest B.2: the 1.28.6 version object of the install example)
// ---------------------------------------------------------------------------------------------

const COREDNS_DESCRIPTION = 'CoreDNS is a DNS server that chains plugins and provides Kubernetes DNS Services';
const COREDNS_DESCRIPTION_ZH = 'CoreDNS 是一款通过插件链提供 Kubernetes 集群内域名解析服务的 DNS 服务器。';

function corednsCustom(): JsonObject {
  return {
    multiAZBalance: false,
    multiAZEnabled: false,
    node_match_expressions: [],
    parameterSyncStrategy: 'ensureConsistent',
    servers: [
      {
        plugins: [
          { name: 'bind', parameters: '{$POD_IP}' },
          { configBlock: 'servfail 5s', name: 'cache', parameters: 30 },
          { name: 'errors' },
          { name: 'health', parameters: '{$POD_IP}:8080' },
          { name: 'ready', parameters: '{$POD_IP}:8081' },
          { configBlock: 'pods insecure\nfallthrough in-addr.arpa ip6.arpa', name: 'kubernetes', parameters: 'cluster.local in-addr.arpa ip6.arpa' },
          { name: 'loadbalance', parameters: 'round_robin' },
          { name: 'prometheus', parameters: '{$POD_IP}:9153' },
          { configBlock: 'policy random', name: 'forward', parameters: '. /etc/resolv.conf' },
          { name: 'reload' },
        ],
        port: 5353,
        zones: [{ zone: '.' }],
      },
    ],
    stub_domains: {},
    tolerations: [
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 60 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 60 },
    ],
    upstream_nameservers: [],
  };
}

function coredns(region: string): TemplateDefinition {
  const version = (v: string, changeLog: ChangeLog): Pick<TemplateVersion, 'input' | 'translate'> => ({
    input: {
      basic: { cluster_ip: '10.247.3.10', image_version: v, ...swr(region) },
      parameters: {
        ...flavors([
          {
            key: 'autopilot-flavor1',
            name: 'autopilot-flavor1',
            autopilot: true,
            isDefault: true,
            replicas: 2,
            // 1.28.4's standard flavor has 1 GiB, as the rollback example's `currentVersion` shows.
            resources: [v === '1.28.4' ? res('coredns', 1, '1Gi') : res('coredns', 1, '2Gi')],
          },
          { key: 'autopilot-flavor2', name: 'autopilot-flavor2', autopilot: true, replicas: 3, resources: [res('coredns', 2, '4Gi')] },
        ]),
        custom: corednsCustom(),
        ...flavors([
          { key: 'flavor1', name: 2500, autopilot: false, isDefault: true, replicas: 2, recommend: ['small'], resources: [res('coredns', '500m', '512Mi')] },
          { key: 'flavor2', name: 5000, autopilot: false, replicas: 2, recommend: ['medium'], resources: [res('coredns', '1000m', '1024Mi')] },
        ]),
      },
    },
    translate: translate(
      {
        changeLog: changeLog[0],
        description: COREDNS_DESCRIPTION,
        keys: { 'custom.stub_domains': 'stub domain', 'custom.upstream_nameservers': 'upstream nameservers', 'custom.multiAZEnabled': 'multi-AZ deployment' },
        descriptions: {
          'custom.stub_domains':
            'The target nameserver may itself be a Kubernetes service. A JSON map using a DNS suffix key (for example, "acme.local") and a value consisting of a JSON array of DNS IPs.',
          'custom.upstream_nameservers':
            "If specified, then the values specified replace the nameservers taken by default from the node's /etc/resolv.conf. Limits: A maximum of three upstream nameservers can be specified. (A JSON array of DNS IPs.)",
          'custom.multiAZEnabled': 'Spread the CoreDNS pods over availability zones where possible.',
          'autopilot-flavor1.name': 'Standard (2 pods)',
          'autopilot-flavor1.description': 'Concurrent domain name resolution capability - external domain name: 5000 qps, internal domain name: 20000 qps',
          'autopilot-flavor2.name': 'High availability (3 pods)',
          'autopilot-flavor2.description': 'Concurrent domain name resolution capability - external domain name: 10000 qps, internal domain name: 40000 qps',
          'flavor1.name': 2500,
          'flavor1.description': 'Concurrent domain name resolution capability - external domain name: 2500 qps, internal domain name: 10000 qps',
          'flavor2.name': 5000,
          'flavor2.description': 'Concurrent domain name resolution capability - external domain name: 5000 qps, internal domain name: 20000 qps',
        },
      },
      {
        changeLog: changeLog[1],
        description: COREDNS_DESCRIPTION_ZH,
        keys: { 'custom.stub_domains': '存根域', 'custom.upstream_nameservers': '上游 DNS 服务器', 'custom.multiAZEnabled': '多可用区部署' },
        descriptions: {
          'custom.stub_domains': '为自定义域名指定域名服务器，键为 DNS 域名后缀，值为一个或多个 DNS IP 地址，例如 acme.local -- 1.2.3.4,6.7.8.9。',
          'custom.upstream_nameservers': '解析集群内服务域名和自定义域名以外的所有域名，取值为一个或多个 DNS IP 地址，最多 3 个。',
          'custom.multiAZEnabled': '尽量将 CoreDNS 实例分布在不同的可用区。',
          'autopilot-flavor1.name': '标准（2 实例）',
          'autopilot-flavor1.description': '并发域名解析能力 - 外部域名：5000 qps，内部域名：20000 qps',
          'autopilot-flavor2.name': '高可用（3 实例）',
          'autopilot-flavor2.description': '并发域名解析能力 - 外部域名：10000 qps，内部域名：40000 qps',
          'flavor1.name': 2500,
          'flavor1.description': '并发域名解析能力 - 外部域名：2500 qps，内部域名：10000 qps',
          'flavor2.name': 5000,
          'flavor2.description': '并发域名解析能力 - 外部域名：5000 qps，内部域名：20000 qps',
        },
      },
    ),
  });
  return {
    name: 'coredns',
    alias: 'coredns',
    type: 'helm',
    require: true,
    labels: ['ContainerNetwork'],
    description: COREDNS_DESCRIPTION,
    createdAt: '2023-03-02T08:11:40Z',
    updatedAt: '2024-09-12T02:30:18Z',
    versions: versionTable(
      [
        ['1.25.14', 'v1.(23|25).*', true, '2023-03-02T08:11:40Z'],
        ['1.27.4', 'v1.(25|27).*', true, '2023-09-14T06:20:03Z'],
        ['1.28.4', 'v1.(27|28).*', true, '2024-01-10T03:41:55Z'],
        ['1.28.6', 'v1.(27|28).*', true, '2024-02-19T11:33:46Z'],
        ['1.29.2', 'v1.(28|29).*', false, '2024-09-12T02:30:18Z'],
      ],
      {
        '1.25.14': ['Adapted to CCE Autopilot v1.25 clusters.', '适配 CCE Autopilot v1.25 集群。'],
        '1.27.4': ['Adapted to CCE Autopilot v1.27 clusters.', '适配 CCE Autopilot v1.27 集群。'],
        '1.28.4': [
          'Add-on flavors can follow the cluster flavor. The add-on time zone is the same as the node.',
          '插件规格可与集群规格联动；插件时区与节点一致。',
        ],
        '1.28.6': ['Support autopilot cluster', '支持 Autopilot 集群。'],
        '1.29.2': ['Preview: CoreDNS 1.11 with serve-stale caching.', '预览版：CoreDNS 1.11，支持过期缓存应答。'],
      },
      version,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// metrics-server
// ---------------------------------------------------------------------------------------------

const METRICS_DESCRIPTION =
  "Metrics Server is a cluster-wide aggregator of resource usage data. It is the source of container resource metrics for Kubernetes' built-in autoscaling (HPA) and kubectl top.";
const METRICS_DESCRIPTION_ZH = 'Metrics Server 是集群范围的资源使用数据聚合器，为 Kubernetes 内置弹性伸缩（HPA）和 kubectl top 提供容器资源指标。';

function metricsServer(region: string): TemplateDefinition {
  const version = (v: string, changeLog: ChangeLog): Pick<TemplateVersion, 'input' | 'translate'> => ({
    input: {
      basic: { image_version: v, ...swr(region) },
      parameters: {
        ...flavors([
          {
            key: 'autopilot-flavor1',
            name: 'autopilot-flavor1',
            autopilot: true,
            isDefault: true,
            replicas: 2,
            resources: [res('metricsServer', '500m', '1Gi')],
          },
          { key: 'autopilot-flavor2', name: 'autopilot-flavor2', autopilot: true, replicas: 2, resources: [res('metricsServer', '1000m', '2Gi')] },
        ]),
        custom: {
          metric_resolution: '30s',
          kubelet_insecure_tls: true,
          multiAZEnabled: false,
          tolerations: [
            { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 60 },
            { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 60 },
          ],
        },
      },
    },
    translate: translate(
      {
        changeLog: changeLog[0],
        description: METRICS_DESCRIPTION,
        keys: { 'custom.metric_resolution': 'metric resolution', 'custom.multiAZEnabled': 'multi-AZ deployment' },
        descriptions: {
          'custom.metric_resolution': 'How often metrics are scraped from the kubelets, as a duration such as 30s or 1m.',
          'custom.multiAZEnabled': 'Spread the metrics-server pods over availability zones where possible.',
          'autopilot-flavor1.name': 'Standard (up to 2,000 pods)',
          'autopilot-flavor1.description': 'Two replicas with 0.5 vCPU and 1 GiB each.',
          'autopilot-flavor2.name': 'Large (more than 2,000 pods)',
          'autopilot-flavor2.description': 'Two replicas with 1 vCPU and 2 GiB each.',
        },
      },
      {
        changeLog: changeLog[1],
        description: METRICS_DESCRIPTION_ZH,
        keys: { 'custom.metric_resolution': '指标采集周期', 'custom.multiAZEnabled': '多可用区部署' },
        descriptions: {
          'custom.metric_resolution': '从 kubelet 采集指标的周期，例如 30s 或 1m。',
          'custom.multiAZEnabled': '尽量将 metrics-server 实例分布在不同的可用区。',
          'autopilot-flavor1.name': '标准（不超过 2000 个 Pod）',
          'autopilot-flavor1.description': '2 个实例，每个 0.5 vCPU、1 GiB。',
          'autopilot-flavor2.name': '大规格（超过 2000 个 Pod）',
          'autopilot-flavor2.description': '2 个实例，每个 1 vCPU、2 GiB。',
        },
      },
    ),
  });
  return {
    name: 'metrics-server',
    alias: 'metrics-server',
    type: 'helm',
    require: false,
    labels: ['Monitoring'],
    description: METRICS_DESCRIPTION,
    createdAt: '2023-03-02T08:12:10Z',
    updatedAt: '2024-08-20T09:02:44Z',
    versions: versionTable(
      [
        ['1.3.39', 'v1.(23|25|27).*', true, '2023-03-02T08:12:10Z'],
        ['1.3.60', 'v1.(25|27|28).*', true, '2023-11-21T07:45:31Z'],
        ['1.3.68', 'v1.(27|28).*', true, '2024-04-02T10:18:09Z'],
        ['1.4.2', 'v1.(28|29).*', false, '2024-08-20T09:02:44Z'],
      ],
      {
        '1.3.39': ['Adapted to CCE Autopilot clusters.', '适配 CCE Autopilot 集群。'],
        '1.3.60': ['Supports Kubernetes v1.28.', '支持 Kubernetes v1.28。'],
        '1.3.68': ['Multi-AZ deployment; security fixes.', '支持多可用区部署；安全加固。'],
        '1.4.2': ['Preview: metrics-server 0.7 with lower memory use.', '预览版：metrics-server 0.7，内存占用更低。'],
      },
      version,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Log collection (log-agent)
// ---------------------------------------------------------------------------------------------

const LOG_DESCRIPTION =
  'Cloud Native Log Collection collects container standard output, container log files and Kubernetes events and reports them to Log Tank Service (LTS).';
const LOG_DESCRIPTION_ZH = '云原生日志采集插件采集容器标准输出、容器内日志文件和 Kubernetes 事件，并上报到云日志服务（LTS）。';

function logAgent(region: string): TemplateDefinition {
  const version = (v: string, changeLog: ChangeLog): Pick<TemplateVersion, 'input' | 'translate'> => ({
    input: {
      basic: { image_version: v, region_id: region, lts_endpoint: `lts.${region}.myhuaweicloud.com`, ...swr(region) },
      parameters: {
        ...flavors([
          {
            key: 'autopilot-flavor1',
            name: 'autopilot-flavor1',
            autopilot: true,
            isDefault: true,
            replicas: 2,
            resources: [res('logOperator', '500m', '512Mi'), res('otelCollector', 1, '2Gi')],
          },
          {
            key: 'autopilot-flavor2',
            name: 'autopilot-flavor2',
            autopilot: true,
            replicas: 3,
            resources: [res('logOperator', '500m', '512Mi'), res('otelCollector', 2, '4Gi')],
          },
        ]),
        custom: {
          lts_group_name: 'k8s-logs',
          log_retention_days: 7,
          collect_stdout: true,
          collect_events: true,
          exclude_namespaces: ['kube-system'],
          multiline_enabled: false,
        },
      },
    },
    translate: translate(
      {
        changeLog: changeLog[0],
        description: LOG_DESCRIPTION,
        keys: {
          'custom.lts_group_name': 'log group',
          'custom.log_retention_days': 'retention (days)',
          'custom.collect_stdout': 'collect standard output',
          'custom.collect_events': 'collect Kubernetes events',
          'custom.exclude_namespaces': 'excluded namespaces',
        },
        descriptions: {
          'custom.lts_group_name': 'LTS log group the logs are reported to; it is created when it does not exist.',
          'custom.log_retention_days': 'How long LTS keeps the logs, 1 to 365 days.',
          'custom.collect_stdout': 'Collect the standard output and standard error of every container.',
          'custom.collect_events': 'Report Kubernetes events as a log stream.',
          'custom.exclude_namespaces': 'Namespaces whose containers are not collected.',
          'autopilot-flavor1.name': 'Standard (up to 100 MB/s)',
          'autopilot-flavor1.description': 'Two collectors with 1 vCPU and 2 GiB each.',
          'autopilot-flavor2.name': 'Large (up to 300 MB/s)',
          'autopilot-flavor2.description': 'Three collectors with 2 vCPUs and 4 GiB each.',
        },
      },
      {
        changeLog: changeLog[1],
        description: LOG_DESCRIPTION_ZH,
        keys: {
          'custom.lts_group_name': '日志组',
          'custom.log_retention_days': '保存天数',
          'custom.collect_stdout': '采集标准输出',
          'custom.collect_events': '采集 Kubernetes 事件',
          'custom.exclude_namespaces': '排除的命名空间',
        },
        descriptions: {
          'custom.lts_group_name': '日志上报到的 LTS 日志组，不存在时自动创建。',
          'custom.log_retention_days': 'LTS 保存日志的天数，取值 1–365。',
          'custom.collect_stdout': '采集所有容器的标准输出和标准错误。',
          'custom.collect_events': '将 Kubernetes 事件作为日志流上报。',
          'custom.exclude_namespaces': '不采集这些命名空间中的容器。',
          'autopilot-flavor1.name': '标准（最高 100 MB/s）',
          'autopilot-flavor1.description': '2 个采集器，每个 1 vCPU、2 GiB。',
          'autopilot-flavor2.name': '大规格（最高 300 MB/s）',
          'autopilot-flavor2.description': '3 个采集器，每个 2 vCPU、4 GiB。',
        },
      },
    ),
  });
  return {
    name: 'log-agent',
    alias: 'Cloud Native Log Collection',
    type: 'helm',
    require: false,
    labels: ['CloudNativeObservability'],
    description: LOG_DESCRIPTION,
    createdAt: '2023-05-16T02:40:00Z',
    updatedAt: '2024-10-08T04:12:30Z',
    versions: versionTable(
      [
        ['1.3.2', 'v1.(25|27|28).*', true, '2023-05-16T02:40:00Z'],
        ['1.5.1', 'v1.(27|28).*', true, '2024-03-27T08:30:12Z'],
        ['1.6.0', 'v1.(28|29).*', false, '2024-10-08T04:12:30Z'],
      ],
      {
        '1.3.2': ['Adapted to CCE Autopilot clusters.', '适配 CCE Autopilot 集群。'],
        '1.5.1': ['Kubernetes events are collected; multi-line logs.', '支持采集 Kubernetes 事件和多行日志。'],
        '1.6.0': ['Preview: OpenTelemetry collector pipeline.', '预览版：基于 OpenTelemetry 采集器。'],
      },
      version,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// kube-prometheus-stack (template name cie-collector; digest B.3, its 3.9.3 version)
// ---------------------------------------------------------------------------------------------

const PROM_DESCRIPTION =
  'kube-prometheus-stack collects Kubernetes manifests, Prometheus rules combined with documentation and scripts to provide easy to operate end-to-end Kubernetes cluster monitoring with Prometheus using the Prometheus Operator.';
const PROM_DESCRIPTION_ZH = 'kube-prometheus-stack 基于 Prometheus Operator 和 Prometheus 提供简单易用的端到端 Kubernetes 集群监控能力。';

function promCustom(region: string): JsonObject {
  const placement = { nodeAffinity_key: '', nodeAffinity_values: '', tolerations_effect: 'NoSchedule', tolerations_key: '', tolerations_operator: 'Exists' };
  return {
    aom_enable: false,
    aom_instance_id: '',
    aom_project_id: '',
    aom_remote_write_url: '',
    appConfig: Object.fromEntries(
      ['adapter', 'alertmanager', 'kubeEventExporter', 'kubeStateMetrics', 'prometheusOperator', 'prometheusServer', 'thanosQuery'].map((k) => [
        k,
        { ...placement },
      ]),
    ),
    cluster_category: 'CCE',
    crd_install: true,
    deploy_mode: 'agent',
    emptydir: { enabled: false, sizeLimit: '10G' },
    enable_autopilot: true,
    enable_cpd: true,
    enable_custom_metrics: true,
    enable_grafana: true,
    highAvailability: false,
    ksm_shards: 1,
    lightweight: true,
    region,
    retention: '1d',
    scrapeInterval: '15s',
    shards: 1,
    storage_class: 'csi-disk-topology',
    storage_size: '10Gi',
    storage_type: 'SAS',
  };
}

function kubePrometheusStack(region: string): TemplateDefinition {
  const version = (v: string, changeLog: ChangeLog): Pick<TemplateVersion, 'input' | 'translate'> => ({
    input: {
      basic: { aom_url: '100.79.29.98:8149', region_id: region, ...swr(region) },
      parameters: {
        ...flavors([
          {
            key: 'autopilot-flavor1',
            name: 'Autopilot-Small(<=2000 containers)',
            autopilot: true,
            deployMode: 'server',
            description: 'Recommended when the number of containers in the cluster does not exceed 2000.',
            resources: [
              res('prometheusOperator', '500m', '1Gi', false),
              res('prometheus', '8', '32Gi', false),
              res('thanosSidecar', '1', '2Gi', false),
              res('thanosQuery', '4', '16Gi', false),
              res('adapter', '4', '16Gi', false),
              res('kubeStateMetrics', '500m', '1Gi', false),
            ],
          },
          {
            key: 'autopilot-flavor5',
            name: 'Autopilot-Agent-Small(<=2000 containers)',
            autopilot: true,
            deployMode: 'agent',
            isDefault: true,
            description: 'Recommended flavor for agent mode when the number of containers in the cluster does not exceed 2000.',
            resources: [
              res('prometheusOperator', '1', '1Gi'),
              res('prometheus', '1800m', '2900Mi'),
              res('kubeStateMetrics', '1', '1Gi'),
              { limitsMem: '500Mi', name: 'nodeExporter', requestsMem: '100m' },
            ],
          },
          {
            key: 'autopilot-flavor6',
            name: 'Autopilot-Agent-Medium(<=5000 containers)',
            autopilot: true,
            deployMode: 'agent',
            description: 'Recommended flavor for agent mode when the number of containers in the cluster does not exceed 5000.',
            resources: [res('prometheusOperator', '500m', '1Gi', false), res('prometheus', '4', '8Gi', false), res('kubeStateMetrics', '500m', '1Gi', false)],
          },
        ]),
        custom: promCustom(region),
      },
      scenarios: [
        { category: ['Autopilot'], custom: { cluster_category: 'Autopilot', enable_cpd: false, storage_class: 'csi-disk' }, name: 'autopilot-config' },
      ],
    },
    translate: translate(
      {
        changeLog: changeLog[0],
        description: PROM_DESCRIPTION,
        keys: {
          'custom.deploy_mode': 'prometheus deploy mode',
          'custom.highAvailability': 'high availability',
          'custom.retention': 'data retention period',
          'custom.storage_size': 'data Persistent Volume size',
          'custom.storage_type': 'data Persistent Volume Storage Class',
          'custom.shards': 'shards',
        },
        descriptions: {
          'custom.deploy_mode': 'server keeps the data in the cluster; agent forwards it to AOM.',
          'custom.highAvailability': 'high availability of prometheus and kube-event-exporter',
          'custom.retention': 'Prometheus data retention period',
          'custom.shards': 'Number of prometheus shards to distribute targets onto',
          'custom.storage_size': 'Prometheus server data Persistent Volume size',
          'custom.storage_type': 'Prometheus server data Persistent Volume Storage Class',
          'autopilot-flavor1.name': 'Small(<=2000 containers)',
          'autopilot-flavor1.description': 'Recommended when the number of containers in the cluster does not exceed 2000.',
          'autopilot-flavor5.name': 'Agent small(<=2000 containers)',
          'autopilot-flavor5.description': 'Recommended for agent mode when the number of containers in the cluster does not exceed 2000.',
          'autopilot-flavor6.name': 'Agent medium(<=5000 containers)',
          'autopilot-flavor6.description': 'Recommended for agent mode when the number of containers in the cluster does not exceed 5000.',
        },
      },
      {
        changeLog: changeLog[1],
        description: PROM_DESCRIPTION_ZH,
        keys: {
          'custom.deploy_mode': 'Prometheus 部署模式',
          'custom.highAvailability': '高可用',
          'custom.retention': '数据保留期',
          'custom.storage_size': '持久卷大小',
          'custom.storage_type': '持久卷类型',
          'custom.shards': '分片数',
        },
        descriptions: {
          'custom.deploy_mode': 'server 模式在集群内保存数据；agent 模式将数据转发到 AOM。',
          'custom.highAvailability': '以高可用方式部署 Prometheus 和 Kubernetes 事件上报服务。',
          'custom.retention': 'Prometheus 监控数据的保留期。',
          'custom.shards': 'Prometheus 服务分片数，每个分片采集不同的目标。',
          'custom.storage_size': 'Prometheus 服务端持久卷大小。',
          'custom.storage_type': '存放 Prometheus 数据的持久卷类型。',
          'autopilot-flavor1.name': '小规格（≤ 2000 容器）',
          'autopilot-flavor1.description': '集群容器数不超过 2000 时使用此规格。',
          'autopilot-flavor5.name': 'Agent 小规格（≤ 2000 容器）',
          'autopilot-flavor5.description': 'Agent 模式下集群容器数不超过 2000 时使用此规格。',
          'autopilot-flavor6.name': 'Agent 中规格（≤ 5000 容器）',
          'autopilot-flavor6.description': 'Agent 模式下集群容器数不超过 5000 时使用此规格。',
        },
      },
    ),
  });
  return {
    name: 'cie-collector',
    alias: 'kube-prometheus-stack',
    type: 'helm',
    require: false,
    labels: ['CloudNativeObservability'],
    description: PROM_DESCRIPTION,
    createdAt: '2024-01-26T09:06:25Z',
    updatedAt: '2024-07-30T12:20:41Z',
    versions: versionTable(
      [
        ['3.8.6', 'v1.(25|27).*', true, '2023-10-18T01:02:03Z'],
        // The template example prints this version's pattern twice (digest §1.5.3).
        ['3.9.3', ['v1.(27|28).*', 'v1.(27|28).*'], true, '2024-01-26T09:06:25Z'],
        ['3.10.1', 'v1.(27|28).*', true, '2024-07-30T12:20:41Z'],
      ],
      {
        '3.8.6': ['Agent mode reports to AOM.', 'Agent 模式上报到 AOM。'],
        '3.9.3': ['The Autopilot cluster is supported.', '支持 Autopilot 集群。'],
        '3.10.1': ['Sharded scraping in server mode; Grafana 10.', 'server 模式支持分片采集；Grafana 10。'],
      },
      version,
    ),
  };
}

const cache = new Map<string, readonly TemplateDefinition[]>();

/** The catalogue of a region (its SWR address and region id appear in the defaults). Built once per region. */
export function catalogue(region: string): readonly TemplateDefinition[] {
  let found = cache.get(region);
  if (!found) {
    found = [coredns(region), metricsServer(region), logAgent(region), kubePrometheusStack(region)];
    cache.set(region, found);
  }
  return found;
}

export function findTemplate(region: string, name: string): TemplateDefinition | undefined {
  return catalogue(region).find((t) => t.name === name);
}
