import { Notification } from './notification.entity';
import { NotificationSetting } from './notification-setting.entity';

export { Notification, NotificationSetting };

export const NOTIFICATION_ENTITIES = [Notification, NotificationSetting];
