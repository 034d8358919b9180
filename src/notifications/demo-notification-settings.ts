import { EntityManager } from 'typeorm';
import { UsersRepository } from '../users/users.repository';
import { NotificationSetting } from './entities/notification-setting.entity';

/** Demo users' e-mail addresses, on the reserved `.example` domain: nothing leaves a demo by mistake. */
export async function seedDemoNotificationSettings(em: EntityManager): Promise<void> {
  for (const user of await new UsersRepository(em.connection).findAllByUsername(em)) {
    if (await em.existsBy(NotificationSetting, { userId: user.id })) continue;
    await em.save(NotificationSetting, em.create(NotificationSetting, { userId: user.id, email: `${user.username}@kazalnik.example` }));
  }
}
