import { Accordion, Alert, Code, NumberInput, Radio, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { AddonVersion } from '../../../contract/addons.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { LazyYamlDiff, LazyYamlEditor } from '../../shared/ui/yaml-editor/lazy-yaml.tsx';
import { checkYamlMapping, toYamlText } from '../../shared/ui/yaml-editor/yaml-text.ts';
import { addonFormModel, flavorKeyOf, type AddonField } from './addon-form-model.ts';
import { diffValues, withCustomValue, withFlavor, withReplicas, type AddonValues } from './addon-values.ts';
import './addon-messages.ts';

/**
 * The values being edited: the object the request carries, and the YAML text of the editor. The form
 * fields and the editor change the same values; YAML that does not parse keeps its text (nothing typed
 * is lost) and leaves the values as they were until it parses again.
 */
export interface AddonValuesState {
  values: AddonValues;
  yaml: string;
  yamlValid: boolean;
}

export function valuesState(values: AddonValues): AddonValuesState {
  return { values, yaml: toYamlText(values), yamlValid: true };
}

/** Hook holding the values of one dialog. */
export function useAddonValues(initial: () => AddonValues) {
  const [state, setState] = useState<AddonValuesState>(() => valuesState(initial()));
  return {
    state,
    setValues: (values: AddonValues) => setState(valuesState(values)),
    setYaml: (yaml: string) => {
      const parsed = checkYamlMapping(yaml);
      setState((current) => (parsed.ok ? { values: parsed.value, yaml, yamlValid: true } : { ...current, yaml, yamlValid: false }));
    },
    reset: (values: AddonValues) => setState(valuesState(values)),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field errors keyed by the path under `values` (`custom.upstream_nameservers`, `flavor.replicas`). */
export type ValuesFieldErrors = Record<string, string>;

interface FieldProps {
  field: AddonField;
  value: unknown;
  error?: string;
  disabled: boolean;
  onChange: (value: unknown) => void;
}

/** A NumberInput's value as a number, or undefined when the field was cleared or holds no number yet ("-", "1e"). */
function numberOrNothing(next: number | string): number | undefined {
  if (typeof next === 'number') return next;
  const parsed = next.trim() === '' ? NaN : Number(next);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function CustomField({ field, value, error, disabled, onChange }: FieldProps) {
  const { t } = useI18n();
  const common = { label: field.label, description: field.description, error, disabled };
  switch (field.kind) {
    case 'boolean':
      return <Switch {...common} checked={value === true} onChange={(event) => onChange(event.currentTarget.checked)} />;
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(next) => onChange(numberOrNothing(next))} />;
    case 'string':
      return (
        <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.currentTarget.value)} autoComplete="off" />
      );
    case 'string-list':
      return (
        <Textarea
          {...common}
          description={[field.description, t('addonForm.listHelp')].filter(Boolean).join(' ')}
          autosize
          minRows={2}
          value={Array.isArray(value) ? value.join('\n') : ''}
          onChange={(event) =>
            onChange(
              event.currentTarget.value
                .split('\n')
                .map((line) => line.trim())
                .filter((line) => line !== ''),
            )
          }
        />
      );
    default:
      return (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {field.label}
          </Text>
          {field.description ? (
            <Text size="xs" c="dimmed">
              {field.description}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('addonForm.structuredHelp')}
          </Text>
        </Stack>
      );
  }
}

/**
 * The form generated from a version's `input`: the flavor (Autopilot flavors, the default
 * preselected) with its replicas, each `custom` parameter as a labelled input of its kind with its
 * translated help, and the full values in a YAML editor.
 */
export function AddonValuesForm({
  version,
  state,
  onValues,
  onYaml,
  errors,
  disabled = false,
}: {
  version: AddonVersion;
  state: AddonValuesState;
  onValues: (values: AddonValues) => void;
  onYaml: (yaml: string) => void;
  errors: ValuesFieldErrors;
  disabled?: boolean;
}) {
  const { t, language } = useI18n();
  const model = useMemo(() => addonFormModel(version, language), [version, language]);
  const { values } = state;
  const custom = isObject(values.custom) ? values.custom : {};
  const flavor = isObject(values.flavor) ? values.flavor : undefined;
  const chosenFlavor = flavorKeyOf(model, flavor);
  const named = model.fields.filter((f) => f.named);
  const others = model.fields.filter((f) => !f.named && f.kind !== 'structured');
  const field = (f: AddonField) => (
    <CustomField
      key={f.key}
      field={f}
      value={custom[f.key]}
      error={errors[`custom.${f.key}`]}
      disabled={disabled}
      onChange={(v) => onValues(withCustomValue(values, f.key, v))}
    />
  );
  return (
    <Stack gap="md">
      {model.flavors.length > 0 ? (
        <Radio.Group
          label={t('addonForm.flavor')}
          value={chosenFlavor ?? null}
          error={errors['flavor.name'] ?? errors.flavor}
          onChange={(key) => {
            const option = model.flavors.find((f) => f.key === key);
            if (option) onValues(withFlavor(values, option.value));
          }}
        >
          <Stack gap="xs" mt="xs">
            {model.flavors.map((option) => (
              <Radio
                key={option.key}
                value={option.key}
                disabled={disabled}
                label={option.isDefault ? t('addonForm.flavorDefault', { name: option.label }) : option.label}
                description={[
                  option.description,
                  option.resources.length > 0
                    ? t('addonForm.flavorResources', {
                        replicas: option.replicas ?? 1,
                        resources: option.resources.map((r) => [r.name, r.cpu, r.memory].filter(Boolean).join(' ')).join(', '),
                      })
                    : undefined,
                ]
                  .filter(Boolean)
                  .join(' — ')}
              />
            ))}
          </Stack>
        </Radio.Group>
      ) : null}
      {flavor && typeof flavor.replicas === 'number' ? (
        <NumberInput
          label={t('addonForm.replicas')}
          min={1}
          max={50}
          allowDecimal={false}
          disabled={disabled}
          value={flavor.replicas}
          error={errors['flavor.replicas']}
          onChange={(next) => {
            if (typeof next === 'number' && Number.isInteger(next) && next >= 1) onValues(withReplicas(values, next));
          }}
          w={200}
        />
      ) : null}
      {named.length > 0 || others.length > 0 ? (
        <Stack gap="sm">
          <Title order={4}>{t('addonForm.parameters')}</Title>
          {named.map(field)}
          {others.length > 0 ? (
            <Accordion variant="contained">
              <Accordion.Item value="other">
                <Accordion.Control>{t('addonForm.otherParameters', { count: others.length })}</Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">{others.map(field)}</Stack>
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          ) : null}
        </Stack>
      ) : null}
      <LazyYamlEditor
        label={t('addonForm.values')}
        description={t('addonForm.valuesHelp')}
        value={state.yaml}
        onChange={onYaml}
        readOnly={disabled}
        mapping
        error={errors.values}
      />
    </Stack>
  );
}

/** The request exactly as it will be sent. */
export function RequestPreview({ body }: { body: unknown }) {
  const { t } = useI18n();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="addon-request-preview">
        {t('addonForm.preview')}
      </Text>
      <Code block aria-labelledby="addon-request-preview" style={{ maxHeight: 280, overflow: 'auto' }} tabIndex={0}>
        {JSON.stringify(body, null, 2)}
      </Code>
    </Stack>
  );
}

/**
 * Current → new values: a count of leaf changes and the side-by-side diff. `title` and `afterLabel`
 * name another comparison (a rollback's current → restored values); by default it is the values an
 * update is about to send.
 */
export function ValuesDiff({ before, after, title, afterLabel }: { before: AddonValues; after: AddonValues; title?: string; afterLabel?: string }) {
  const { t } = useI18n();
  const changes = diffValues(before, after);
  const heading = title ?? t('addonForm.diff');
  return (
    <Stack gap="xs">
      <Title order={4}>{heading}</Title>
      {changes.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('addonForm.noChanges')}
        </Alert>
      ) : (
        <Text size="sm">{t('addonForm.changeCount', { count: changes.length })}</Text>
      )}
      <LazyYamlDiff
        label={heading}
        before={toYamlText(before)}
        after={toYamlText(after)}
        beforeLabel={t('addonForm.diffCurrent')}
        afterLabel={afterLabel ?? t('addonForm.diffNew')}
      />
    </Stack>
  );
}
