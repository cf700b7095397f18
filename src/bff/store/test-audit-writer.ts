// Child process of durability.test.ts: appends audit entries until killed, acknowledging each on stdout.
import { ConsoleStore } from './console-store.ts';
import { openEmbedded } from './sql-client.ts';

const store = await ConsoleStore.open(await openEmbedded(process.argv[2]!));
for (let i = 0; ; i++) {
  const requestId = `durable-${i}`;
  await store.appendAudit({
    actor: 'writer',
    actorRole: 'operator',
    action: 'UpdateAutopilotCluster',
    targetKind: 'cluster',
    targetId: 'c1',
    outcome: 'success',
    status: 200,
    requestId,
  });
  process.stdout.write(`ack ${requestId}\n`);
}
