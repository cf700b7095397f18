import { Notifications } from '@mantine/notifications';

/**
 * The notification container itself; loaded only once there is something to show. Bottom right, below
 * the header's language, theme and Sign out controls rather than over them, at most three at a time.
 */
export function NotificationsHost() {
  // Mantine cuts a notification at 200 px (its enter/exit animation needs a max height); a job in
  // progress is taller than that, so the cap is raised and progress notifications stay compact.
  return <Notifications position="bottom-right" limit={3} notificationMaxHeight={360} />;
}
