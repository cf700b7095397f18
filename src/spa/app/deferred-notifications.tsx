import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';

const NotificationsHost = lazy(async () => ({ default: (await import('./notifications-host.tsx')).NotificationsHost }));

/**
 * Mantine's notification container, mounted the first time anything calls `notifications.show()`.
 * The store is global and keeps what was shown before the container arrived, so nothing is lost;
 * in exchange the container's code (~8 KB gzip) is not part of the first page.
 */
export function DeferredNotifications() {
  const { notifications, queue } = useNotifications();
  // Stays mounted once needed, so closing transitions and later notifications need no reload.
  const [needed, setNeeded] = useState(false);
  if (!needed && (notifications.length > 0 || queue.length > 0)) setNeeded(true);
  return needed ? (
    <Suspense fallback={null}>
      <NotificationsHost />
    </Suspense>
  ) : null;
}
