/**
 * Source files of the demo project's charts, packed into real `.tgz` packages at seed time
 * (`buildChartPackage`), so the simulator opens, lists, serves and downloads them like any upload.
 */

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "${name}.fullname" . }}
  labels:
    app.kubernetes.io/name: ${name}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
      containers:
        - name: ${name}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
`;

const helpers = (name: string) => `{{- define "${name}.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
`;

export interface SeedChart {
  directory: string;
  files: Record<string, string>;
  /** Days before the seed's "now" when it was uploaded. */
  ageDays: number;
}

export const WEB_FRONTEND: SeedChart = {
  directory: 'web-frontend',
  ageDays: 40,
  files: {
    'Chart.yaml': `apiVersion: v2
name: web-frontend
description: A web front end (nginx) behind a Service and an optional Ingress
type: application
version: 1.2.0
appVersion: "1.25.3"
icon: https://example.com/icons/web-frontend.svg
`,
    'values.yaml': `# Number of pods serving the site.
replicaCount: 2
image:
  repository: swr.ap-southeast-3.myhuaweicloud.com/demo/nginx
  tag: "1.25.3"
  pullPolicy: IfNotPresent
service:
  type: ClusterIP
  port: 80
ingress:
  enabled: false
  host: www.example.com
resources:
  requests:
    cpu: 250m
    memory: 256Mi
`,
    'README.md': '# web-frontend\n\nServes static content with nginx.\n',
    'templates/_helpers.tpl': helpers('web-frontend'),
    'templates/deployment.yaml': deployment('web-frontend'),
    'templates/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: {{ include "web-frontend.fullname" . }}
spec:
  type: {{ .Values.service.type }}
  ports:
    - port: {{ .Values.service.port }}
`,
  },
};

export const BATCH_WORKER: SeedChart = {
  directory: 'batch-worker',
  ageDays: 25,
  files: {
    'Chart.yaml': `apiVersion: v2
name: batch-worker
description: Queue consumer that runs batch jobs, with retries, a schedule and a database connection
type: application
version: 0.9.3
appVersion: "2.4.1"
`,
    'values.yaml': `replicaCount: 3
image:
  repository: swr.ap-southeast-3.myhuaweicloud.com/demo/batch-worker
  tag: "2.4.1"
  pullPolicy: IfNotPresent
queue:
  url: amqp://rabbitmq.messaging.svc:5672
  name: batch-jobs
  prefetch: 10
  deadLetter: batch-jobs-dlq
concurrency: 4
retries:
  max: 5
  backoffSeconds: 30
  backoffMultiplier: 2
timeouts:
  jobSeconds: 900
  shutdownSeconds: 60
schedule:
  enabled: true
  cron: "*/15 * * * *"
database:
  host: postgres.data.svc
  port: 5432
  name: batch
  user: worker
  password: change-me
  pool:
    min: 2
    max: 10
logging:
  level: info
  format: json
metrics:
  enabled: true
  port: 9102
resources:
  requests:
    cpu: 500m
    memory: 512Mi
  limits:
    cpu: "2"
    memory: 2Gi
nodeSelector: {}
tolerations: []
env:
  - name: TZ
    value: Asia/Shanghai
`,
    'templates/_helpers.tpl': helpers('batch-worker'),
    'templates/deployment.yaml': deployment('batch-worker'),
  },
};

const redis = (version: string, appVersion: string, extra: string): SeedChart => ({
  directory: 'redis-cache',
  ageDays: version === '1.0.0' ? 90 : version === '1.1.0' ? 60 : 12,
  files: {
    'Chart.yaml': `apiVersion: v2
name: redis-cache
description: Redis as an in-memory cache, one primary and optional replicas
type: application
version: ${version}
appVersion: "${appVersion}"
icon: https://example.com/icons/redis-cache.svg
`,
    'values.yaml': `image:
  repository: swr.ap-southeast-3.myhuaweicloud.com/demo/redis
  tag: "${appVersion}"
  pullPolicy: IfNotPresent
replicas: 1
maxmemory: 256mb
maxmemoryPolicy: allkeys-lru
${extra}`,
    'templates/_helpers.tpl': helpers('redis-cache'),
    'templates/deployment.yaml': deployment('redis-cache'),
  },
});

/** One chart in three versions, for upgrades and rollbacks across chart versions. */
export const REDIS_CACHE = [
  redis('1.0.0', '6.2.14', ''),
  redis('1.1.0', '7.0.15', 'persistence:\n  enabled: false\n'),
  redis('2.0.0', '7.2.4', 'persistence:\n  enabled: true\n  size: 8Gi\nmetrics:\n  enabled: true\n'),
];

/** A Helm 2 style chart (`apiVersion: v1`), which Helm 3 still installs. */
export const NIGHTLY_REPORT: SeedChart = {
  directory: 'nightly-report',
  ageDays: 300,
  files: {
    'Chart.yaml': `apiVersion: v1
name: nightly-report
description: CronJob that mails the nightly usage report
version: 0.3.1
appVersion: "0.3"
`,
    'values.yaml': `schedule: "0 2 * * *"
recipients:
  - ops@example.com
image:
  repository: swr.ap-southeast-3.myhuaweicloud.com/demo/report
  tag: "0.3"
`,
    'templates/cronjob.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: {{ .Release.Name }}
spec:
  schedule: {{ .Values.schedule | quote }}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`,
  },
};
