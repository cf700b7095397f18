import { Notifications } from '@mantine/notifications';

/** The notification container itself; loaded only once there is something to show. */
export function NotificationsHost() {
  return <Notifications position="top-right" />;
}
