import { EntityManager } from 'typeorm';
import { User } from '../users/entities/user.entity';
import { NotificationSetting } from './entities/notification-setting.entity';

/** Demo users' e-mail addresses, on the reserved `.example` domain: nothing leaves a demo by mistake. */
export async function seedDemoNotificationSettings(em: EntityManager): Promise<void> {
  for (const user of await em.find(User)) {
    if (await em.existsBy(NotificationSetting, { userId: user.id })) continue;
    await em.save(NotificationSetting, em.create(NotificationSetting, { userId: user.id, email: `${user.username}@kazalnik.example` }));
  }
}
