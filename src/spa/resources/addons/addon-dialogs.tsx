import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { addonValuesForUpdate, type AddonInstance, type AddonTemplate, type AddonVersion } from '../../../contract/addons.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { apiErrorToFieldErrors } from '../../shared/forms/field-errors.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageLoader } from '../../shared/ui/page-loader.tsx';
import { LazyYamlEditor } from '../../shared/ui/yaml-editor/lazy-yaml.tsx';
import { toYamlText } from '../../shared/ui/yaml-editor/yaml-text.ts';
import { compatibleVersions, proposedVersion } from './addon-actions.ts';
import { addonMutations } from './addon-mutations.ts';
import { addonQueries } from './addon-queries.ts';
import { installRequestBody, installStartValues, updateRequestBody, updateStartValues } from './addon-values.ts';
import { AddonValuesForm, RequestPreview, useAddonValues, ValuesDiff, type ValuesFieldErrors } from './addon-values-form.tsx';
import './addon-messages.ts';

/** The cluster an add-on dialog acts in. */
export interface AddonCluster {
  uid: string;
  name: string;
  /** Kubernetes version (`v1.28`): which add-on versions fit. */
  version: string;
  phase?: string;
}

/** A template's name as operators know it: its alias, with the name when they differ. */
export function templateTitle(template: AddonTemplate | undefined, fallback = ''): string {
  const name = template?.metadata?.name ?? fallback;
  const alias = template?.metadata?.alias;
  return alias && alias !== name ? `${alias} (${name})` : name;
}

export function instanceTitle(instance: AddonInstance): string {
  const name = instance.spec?.addonTemplateName ?? instance.metadata?.name ?? '';
  const alias = instance.metadata?.alias;
  return alias && alias !== name ? `${alias} (${name})` : name;
}

/**
 * Where a refusal of the API belongs: `spec.values.<path>` on that value (the form's fields and the
 * YAML editor), `spec.version` on the version; anything else is shown whole with its request id.
 */
function refusalFields(error: unknown): { values: ValuesFieldErrors; version?: string; template?: string } | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const fields = apiErrorToFieldErrors<string>(error, (path) => {
    const m = /^(?:body\.)?spec\.(values(?:\.(.+))?|version|addonTemplateName)$/.exec(path);
    if (!m) return undefined;
    if (m[1] === 'version' || m[1] === 'addonTemplateName') return m[1];
    return m[2] ?? 'values';
  });
  const entries = Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string');
  if (entries.length === 0) return undefined;
  const values: ValuesFieldErrors = {};
  let version: string | undefined;
  let template: string | undefined;
  for (const [key, message] of entries) {
    if (key === 'version') version = message;
    else if (key === 'addonTemplateName') template = message;
    else values[key] = message;
  }
  // A value the form has no field for still shows, on the YAML editor.
  if (Object.keys(values).length > 0 && !values.values)
    values.values = Object.entries(values)
      .map(([k, m]) => `${k}: ${m}`)
      .join(' ');
  return { values, version, template };
}

function versionOptions(t: ReturnType<typeof useI18n>['t'], versions: readonly AddonVersion[]) {
  return versions.map((v) => ({ value: v.version!, label: v.stable === false ? t('addonForm.versionPreview', { version: v.version! }) : v.version! }));
}

function changeLogOf(version: AddonVersion | undefined, language: string): string | undefined {
  const translate = version?.translate as Record<string, { addon?: { changeLog?: unknown } }> | null | undefined;
  const log = translate?.[language === 'zh-CN' ? 'zh_CN' : 'en_US']?.addon?.changeLog ?? translate?.en_US?.addon?.changeLog;
  return typeof log === 'string' && log !== '' ? log : undefined;
}

// ---------------------------------------------------------------------------------------------

export interface InstallAddonDialogProps {
  cluster: AddonCluster;
  templates: readonly AddonTemplate[];
  /** Templates already in the cluster: they cannot be installed twice (409 CCE.03409001). */
  installed: ReadonlySet<string>;
  initialTemplate?: string;
  onClose: () => void;
}

