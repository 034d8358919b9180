import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/** Where a user wants reminders by e-mail; without a row (or an address) they appear only in the app. */
@Entity('notification_setting')
export class NotificationSetting {
  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;
}
