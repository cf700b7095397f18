import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createClusterBodySchema, clusterDescriptionSchema, clusterNameSchema, customSanSchema } from '../../../contract/clusters.ts';
import { passwordSchema, signInBodySchema, usernameSchema } from '../../../contract/console-api.ts';
import createRequest from '../../../contract/examples/CreateAutopilotCluster.request.json';
import { namespaceSchema, releaseNameSchema } from '../../../contract/releases.ts';
import { resourceTagListSchema, tagKeySchema, tagsCreateBodySchema, tagValueSchema } from '../../../contract/tags.ts';
import { loadCatalog } from '../i18n/i18n.ts';
import { localizeValidationMessage } from './validation-messages.ts';

afterEach(async () => {
  await loadCatalog('en');
});

/** Every message a schema gives for `values`. */
function messagesOf(schema: z.ZodType, values: readonly unknown[]): string[] {
  return values.flatMap((value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  });
}

const long = (n: number) => 'a'.repeat(n);
const tag = (key: string) => ({ key, value: 'v' });

/** The messages operators meet on the console's forms, produced by the contract itself. */
const formMessages = () => [
  ...messagesOf(clusterNameSchema, [undefined, 'ab', long(129), '1abc', 'ab_cd', 'abcd-']),
  ...messagesOf(clusterDescriptionSchema, [long(201), 'a$b']),
  ...messagesOf(customSanSchema, [['not a domain!'], ['a.example.com', 'a.example.com']]),
  ...messagesOf(createClusterBodySchema, [{ ...createRequest, spec: { ...createRequest.spec, serviceNetwork: { IPv4CIDR: '10.247.0.0' } } }]),
  ...messagesOf(tagKeySchema, [undefined, '', long(129), 'a!b', ' a', '_sys_a']),
  ...messagesOf(tagValueSchema, [long(256), 'a!']),
  ...messagesOf(resourceTagListSchema, [Array.from({ length: 21 }, (_, i) => tag(`k${i}`)), [tag('k'), tag('k')]]),
  ...messagesOf(tagsCreateBodySchema, [{ tags: [] }]),
  ...messagesOf(releaseNameSchema, [undefined, '', long(54), 'A', '-a', 'a-', 'a.-b']),
  ...messagesOf(namespaceSchema, [undefined, '', long(64), 'A', '-a', 'a-']),
  ...messagesOf(usernameSchema, ['ab', long(65), '1abc']),
  ...messagesOf(passwordSchema, ['short', long(257)]),
  ...messagesOf(signInBodySchema, [{ username: '', password: '' }]),
];

describe('validation messages', () => {
  it('are shown in English as the contract writes them', () => {
    for (const message of formMessages()) expect(localizeValidationMessage(message)).toBe(message);
  });

  it('are all translated for a Chinese operator: a reworded or new contract message without an entry fails here', async () => {
    const messages = [...new Set(formMessages())];
    expect(messages.length).toBeGreaterThan(35);
    await loadCatalog('zh-CN');
    const untranslated = messages.filter((message) => localizeValidationMessage(message) === message);
    expect(untranslated).toEqual([]);
  });

  it('keep what varies, and localize a line’s own message and the name rule’s subject', async () => {
    await loadCatalog('zh-CN');
    expect(localizeValidationMessage('Cluster name must be 4 to 128 characters')).toBe('集群名称须为 4–128 个字符');
    expect(localizeValidationMessage('Cluster alias must not end with a hyphen (-)')).toBe('集群别名不能以连字符（-）结尾');
    expect(localizeValidationMessage('Line 3: Tag key must not be empty')).toBe('第 3 行：标签键不能为空');
    expect(localizeValidationMessage('Tag key must not start with _sys_')).toBe('标签键不能以 _sys_ 开头');
    expect(localizeValidationMessage('Enter the VPC ID.')).toBe('请输入 VPC ID。');
  });

  it('leave a message they do not know as written, and a rule about an unknown subject too', async () => {
    await loadCatalog('zh-CN');
    expect(localizeValidationMessage('The resource already exists.')).toBe('The resource already exists.');
    expect(localizeValidationMessage('Widget name must start with a lowercase letter')).toBe('Widget name must start with a lowercase letter');
  });
});