/** Install: template → compatible version → values form (+ YAML) → the exact request → Install. */
export function InstallAddonDialog({ cluster, templates, installed, initialTemplate, onClose }: InstallAddonDialogProps) {
  const { t, language } = useI18n();
  const installable = templates.filter((tpl) => !installed.has(tpl.metadata?.name ?? '') && compatibleVersions(tpl, cluster.version).length > 0);
  const [templateName, setTemplateName] = useState<string | null>(initialTemplate ?? installable[0]?.metadata?.name ?? null);
  const template = templates.find((tpl) => tpl.metadata?.name === templateName);
  const versions = template ? compatibleVersions(template, cluster.version) : [];
  const [versionName, setVersionName] = useState<string | null>(() => (template ? (proposedVersion(template, cluster.version)?.version ?? null) : null));
  const version = versions.find((v) => v.version === versionName);
  const values = useAddonValues(() => (version ? installStartValues(version, cluster.version) : {}));
  const install = useMutation({
    ...addonMutations.install(),
    onSuccess: (created) => {
      notifications.show({
        color: 'green',
        message: t('addonInstall.done', { addon: templateTitle(template), version: created.spec?.version ?? versionName ?? '', cluster: cluster.name }),
      });
      onClose();
    },
  });
  const refusal = refusalFields(install.error);
  const choose = (name: string | null, nextVersion?: string | null) => {
    const tpl = templates.find((x) => x.metadata?.name === name);
    const v = nextVersion !== undefined ? nextVersion : tpl ? (proposedVersion(tpl, cluster.version)?.version ?? null) : null;
    setTemplateName(name);
    setVersionName(v);
    const chosen = tpl ? compatibleVersions(tpl, cluster.version).find((x) => x.version === v) : undefined;
    values.reset(chosen ? installStartValues(chosen, cluster.version) : {});
    install.reset();
  };
  const body =
    template && versionName
      ? installRequestBody({ clusterId: cluster.uid, templateName: template.metadata?.name ?? '', version: versionName, values: values.state.values })
      : undefined;
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('addonForm.close') }}
      size="xl"
      title={t('addonInstall.title', { cluster: cluster.name })}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (body && values.state.yamlValid) install.mutate({ params: {}, body });
        }}
      >
        <Stack>
          <Select
            label={t('addonForm.template')}
            placeholder={t('addonInstall.chooseTemplate')}
            data={templates.map((tpl) => {
              const name = tpl.metadata?.name ?? '';
              return { value: name, label: templateTitle(tpl), disabled: !installable.includes(tpl) };
            })}
            value={templateName}
            onChange={(name) => choose(name)}
            error={refusal?.template}
            allowDeselect={false}
          />
          {template && versions.length === 0 ? (
            <Alert color="gray" variant="light">
              {t('addons.block.noVersion', { addon: templateTitle(template), version: cluster.version })}
            </Alert>
          ) : null}
          {template && versions.length > 0 ? (
            <Select
              label={t('addonForm.version')}
              data={versionOptions(t, versions)}
              value={versionName}
              onChange={(v) => choose(templateName, v)}
              error={refusal?.version}
              allowDeselect={false}
              description={changeLogOf(version, language) ? t('addonForm.changeLog', { text: changeLogOf(version, language)! }) : undefined}
            />
          ) : null}
          {version ? (
            <AddonValuesForm version={version} state={values.state} onValues={values.setValues} onYaml={values.setYaml} errors={refusal?.values ?? {}} />
          ) : null}
          {body ? <RequestPreview body={body} /> : null}
          {install.isError && !refusal ? <ErrorPanel title={t('addonInstall.title', { cluster: cluster.name })} error={install.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('addonForm.cancel')}
            </Button>
            <Button type="submit" loading={install.isPending} disabled={!body || !values.state.yamlValid}>
              {t('addonInstall.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------

export interface UpdateAddonDialogProps {
  mode: 'upgrade' | 'edit';
  instance: AddonInstance;
  cluster: AddonCluster;
  template: AddonTemplate | undefined;
  onClose: () => void;
}

/**
 * Upgrade to a target version, or edit the values at the same version. The form starts from the
 * current values (server-injected fields stripped); the diff of current → new values shows before
 * submitting, and the request carries all values, as an update replaces them.
 */
export function UpdateAddonDialog(props: UpdateAddonDialogProps) {
  const { instance, cluster } = props;
  const id = instance.metadata?.uid ?? '';
  // The list (kept fresh while shown) carries the current values; a cloud that returns `values: null`
  // there (digest A2) is asked once more for the instance itself before the form starts.
  const needsDetail = !instance.spec?.values;
  const detail = useQuery({ ...addonQueries.detail(id, cluster.uid), enabled: needsDetail });
  if (needsDetail && !detail.isFetchedAfterMount) {
    return (
      <Modal opened onClose={props.onClose} title={instanceTitle(instance)}>
        <PageLoader />
      </Modal>
    );
  }
  return <UpdateAddonForm {...props} current={(needsDetail ? detail.data : undefined) ?? instance} />;
}

function UpdateAddonForm({ mode, instance, cluster, template, onClose, current }: UpdateAddonDialogProps & { current: AddonInstance }) {
  const { t, language } = useI18n();
  const id = instance.metadata?.uid ?? '';
  const title = instanceTitle(instance);
  const currentVersion = current.spec?.version ?? '';
  const targets = mode === 'upgrade' ? (current.status?.targetVersions ?? []) : [currentVersion];
  const [target, setTarget] = useState<string>(targets[targets.length - 1] ?? currentVersion);
  const versionOf = (v: string): AddonVersion | undefined =>
    template?.spec?.versions?.find((x) => x.version === v) ?? (v === currentVersion ? (current.status?.currentVersion ?? undefined) : undefined);
  const targetVersion = versionOf(target);
  const start = useMemo(() => updateStartValues(current, targetVersion, cluster.version), [current, targetVersion, cluster.version]);
  const values = useAddonValues(() => start.values);
  const before = useMemo(() => addonValuesForUpdate(current.spec?.values), [current]);
  const update = useMutation({
    ...addonMutations.update(),
    onSuccess: () => {
      notifications.show({
        color: 'green',
        message: mode === 'upgrade' ? t('addonUpgrade.done', { addon: title, version: target }) : t('addonEdit.done', { addon: title }),
      });
      onClose();
    },
  });
  const refusal = refusalFields(update.error);
  const body = updateRequestBody({ clusterId: cluster.uid, templateName: current.spec?.addonTemplateName ?? '', version: target, values: values.state.values });
  const heading = mode === 'upgrade' ? t('addonUpgrade.title', { addon: title }) : t('addonEdit.title', { addon: title });
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('addonForm.close') }} size="xl" title={heading}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (values.state.yamlValid) update.mutate({ params: { id }, body });
        }}
      >
        <Stack>
          <Text size="sm">{t('addonForm.currentVersion', { version: currentVersion })}</Text>
          {mode === 'upgrade' ? (
            <Select
              label={t('addonUpgrade.target')}
              data={versionOptions(
                t,
                targets.map((v) => versionOf(v) ?? { version: v }),
              )}
              value={target}
              onChange={(v) => {
                if (!v) return;
                setTarget(v);
                values.reset(updateStartValues(current, versionOf(v), cluster.version).values);
                update.reset();
              }}
              error={refusal?.version}
              allowDeselect={false}
              description={changeLogOf(targetVersion, language) ? t('addonForm.changeLog', { text: changeLogOf(targetVersion, language)! }) : undefined}
            />
          ) : null}
          <Alert color={start.fromDefaults ? 'yellow' : 'blue'} variant="light">
            {start.fromDefaults ? t('addonForm.valuesFromDefaults') : t('addonForm.updateReplaces')}
          </Alert>
          {targetVersion ? (
            <AddonValuesForm version={targetVersion} state={values.state} onValues={values.setValues} onYaml={values.setYaml} errors={refusal?.values ?? {}} />
          ) : null}
          <ValuesDiff before={before} after={values.state.values} />
          <RequestPreview body={body} />
          {update.isError && !refusal ? <ErrorPanel title={heading} error={update.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('addonForm.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!values.state.yamlValid || !targetVersion}>
              {mode === 'upgrade' ? t('addonUpgrade.submit') : t('addonEdit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------

/**
 * Rollback: names the version it returns to, and shows the values it returns to as a diff of current →
 * restored values. The API names the previous version (`previousVersion`) but not its values: they
 * come back in the answer to the rollback itself (digest §3.6, where `spec.values` are at once the
 * source revision's), so the dialog stays open after the cloud accepts it and shows them from that
 * answer. Nothing is shown that the cloud did not send.
 */
export function RollbackAddonDialog({ instance, cluster, onClose }: { instance: AddonInstance; cluster: AddonCluster; onClose: () => void }) {
  const { t } = useI18n();
  const title = instanceTitle(instance);
  // What the instance runs now, as the dialog opened (the list refreshes once the rollback is accepted).
  const [from] = useState(() => ({ version: instance.spec?.version ?? '', values: instance.spec?.values }));
  // `previousVersion` is "the add-on version before upgrade or rollback": where a rollback returns.
  const to = instance.status?.previousVersion ?? '';
  const rollback = useMutation(addonMutations.rollback());
  const accepted = rollback.data;
  const heading = t('addonRollback.title', { addon: title });
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('addonForm.close') }} size={accepted ? 'xl' : 'md'} title={heading}>
      {accepted ? (
        <RollbackAccepted accepted={accepted} title={title} from={from} onClose={onClose} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            rollback.mutate({ params: { id: instance.metadata?.uid ?? '' }, body: { clusterID: cluster.uid } });
          }}
        >
          <Stack>
            <Text>{t('addonRollback.body', { addon: title, cluster: cluster.name, from: from.version, to: to || '—' })}</Text>
            <Text size="sm" c="dimmed">
              {t('addonRollback.valuesLater')}
            </Text>
            {rollback.isError ? <ErrorPanel title={heading} error={rollback.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('addonForm.cancel')}
              </Button>
              <Button type="submit" color="orange" loading={rollback.isPending}>
                {t('addonRollback.submit', { version: to || '—' })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The accepted rollback: the version and the values the instance returns to, as the cloud answered. */
function RollbackAccepted({
  accepted,
  title,
  from,
  onClose,
}: {
  accepted: AddonInstance;
  title: string;
  from: { version: string; values: Record<string, unknown> | null | undefined };
  onClose: () => void;
}) {
  const { t } = useI18n();
  const version = accepted.spec?.version ?? '';
  const restored = accepted.spec?.values;
  return (
    <Stack>
      <Alert color="green" variant="light" role="status">
        {t('addonRollback.done', { addon: title, version })}
      </Alert>
      {restored && from.values ? (
        <ValuesDiff
          before={addonValuesForUpdate(from.values)}
          after={addonValuesForUpdate(restored)}
          title={t('addonRollback.diff', { version })}
          afterLabel={t('addonRollback.diffRestored', { version })}
        />
      ) : restored ? (
        // The list did not carry the current values (digest A2): the restored ones alone, read-only.
        <LazyYamlEditor label={t('addonRollback.diffRestored', { version })} value={toYamlText(addonValuesForUpdate(restored))} readOnly />
      ) : (
        // AMBIG (digest A2): a cloud may answer `values: null`; then there is nothing to show here.
        <Text size="sm" c="dimmed">
          {t('addonRollback.valuesNotReturned', { addon: title, version })}
        </Text>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('addonRollback.finish')}</Button>
      </Group>
    </Stack>
  );
}

/** Uninstall: names the add-on and the cluster, warns for a required add-on, asks for the add-on's name. */
export function UninstallAddonDialog({
  instance,
  cluster,
  required,
  onClose,
}: {
  instance: AddonInstance;
  cluster: AddonCluster;
  required: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const title = instanceTitle(instance);
  const name = instance.spec?.addonTemplateName ?? '';
  const [typed, setTyped] = useState('');
  const uninstall = useMutation({
    ...addonMutations.uninstall(),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('addonUninstall.done', { addon: title, cluster: cluster.name }) });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('addonForm.close') }} title={t('addonUninstall.title', { addon: title })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (typed === name) uninstall.mutate({ params: { id: instance.metadata?.uid ?? '' }, query: { cluster_id: cluster.uid } });
        }}
      >
        <Stack>
          <Text>{t('addonUninstall.body', { addon: title, version: instance.spec?.version ?? '', cluster: cluster.name })}</Text>
          {required ? (
            <Alert color="orange" variant="light">
              {t('addonUninstall.required', { addon: title, impact: t(name === 'coredns' ? 'addonUninstall.impact.coredns' : 'addonUninstall.impact.other') })}
            </Alert>
          ) : null}
          <TextInput label={t('addonUninstall.confirm', { name })} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} autoComplete="off" />
          {uninstall.isError ? <ErrorPanel title={t('addonUninstall.title', { addon: title })} error={uninstall.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('addonForm.cancel')}
            </Button>
            <Button type="submit" color="red" loading={uninstall.isPending} disabled={typed !== name}>
              {t('addonUninstall.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
