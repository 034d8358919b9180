import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instantColumn } from '../../database/columns';
import { User } from '../../users/entities/user.entity';

export const NOTIFICATION_KINDS = ['deadline_reminder', 'report_returned', 'report_approved', 'report_submitted'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * A notice to one user about one event, shown in the app and, with SMTP configured, e-mailed.
 * The unique (eventKey, userId) makes the notice exist at most once, whichever app instance
 * noticed the event first; `mailClaim` is set by the one instance that sends the e-mail.
 */
@Entity('notification')
@Unique('uq_notification_event_user', ['eventKey', 'userId'])
@Index('ix_notification_user', ['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  eventKey: string;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 30 })
  kind: NotificationKind;

  @Column({ type: 'integer', nullable: true })
  projectId: number | null;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column(instantColumn())
  createdAt: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  mailClaim: string | null;

  @Column(instantColumn({ nullable: true }))
  mailedAt: string | null;

  @Column({ type: 'text', nullable: true })
  mailError: string | null;

  @Column(instantColumn({ nullable: true }))
  readAt: string | null;
}
